/**
 * A worker thread of `checkInParallel` (parallel.ts): builds a run from the options it was started
 * with, then checks each batch of chapters it is sent and replies with their results. A rule that
 * fails is reported back with its message (which names the file), and the whole check stops there,
 * as it does on one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startParserProcess } from '../gate/isolated.ts';
import type { Job, WorkerReply } from './parallel.ts';
import type { CheckOptions } from './types.ts';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs only as a worker thread of the checker.');
// This thread's own parser process loads while the checker's modules do (see cli/index.ts).
startParserProcess();
const { createRun } = await import('./check.ts');
// Started with its options, or early (parallel.ts prestartWorkers), with the options sent first.
const given = (workerData as { options?: CheckOptions } | null)?.options;
let run = given && createRun(given);

/** Batches are checked one after another, in the order they came: a run checks one batch at a time. */
let checking: Promise<void> = Promise.resolve();

port.on('message', (message: readonly Job[] | { options: CheckOptions }) => {
  checking = checking.then(() => handle(message));
});

async function handle(message: readonly Job[] | { options: CheckOptions }): Promise<void> {
  if (!Array.isArray(message)) {
    run = createRun((message as { options: CheckOptions }).options);
    return;
  }
  let reply: WorkerReply;
  try {
    if (!run) throw new Error('A checker thread was sent chapters before its options.');
    reply = { results: await run.checkBatch(message as readonly Job[]) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port!.postMessage(reply);
}
