/**
 * Which Chromium Charter drives, for `charter pdf` and the browser tests alike:
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE if set, else Playwright's own download if one is installed, else
 * Debian's /usr/bin/chromium. Without any, a clear message says how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** No Chromium to print with; the message lists the ways to get one. */
export class ChromiumMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumMissing';
  }
}

export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const configured = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE?.trim();
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new ChromiumMissing(`PLAYWRIGHT_CHROMIUM_EXECUTABLE points at ${configured}, which does not exist. Fix the path or unset it.`);
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own; fall through to the system browser.
  }
  if (bundled && existsSync(bundled)) return bundled;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new ChromiumMissing(
    [
      'No Chromium found. Install one of:',
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
