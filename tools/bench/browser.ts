/**
 * What a reader's browser pays, measured in real Chromium against a built site served on loopback
 * with gzip, as a production web server would send it: the JavaScript a chapter page runs before
 * any interaction, and for search the bytes fetched and the time from the last keystroke to the
 * first results on screen.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
/** Pagefind's own files (index, fragments, wasm) are already compressed; text is gzipped on the fly. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** The file a request path names inside `dir` (`/a/` → `a/index.html`); undefined outside it. */
export function fileForRequest(dir: string, requestPath: string): string | undefined {
  const decoded = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  const full = path.join(dir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  return full.startsWith(path.resolve(dir) + path.sep) || full === path.resolve(dir) ? full : undefined;
}

export interface Served {
  url: string;
  /** Bytes the server has sent (status line, headers and body as compressed) since it started. */
  sentBytes: () => number;
  close: () => Promise<void>;
}

export function serveCompressed(dir: string): Promise<Served> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const file = fileForRequest(root, req.url ?? '/');
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  // Bytes are counted on the server's sockets, so requests from Pagefind's web worker count too:
  // Chromium does not report a dedicated worker's requests to the page.
  const sockets: Socket[] = [];
  server.on('connection', (socket) => sockets.push(socket));
  const sentBytes = () => sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, sentBytes, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** JavaScript that runs before any interaction: external scripts (as decoded) plus inline ones. */
export async function scriptBytesBeforeInteraction(browser: Browser, pageUrl: string): Promise<number> {
  const page = await browser.newPage();
  // Bodies are read as responses arrive and all awaited before the sum: reading them after the
  // fact raced the page and now and then left a script out.
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      bodies.push(
        response.body().then(
          (b) => b.length,
          () => 0,
        ),
      );
  });
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const external = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type') ?? ''))
      .reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length, 0),
  );
  await page.close();
  return external + inline;
}

export interface SearchTiming {
  query: string;
  /** Bytes received from the first keystroke of this query until its results showed. */
  bytes: number;
  /** Milliseconds from the last keystroke to the first results on screen. */
  msToResults: number;
  results: number;
}

/**
 * Types each query into the header search box the way a reader does (one key every 60 ms), one
 * query after another on the same page, and times the results. The first query pays for loading
 * the search code and index; later ones show what each further search costs.
 */
export async function measureSearch(browser: Browser, served: Served, pagePath: string, queries: readonly string[]): Promise<SearchTiming[]> {
  const page = await browser.newPage();
  await page.goto(served.url + pagePath, { waitUntil: 'networkidle' });
  // Both ends of the interval are taken inside the page, so the test driver's latency is not counted.
  await page.evaluate(() => {
    const w = window as unknown as { __benchRendered: number[]; __benchLastInput: number };
    w.__benchRendered = [];
    w.__benchLastInput = 0;
    document.querySelector('#search-input')!.addEventListener('input', () => (w.__benchLastInput = performance.now()), { capture: true });
    new MutationObserver(() => w.__benchRendered.push(performance.now())).observe(document.querySelector('#search-results')!, { childList: true });
  });
  const timings: SearchTiming[] = [];
  const input = page.locator('#search-input');
  for (const query of queries) {
    await input.fill('');
    await page.waitForFunction(() => document.querySelector('#search-results')!.children.length === 0);
    const before = served.sentBytes();
    await input.click();
    await input.pressSequentially(query, { delay: 60 });
    const waited = await page.waitForFunction(
      () => {
        const w = window as unknown as { __benchRendered: number[]; __benchLastInput: number };
        const shown = w.__benchRendered.find((t) => t >= w.__benchLastInput);
        return shown === undefined ? false : shown - w.__benchLastInput;
      },
      undefined,
      { timeout: 30_000 },
    );
    const msToResults = (await waited.jsonValue()) as number;
    await page.waitForLoadState('networkidle');
    const results = await page.locator('#search-results [role="option"]').count();
    timings.push({ query, bytes: served.sentBytes() - before, msToResults, results });
  }
  await page.close();
  return timings;
}
