/**
 * Checks many chapters on several cores: this thread and `threads - 1` worker threads each take
 * the next batch of chapters from one queue until it is empty. Every thread builds its own run
 * (rules, handbook data, edition indexes) from the same options, so results do not depend on which
 * thread checked a file; they come back in the order of `jobs`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './check.ts';
import type { CheckOptions } from './types.ts';
import { siblingModule } from '../lib/engine-files.ts';

export interface Job {
  file: string;
  source: string;
}

/** What a worker answers for one batch. */
export type WorkerReply = { results: FileResult[] } | { error: string };

/** Below this many chapters per thread, starting a worker (about half a second) does not pay. */
export const MIN_FILES_PER_THREAD = 150;

/** How many threads to use for `files` chapters: as asked, else one per core, and not more than pays. */
export function threadCount(files: number, asked: number | undefined, cores: number = availableParallelism()): number {
  const wanted = asked ?? cores;
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_THREAD)));
}

/** Batches small enough to share the tail of the queue evenly, large enough to keep messages few. */
export function batchSize(files: number, threads: number): number {
  return Math.max(1, Math.min(32, Math.ceil(files / (threads * 8))));
}

/**
 * Checks `jobs` with `threads` threads. `checkHere` checks one job on this thread; `options` (which
 * must be cloneable: no `readBase`) set up the workers' runs.
 */
export async function checkInParallel(
  jobs: readonly Job[],
  threads: number,
  options: CheckOptions,
  checkHere: (job: Job) => Promise<FileResult>,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const size = batchSize(jobs.length, threads);
  let next = 0;
  const take = (): [number, readonly Job[]] | undefined => {
    if (next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + size);
    return [start, jobs.slice(start, next)];
  };
  const workers: Worker[] = [];
  try {
    const lanes = [hereLane(take, results, checkHere)];
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(siblingModule('check-worker', import.meta.url), { workerData: { options } });
      workers.push(worker);
      lanes.push(workerLane(worker, take, results));
    }
    await Promise.all(lanes);
    return results;
  } catch (error) {
    next = jobs.length; // stop this thread's lane too
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function hereLane(take: () => [number, readonly Job[]] | undefined, results: FileResult[], checkHere: (job: Job) => Promise<FileResult>): Promise<void> {
  for (let batch = take(); batch; batch = take()) {
    const [start, jobs] = batch;
    for (const [offset, job] of jobs.entries()) results[start + offset] = await checkHere(job);
    // Let the workers' replies in, so that they get their next batch without waiting for this lane.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function workerLane(worker: Worker, take: () => [number, readonly Job[]] | undefined, results: FileResult[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let start = 0;
    const send = () => {
      const batch = take();
      if (!batch) return resolve();
      start = batch[0];
      worker.postMessage(batch[1]);
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) return reject(new Error(reply.error));
      reply.results.forEach((result, offset) => (results[start + offset] = result));
      send();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`A checker thread stopped unexpectedly (exit code ${code}).`)));
    send();
  });
}
