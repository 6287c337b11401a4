import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tools/support/chromium.ts';
import { SITES, rootUrl } from './tests/e2e/support/sites.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: rootUrl,
    trace: 'retain-on-failure',
    // The offline worker would save the whole site in every test's browser; only offline.spec.ts,
    // which is about it, lets it run. Everything else must work without it anyway.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: 'node tests/e2e/support/serve-sites.ts',
    url: `http://127.0.0.1:${SITES.subPath.port}${SITES.subPath.base}`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
