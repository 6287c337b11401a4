/**
 * Which Chromium the browser tests drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE if set, else Playwright's
 * own download if one is installed, else Debian's /usr/bin/chromium. Without any, the tests stop
 * with instructions instead of a stack trace.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const configured = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE?.trim();
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE points at ${configured}, which does not exist. Fix the path or unset it.`);
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own; fall through to the system browser.
  }
  if (bundled && existsSync(bundled)) return bundled;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    [
      'No Chromium found for the browser tests. Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then it is found at /usr/bin/chromium)',
      '  - Playwright:    npx playwright install chromium    (needs internet access)',
      '  - or set PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chrome',
    ].join('\n'),
  );
}

/** Flags that keep Chromium quiet on a closed network and working as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
