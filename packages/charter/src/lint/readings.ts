/**
 * The gate's reading of each chapter of a batch, made once per distinct text and a little ahead of
 * the chapter that needs it.
 *
 * Why: editions are copies of each other, so most chapters of a handbook exist with the same text in
 * two or three edition folders. The gate's result (its problems, what the body links to, and the
 * checker's tree) depends only on the text, its format and the vocabulary, so identical files share
 * one reading: one compiler parse, one checker parse. The tree they share is frozen, so that no rule
 * can change what another file's rules then read (a rule that tried would fail, and its chapter be
 * refused), and marked shared for the rules that can reuse their messages too (shared-rules.ts).
 *
 * Ahead: the compiler's parse runs in a child process (gate/isolated.ts), so the next few texts'
 * bodies are handed to it while this thread checks the current one, and a reading then costs no
 * waiting. Only the child's part is done ahead: the checker's parse, the tree the rules read, is
 * made when its chapter comes, so that no more trees are alive at once than the one being checked.
 */
import type { Root } from 'mdast';
import { formatOf, type ChapterFormat } from '../gate/compiler.ts';
import { askAheadForBody, gateChapter, type GateResult } from '../gate/index.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';
import { markShared } from './shared-rules.ts';

/** A gate result for one text, as the checker's gate step takes it (see gate-step.ts). */
export interface ChapterReading {
  source: string;
  format: ChapterFormat;
  vocabulary: Vocabulary;
  result: Promise<GateResult>;
}

/** Texts whose compiler check is asked for ahead of their chapter: enough to keep the parser process busy. */
export const READ_AHEAD = 3;

export interface ReadingJob {
  file: string;
  source: string;
}

/**
 * The readings of a batch's jobs, made on demand by `readingAt(i)`, which also asks ahead for the
 * next READ_AHEAD distinct texts' compiler checks. Jobs with the same text and format get the same
 * reading; it is let go after the last of them, so a long batch holds only the tree being read.
 */
export function batchReadings(jobs: readonly ReadingJob[], vocabulary: Vocabulary): (index: number) => ChapterReading {
  const ids = textIds(jobs);
  const uses = new Map<number, number>();
  for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1);
  const left = new Map(uses);
  const started = new Map<number, ChapterReading>();
  const asked = new Set<number>();
  const start = (index: number): ChapterReading => {
    const id = ids[index]!;
    let reading = started.get(id);
    if (!reading) {
      const job = jobs[index]!;
      reading = startReading(job.source, formatOf(job.file), vocabulary, uses.get(id)! > 1);
      started.set(id, reading);
    }
    return reading;
  };
  return (index) => {
    const reading = start(index);
    // The last file of this text: the reading (and its tree) need not be kept any longer.
    const id = ids[index]!;
    const remaining = left.get(id)! - 1;
    left.set(id, remaining);
    if (remaining === 0) started.delete(id);
    // The next few distinct texts, looked for among a bounded number of jobs (their copies come with them).
    const ahead = new Set<number>();
    const end = Math.min(jobs.length, index + 1 + READ_AHEAD * 4);
    for (let next = index + 1; next < end && ahead.size < READ_AHEAD; next++) {
      const id = ids[next]!;
      ahead.add(id);
      if (started.has(id) || asked.has(id)) continue;
      asked.add(id);
      askAheadForBody(jobs[next]!.source, formatOf(jobs[next]!.file), vocabulary);
    }
    return reading;
  };
}

/** A number per job, the same for jobs with the same text and format. */
function textIds(jobs: readonly ReadingJob[]): number[] {
  const byText = new Map<string, Map<ChapterFormat, number>>();
  let next = 0;
  return jobs.map((job) => {
    const format = formatOf(job.file);
    let formats = byText.get(job.source);
    if (!formats) byText.set(job.source, (formats = new Map()));
    let id = formats.get(format);
    if (id === undefined) formats.set(format, (id = next++));
    return id;
  });
}

/** The gate on one text; a tree that more than one file reads is frozen and marked shared. */
export function startReading(source: string, format: ChapterFormat, vocabulary: Vocabulary, shared: boolean): ChapterReading {
  const result = gateChapter(source, format, { vocabulary }).then((gate) => {
    if (shared && gate.tree) markShared(deepFreeze(gate.tree));
    return gate;
  });
  // Awaited later, by the gate step; a failure meanwhile must not count as an unhandled rejection
  // (the gate step gets it, and the chapter is refused there).
  result.catch(() => undefined);
  return { source, format, vocabulary, result };
}

/** Freezes a tree and everything in it (nodes, positions, data), so that a rule cannot change it. */
export function deepFreeze<T extends Root>(tree: T): T {
  const stack: object[] = [tree];
  const push = (inner: unknown) => {
    if (inner !== null && typeof inner === 'object') stack.push(inner);
  };
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Object.isFrozen(value)) continue;
    Object.freeze(value);
    if (Array.isArray(value)) for (let index = 0; index < value.length; index++) push(value[index]);
    // Trees are plain objects: their own properties are all their properties.
    else for (const key in value) push((value as Record<string, unknown>)[key]);
  }
  return tree;
}
