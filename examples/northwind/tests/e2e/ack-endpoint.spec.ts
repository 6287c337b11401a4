/**
 * The site with the real endpoint (#19): `charter ack-server` runs as a child process on a new
 * SQLite file, and Playwright's routing plays the sign-in proxy in front of it, forwarding the
 * browser's `/charter-api/…` requests with the header that names the reader (the browser itself
 * never sends one). A confirmation given in Chromium then shows in `charter ack-report`, and a
 * search that found nothing in `charter search-gaps`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test, type Page } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const node = path.join(repoRoot, 'node_modules/.bin/node');
const charter = path.join(repoRoot, 'packages/charter/src/cli/main.ts');
const example = path.resolve(import.meta.dirname, '../..');

let work: string;
let db: string;
let server: ChildProcess;
let endpoint: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'charter-ack-e2e-'));
  db = path.join(work, 'acks.sqlite');
  server = spawn(node, [charter, 'ack-server', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  endpoint = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout! }).on('line', (line) => {
      const url = /listening on (http:\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`charter ack-server stopped (exit ${code})`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

/** The sign-in proxy: requests to the site's endpoint go to ack-server with the reader and team headers set. */
async function signInProxy(page: Page, reader: string, groups: string): Promise<number[]> {
  const statuses: number[] = [];
  await page.route('**/charter-api/**', async (route) => {
    const request = route.request();
    const target = new URL(request.url());
    const response = await route.fetch({
      url: `${endpoint}${target.pathname.replace(/^\/charter-api/, '')}`,
      headers: { ...request.headers(), 'x-forwarded-user': reader, 'x-forwarded-groups': groups },
    });
    statuses.push(response.status());
    await route.fulfill({ response });
  });
  return statuses;
}

const cli = (args: string[]) => spawnSync(node, [charter, ...args], { cwd: example, encoding: 'utf8' });

test('a confirmation given in the browser is recorded by ack-server and shows in ack-report', async ({ page }) => {
  const statuses = await signInProxy(page, 'amira.hassan', 'phone-team, everyone');
  await page.goto('/procedures/telephone/');
  const hash = await page.locator('main').getAttribute('data-content-hash');
  const confirm = page.getByRole('region', { name: 'Confirm you have read this chapter' });
  await confirm.getByRole('button', { name: 'I have read this edition of the chapter' }).click();
  await expect(confirm.getByRole('status')).toContainText('Your confirmation is recorded.');
  expect(statuses).toEqual([201]);

  await page.reload();
  await expect(confirm.getByRole('status')).toContainText('that you read edition 2026.1 of this chapter');

  const report = cli(['ack-report', '--db', db, '--format', 'json']);
  expect(report.stderr).toBe('');
  const telephone = JSON.parse(report.stdout).chapters.find((c: { chapter: string }) => c.chapter === 'procedures/telephone');
  expect(telephone.hash).toBe(hash);
  expect(telephone.teams).toEqual([
    expect.objectContaining({ team: 'phone-team', confirmed: [expect.objectContaining({ reader: 'amira.hassan' })], stale: [], missing: [] }),
  ]);
  expect(cli(['ack-report', '--db', db]).stdout).toMatch(/procedures\/telephone — Telephone .*\n.*\n {2}phone-team +1\/1 +amira\.hassan/);
});

test('a search that found nothing is recorded and becomes a candidate in search-gaps', async ({ page }) => {
  const statuses = await signInProxy(page, 'ben.okafor', 'counter');
  await page.goto('/procedures/telephone/');
  await page.locator('#search-input').fill('zqxwv wombat');
  await expect(page.locator('.search-empty')).toBeVisible();
  await page.locator('.site-footer').click();
  await expect.poll(() => statuses).toEqual([201]);
  const review = cli(['search-gaps', '--db', db]);
  expect(review.stderr).toBe('');
  expect(review.stdout).toMatch(/# 1 search\(es\) in 2026\.1: "zqxwv wombat" ×1\n- id: zqxwv-wombat\n {2}phrase: "zqxwv wombat"/);
});
