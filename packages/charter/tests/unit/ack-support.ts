/** Helpers for the acknowledgement endpoint's tests: a temporary folder, requests, a hash. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const engineRoot = path.resolve(import.meta.dirname, '../..');
export const repoRoot = path.resolve(engineRoot, '../..');
export const node24 = path.join(repoRoot, 'node_modules/.bin/node');
export const charterMain = path.join(engineRoot, 'src/cli/main.ts');

export function tempFolder(prefix = 'charter-acks-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/**
 * One request with node:http (not fetch, which would add its own headers and refuse some of the
 * bodies the tests send). `chunked` sends the body without a Content-Length.
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined && !options.chunked) headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = http.request(url, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON (Node's own answer to a request it could not parse): kept as text.
        }
        resolve({ status: res.statusCode!, headers: res.headers, body });
      });
      res.on('error', reject);
    });
    // The server may answer 413 and close before the whole body is sent: an error after the answer is not one.
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const signedIn = (reader: string, groups?: string): Record<string, string> => ({
  'Content-Type': 'application/json',
  'X-Forwarded-User': reader,
  ...(groups ? { 'X-Forwarded-Groups': groups } : {}),
});
