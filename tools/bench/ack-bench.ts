/**
 * Load on the acknowledgement endpoint, the way the proxy meets it: `charter ack-server` as a child
 * process on loopback with a new SQLite file (WAL, synchronous = FULL), and a fixed number of
 * confirmations sent by many clients at once over kept-alive connections, each from its own
 * reader, so that every one is a new row (the most work a confirmation costs: a write that must
 * reach the disk before the answer). Then the same again for repeats, which change nothing.
 * Requests per second over the whole run; latency from sending to the answer's last byte.
 *
 *   const result = await measureAckServer({ requests: 4000, concurrency: 32 });
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { charterCli, repoRoot } from '../support/paths.ts';

export interface AckLoadFigures {
  requests: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 201 or 200: none is expected. */
  failures: number;
}

export interface AckBenchResult {
  inserts: AckLoadFigures;
  repeats: AckLoadFigures;
  /** The database and its write-ahead log after the run. */
  databaseBytes: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;

function post(agent: http.Agent, url: URL, reader: string, body: string): Promise<{ status: number; ms: number }> {
  const sent = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Forwarded-User': reader,
          'X-Forwarded-Groups': 'phone-team',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - sent }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(url: URL, requests: number, concurrency: number, readerOf: (i: number) => string): Promise<AckLoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const hash = createHash('sha256').update('# Telephone\n').digest('hex');
  const body = JSON.stringify({ chapter: 'procedures/telephone', edition: '2026.1', hash, path: 'frontline-first-week' });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const reply = await post(agent, url, readerOf(next++), body);
        latencies.push(reply.ms);
        if (reply.status !== 201 && reply.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { requests, concurrency, seconds, perSecond: requests / seconds, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), failures };
}

export async function measureAckServer(options: { requests?: number; concurrency?: number } = {}): Promise<AckBenchResult> {
  const requests = options.requests ?? 4000;
  const concurrency = options.concurrency ?? 32;
  const work = mkdtempSync(path.join(os.tmpdir(), 'charter-ack-bench-'));
  const db = path.join(work, 'acks.sqlite');
  const node = path.join(repoRoot, 'node_modules/.bin/node');
  const server = spawn(node, [charterCli, 'ack-server', '--db', db, '--port', '0', '--rate', '1000000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout }).on('line', (line) => {
        const url = /listening on (http:\S+)/.exec(line)?.[1];
        if (url) resolve(url);
      });
      server.once('exit', (code) => reject(new Error(`charter ack-server stopped before listening (exit ${code})`)));
    });
    const url = new URL(`${base}/ack`);
    // A short warm-up, so that the figures are of the server, not of Node compiling it.
    await load(url, 200, 8, (i) => `warm-${i}`);
    const inserts = await load(url, requests, concurrency, (i) => `reader-${i}`);
    const repeats = await load(url, requests, concurrency, (i) => `reader-${i}`);
    const size = (file: string) => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    return { inserts, repeats, databaseBytes: size(db) + size(`${db}-wal`) };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
    rmSync(work, { recursive: true, force: true });
  }
}
