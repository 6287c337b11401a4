import { defineConfig } from 'vitest/config';

// Unit, checker and tool tests run side by side, and beside them the build tests, one file at a time
// (they share Astro's cache folder, and one build takes a core); the pack-and-install test comes
// last. Test files that need no build share their workers' loaded modules (isolate: false): most
// of their time was spent loading the same engine modules again for each file.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one, on the two-core machines this runs on.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'engine',
          root: 'packages/charter',
          include: ['tests/unit/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/import/**/*.test.ts', 'tests/lsp/**/*.test.ts'],
          isolate: false,
          testTimeout: 120_000,
        },
      },
      { test: { name: 'tools', root: 'tools', include: ['tests/**/*.test.ts'], isolate: false, testTimeout: 120_000 } },
      { test: { name: 'create-charter', root: 'packages/create-charter', include: ['tests/**/*.test.ts'], isolate: false, testTimeout: 60_000 } },
      // What the example handbook ships (its content, as checked with its own config): no build needed.
      { test: { name: 'content', root: 'examples/northwind', include: ['tests/content/**/*.test.ts'], isolate: false, testTimeout: 120_000 } },
      {
        test: {
          name: 'build',
          root: 'examples/northwind',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 240_000,
        },
      },
      {
        // Packs the engine and the scaffolder, installs a starter from the tarballs outside the
        // repository and drives it; it rebuilds the engine's dist/, so it runs after the build tests.
        test: {
          name: 'pack',
          root: 'tools',
          include: ['pack/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
