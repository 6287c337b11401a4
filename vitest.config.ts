import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build tests share Astro's cache folder, so their files must not run side by side.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
