/**
 * Checks many chapters on several cores: this thread and `threads - 1` worker threads each take
 * the next batch of chapters from one queue until it is empty. Every thread builds its own run
 * (rules, handbook data, edition indexes) from the same options, so results do not depend on which
 * thread checked a file; they come back in the order of `jobs`.
 *
 * Chapters with the same text (one chapter in several editions) are queued next to each other and
 * never split between batches, so one thread reads that text once for all of them (readings.ts).
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

/** Checks a batch of jobs on this thread (a run's checkBatch). */
export type CheckBatch = (jobs: readonly Job[]) => Promise<FileResult[]>;

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
 * A batch's size when `left` jobs are still queued: smaller towards the end, so that the threads
 * finish together instead of one waiting for another's last large batch.
 */
export function tailSize(size: number, left: number, threads: number): number {
  return Math.max(1, Math.min(size, Math.ceil(left / (threads * 4))));
}

/**
 * The order to check jobs in: each text's jobs together, at the place of its first one. Returns
 * indexes into `jobs`.
 */
export function sameTextsTogether(jobs: readonly Job[]): number[] {
  const byText = new Map<string, number[]>();
  jobs.forEach((job, index) => {
    const group = byText.get(job.source);
    if (group) group.push(index);
    else byText.set(job.source, [index]);
  });
  return [...byText.values()].flat();
}

/** Where the batch that starts at `start` ends: `size` jobs on, then on to the end of a run of jobs with one text. */
export function batchEnd(jobs: readonly Job[], start: number, size: number): number {
  let end = Math.min(jobs.length, start + size);
  while (end < jobs.length && jobs[end]!.source === jobs[end - 1]!.source) end++;
  return end;
}

/**
 * Checks `jobs` with `threads` threads. `checkHere` checks a batch on this thread; `options` (which
 * must be cloneable: no `readBase`) set up the workers' runs.
 */
export async function checkInParallel(jobs: readonly Job[], threads: number, options: CheckOptions, checkHere: CheckBatch): Promise<FileResult[]> {
  const order = sameTextsTogether(jobs);
  const queued = order.map((index) => jobs[index]!);
  const checked: FileResult[] = new Array(queued.length);
  const size = batchSize(queued.length, threads);
  let next = 0;
  const take = (): [number, readonly Job[]] | undefined => {
    if (next >= queued.length) return undefined;
    const start = next;
    next = batchEnd(queued, start, tailSize(size, queued.length - start, threads));
    return [start, queued.slice(start, next)];
  };
  const workers: Worker[] = [];
  try {
    const lanes = [hereLane(take, checked, checkHere)];
    for (let i = 1; i < threads; i++) {
      const worker = takeWorker(options);
      workers.push(worker);
      lanes.push(workerLane(worker, take, checked));
    }
    stopEarlyWorkers();
    await Promise.all(lanes);
    const results: FileResult[] = new Array(jobs.length);
    order.forEach((index, position) => (results[index] = checked[position]!));
    return results;
  } catch (error) {
    next = queued.length; // stop this thread's lane too
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

const workerModule = () => siblingModule('check-worker', import.meta.url);

/** Worker threads started before a run needs them (see prestartWorkers), loading the checker meanwhile. */
const early: Worker[] = [];

/**
 * Starts `count` worker threads before the run knows what it will check: loading the checker takes
 * a thread about as long as the command's own start, and a run over a whole tree needs them. The
 * first checkInParallel hands them their options; workers no run takes neither keep the process
 * alive nor stop it when they fail, and stopEarlyWorkers ends them.
 */
export function prestartWorkers(count: number): void {
  for (let i = 0; i < count; i++) {
    const worker = new Worker(workerModule());
    worker.unref();
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      const at = early.indexOf(worker);
      if (at >= 0) early.splice(at, 1);
    });
    early.push(worker);
  }
}

/** Ends the workers started early that no run took (a run that needed fewer threads). */
export function stopEarlyWorkers(): void {
  for (const worker of early.splice(0)) void worker.terminate();
}

/** A worker started early, handed the run's options, or a new one started with them. */
function takeWorker(options: CheckOptions): Worker {
  const worker = early.shift();
  if (!worker) return new Worker(workerModule(), { workerData: { options } });
  worker.ref();
  worker.postMessage({ options });
  return worker;
}

async function hereLane(take: () => [number, readonly Job[]] | undefined, results: FileResult[], checkHere: CheckBatch): Promise<void> {
  for (let batch = take(); batch; batch = take()) {
    const [start, jobs] = batch;
    (await checkHere(jobs)).forEach((result, offset) => (results[start + offset] = result));
    // Let the workers' replies in, so that they get their next batch without waiting for this lane.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Batches a worker holds at once: the one it checks and the next. With one, a worker that finished
 * waited for this thread to get round to its reply (this thread is busy checking its own batch),
 * which left it idle for about a tenth of a whole-tree run.
 */
export const BATCHES_IN_FLIGHT = 2;

function workerLane(worker: Worker, take: () => [number, readonly Job[]] | undefined, results: FileResult[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // The first index of each batch sent and not yet answered, oldest first (the worker answers in order).
    const starts: number[] = [];
    const send = () => {
      const batch = take();
      if (!batch) return;
      starts.push(batch[0]);
      worker.postMessage(batch[1]);
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) return reject(new Error(reply.error));
      const start = starts.shift()!;
      reply.results.forEach((result, offset) => (results[start + offset] = result));
      send();
      if (starts.length === 0) resolve();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`A checker thread stopped unexpectedly (exit code ${code}).`)));
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send();
    if (starts.length === 0) resolve();
  });
}
