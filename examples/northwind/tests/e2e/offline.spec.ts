/**
 * Offline reading in real Chromium: the worker saves the current edition, and with the network off
 * a chapter never opened and a search still work, the page saying it is a saved copy; a new build
 * deployed later is offered, and loaded only when the reader asks. Each test serves its own copy
 * of the sub-path build (base /handbook/), so it can deploy into it and stop the server.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createSiteHandler } from '../../../../tools/support/static-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { SITES } from './support/sites.ts';

// The other tests run without the worker (see playwright.config.ts); these are about it.
test.use({ serviceWorkers: 'allow' });

const BASE = SITES.subPath.base;

interface Served {
  url: string;
  dir: string;
  /** Serves the folder afresh, as a deploy does: the static server reads file details once, when it starts. */
  redeploy: () => Promise<void>;
  stop: () => Promise<void>;
}

async function listen(dir: string, port = 0): Promise<http.Server> {
  const server = http.createServer(createSiteHandler(dir, BASE));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function serveCopy(): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-offline-'));
  cpSync(path.resolve(SITES.subPath.outDir), dir, { recursive: true });
  let server = await listen(dir);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    dir,
    redeploy: async () => {
      await close(server);
      server = await listen(dir, port);
    },
    stop: () => (server.listening ? close(server) : Promise.resolve()),
  };
}

/** The build's id, from the worker's first line, and the list of files it keeps. */
function manifestOf(dir: string): { build: string; urls: string[] } {
  const first = readFileSync(path.join(dir, 'sw.js'), 'utf8').split('\n')[0]!;
  const { build } = JSON.parse(first.replace(/^self\.CHARTER_OFFLINE = /, '').replace(/;$/, '')) as { build: string };
  return JSON.parse(readFileSync(path.join(dir, `offline-${build}.json`), 'utf8')) as { build: string; urls: string[] };
}

/** Waits until the worker controls the page and its cache holds every file of the manifest. */
async function waitForSavedCopy(page: Page, build: string): Promise<number> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async (name) => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open(name);
    return (await cache.keys()).length;
  }, `charter-offline:${BASE}:${build}`);
}

let site: Served | undefined;
test.afterEach(async () => {
  await site?.stop();
  if (site) rmSync(site.dir, { recursive: true, force: true });
  site = undefined;
});

test('with the network off, a chapter never opened and a search still work, marked as a saved copy', async ({ page, context }) => {
  site = await serveCopy();
  const manifest = manifestOf(site.dir);
  // Archived and draft editions are not kept; the current edition's search bundle is.
  expect(manifest.urls.some((u) => u.startsWith(`${BASE}2025.1/`) || u.startsWith(`${BASE}draft/`) || u.includes('/pagefind/draft/'))).toBe(false);
  expect(manifest.urls).toContain(`${BASE}pagefind/2026.1/pagefind.js`);
  expect(manifest.urls).toContain(`${BASE}procedures/mail/`);

  await page.goto(site.url);
  await expect(page.locator('[data-offline-saved]')).toBeHidden();
  expect(await waitForSavedCopy(page, manifest.build)).toBe(manifest.urls.length);

  await context.setOffline(true);
  // Stopped too, so that nothing below can have come from it.
  await site.stop();

  await page.goto(`${site.url}procedures/mail/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
  const note = page.locator('[data-offline-saved]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Saved copy.');
  await expectNoAxeViolations(page);

  // A reading-path link carries ?path=…, which the saved copy answers too.
  await page.goto(`${site.url}skills/listening/?path=frontline-first-week`);
  await expect(page.getByRole('heading', { level: 1, name: 'Listening' })).toBeVisible();

  // Search, from the keyboard, on the saved search bundle.
  await page.keyboard.press('/');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type('hold');
  await expect(page.locator('[data-search-status]')).toContainText('“hold”');
  const results = page.locator('#search-results [role="option"]');
  await expect(results.first()).toBeVisible();
  await expect(results.filter({ hasText: 'Telephone' }).first()).toBeVisible();
});

test('a new build is offered, and loaded only when the reader chooses', async ({ page }) => {
  site = await serveCopy();
  const first = manifestOf(site.dir);
  await page.goto(`${site.url}procedures/telephone/`);
  await waitForSavedCopy(page, first.build);
  const offer = page.locator('[data-offline-update]');
  await expect(offer).toBeHidden();

  // Deploy a new build: the same site with another build id, as a changed chapter would give.
  const next = 'f'.repeat(16);
  const worker = path.join(site.dir, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(`"build":"${first.build}"`, `"build":"${next}"`));
  await site.redeploy();

  // The browser checks the worker's file on each visit; the new one saves its copy (the whole
  // site, hence the longer wait), then waits for the reader.
  await page.reload();
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await expect(offer).toContainText('A newer version of the handbook has been published.');
  // Still the old build until the reader chooses.
  expect(await page.evaluate(() => caches.keys())).toContain(`charter-offline:${BASE}:${first.build}`);
  await expectNoAxeViolations(page);

  // Reached with the keyboard and pressed with Enter.
  const button = offer.getByRole('button', { name: 'Load the new version' });
  for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

  await expect(page.getByRole('heading', { level: 1, name: 'Telephone' })).toBeVisible();
  await expect(offer).toBeHidden();
  // The new worker took over and removed the old build's copy.
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`charter-offline:${BASE}:${next}`]);
});
