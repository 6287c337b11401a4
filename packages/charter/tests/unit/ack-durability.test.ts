/**
 * The endpoint never loses a confirmation it answered 2xx: `charter ack-server` runs as a child
 * process, takes a bounded load of confirmations from many concurrent clients, and is killed with
 * SIGKILL (no chance to flush or close anything) while requests are still in flight. Then the
 * database is opened again: every confirmation that got a 2xx answer is there, and the file passes
 * SQLite's integrity check. Nothing here depends on timing: the kill is triggered by a count of
 * answers, not by a clock.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { AckStore } from '../../src/lib/acks/store.ts';
import { charterMain, node24, request, sha256, signedIn, tempFolder } from './ack-support.ts';

const folder = tempFolder();
afterAll(() => folder.cleanup());

/** Confirmations sent in all, by how many clients at once, and after how many answers the server is killed. */
const TOTAL = 600;
const CLIENTS = 24;
const KILL_AFTER = 200;

it('keeps every confirmation it answered 2xx when killed with SIGKILL mid-load', async () => {
  const dbFile = path.join(folder.dir, 'acks.sqlite');
  const child = spawn(node24, [charterMain, 'ack-server', '--db', dbFile, '--port', '0', '--rate', '1000000'], {
    cwd: folder.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const url = /listening on (http:\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', () => reject(new Error(`ack-server stopped before listening:\n${stderr}`)));
  });

  const acknowledged = new Set<string>();
  let refusedOrLost = 0;
  let next = 0;
  const hash = sha256('# Telephone\n');
  async function client(): Promise<void> {
    while (next < TOTAL) {
      const i = next++;
      const reader = `reader-${i}`;
      try {
        const reply = await request(`${base}/ack`, {
          headers: signedIn(reader, 'phone'),
          body: JSON.stringify({ chapter: 'procedures/telephone', edition: '2026.1', hash }),
        });
        if (reply.status === 201 || reply.status === 200) acknowledged.add(reader);
        else refusedOrLost++;
      } catch {
        // The connection died with the server: this confirmation was never acknowledged.
        refusedOrLost++;
      }
      if (acknowledged.size >= KILL_AFTER && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  expect(await exited).toBe('SIGKILL');

  // The kill came mid-load: some confirmations were answered, some were not.
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acknowledged.size).toBeLessThan(TOTAL);
  expect(refusedOrLost).toBeGreaterThan(0);

  const store = await AckStore.open(dbFile, { create: false });
  try {
    expect(store.db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    const stored = new Set(store.acks().map((row) => row.reader));
    const missing = [...acknowledged].filter((reader) => !stored.has(reader));
    expect(missing).toEqual([]);
    // Rows the server wrote but could not answer before it died may be there too; never more than were sent.
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored.size).toBeLessThanOrEqual(TOTAL);
  } finally {
    store.close();
  }
});
