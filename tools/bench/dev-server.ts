/**
 * The editor's loop on a large handbook: start `astro dev` on the corpus, open a chapter in
 * Chromium, change the chapter's file, and time until the browser shows the new text.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from '@playwright/test';
import { astroBin } from '../support/paths.ts';

export interface DevFigures {
  /** From starting the dev server to its answering the chapter's first request. */
  startSeconds: number;
  /** The first load of the chapter page in the browser (the dev server renders on demand). */
  firstLoadSeconds: number;
  /** From saving the changed file to the new text on screen, for each edit. */
  editSeconds: number[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
}

/** Adds a marker paragraph after the frontmatter, where any chapter has body text. */
export function withMarker(source: string, marker: string): string {
  const end = source.indexOf('\n---\n', 4);
  if (!source.startsWith('---\n') || end < 0) return `${source}\n\n${marker}\n`;
  return `${source.slice(0, end + 5)}\n${marker}\n${source.slice(end + 5)}`;
}

export async function measureDevServer(options: {
  /** The handbook project to run `astro dev` in. */
  projectRoot: string;
  contentDir: string;
  chapterFile: string;
  chapterPath: string;
  browser: Browser;
  edits?: number;
}): Promise<DevFigures> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: options.projectRoot,
    env: { ...process.env, HANDBOOK_CONTENT_DIR: options.contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const original = readFileSync(options.chapterFile, 'utf8');
  const url = `http://127.0.0.1:${port}${options.chapterPath}`;
  const page = await options.browser.newPage();
  try {
    await waitFor(async () => (await fetch(url)).ok, 600_000, `the dev server at ${url}\n${log}`);
    const startSeconds = (Date.now() - started) / 1000;
    const loadStart = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
    const firstLoadSeconds = (Date.now() - loadStart) / 1000;
    const editSeconds: number[] = [];
    for (let i = 0; i < (options.edits ?? 3); i++) {
      const marker = `Bench marker ${i} ${Date.now()}`;
      const saved = Date.now();
      writeFileSync(options.chapterFile, withMarker(original, marker));
      // A content change may reload the page, which destroys the context an evaluate runs in: poll.
      await waitFor(() => page.evaluate((m) => document.body.innerText.includes(m), marker), 60_000, `"${marker}" on the page`);
      editSeconds.push((Date.now() - saved) / 1000);
    }
    return { startSeconds, firstLoadSeconds, editSeconds };
  } finally {
    writeFileSync(options.chapterFile, original);
    await page.close();
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}
