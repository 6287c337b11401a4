/**
 * The first step of the checker's pipeline: the build's gate, on the file's whole text as the
 * compiler receives it, and the link check on the gate's reading of the compiler's tree. Its
 * problems become messages that no lint comment, rule selection or config turns off. The tree the
 * rules then read is the gate's (the checker's parse of the file), not whatever the processor's
 * parser made of it: remark reads `.mdx` as plain Markdown, the compiler does not.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Plugin, Processor, Transformer } from 'unified';
import type { VFile } from 'vfile';
import { ContentRefused, gateChapter, type GateProblem, type GateResult } from '../gate/index.ts';
import { formatOf, type ChapterFormat } from '../gate/compiler.ts';
import { linkContextFor } from '../lib/content-check.ts';
import { linkProblems } from '../lib/link-check.ts';
import { notAChapter } from './check.ts';
import { contextOf, type FileContext } from './file-context.ts';
import type { ChapterReading } from './readings.ts';

/** The `source` of the gate's messages, which message control leaves alone. */
export const GATE_SOURCE = 'charter';

declare module 'vfile' {
  interface DataMap {
    /** Set by the gate step when the file cannot be read safely: the rules then do not run. */
    charterRefused: boolean;
    /** The gate's reading of the file's text when the run made it already (readings.ts). */
    charterReading: ChapterReading;
  }
}

export default function charterGate() {
  return async (_tree: Root, file: VFile): Promise<Root> => {
    if (!file.path) return refuseNameless(file);
    let charter: FileContext;
    try {
      charter = contextOf(file);
    } catch (error) {
      // The project cannot be checked (see project.ts): its reason, on the file, instead of a stack.
      if (error instanceof ContentRefused) return refuse(file, error.message);
      throw error;
    }
    const absolute = path.resolve(file.cwd, file.path);
    const stray = notAChapter(charter.handbook.contentDir, file.cwd, absolute);
    if (stray) return refuse(file, stray.message, stray.ruleId);
    const gate = await gateOf(String(file.value), formatOf(absolute), charter, file.data.charterReading);
    const links = gate.references
      ? linkProblems(gate.references, linkContextFor(charter.handbook, charter.edition, charter.chapterFile, charter.index, String(file.value)))
      : [];
    for (const problem of [...gate.problems, ...links]) reportGateProblem(file, problem);
    file.data.charterRefused = gate.tree === undefined;
    return gate.tree ?? { type: 'root', children: [] };
  };
}

/** The run's reading when it was made for exactly this text, format and vocabulary; else the gate on the text. */
function gateOf(source: string, format: ChapterFormat, charter: FileContext, reading: ChapterReading | undefined): Promise<GateResult> {
  const vocabulary = charter.handbook.vocabulary;
  if (reading && reading.source === source && reading.format === format && reading.vocabulary === vocabulary) return reading.result;
  return gateChapter(source, format, { vocabulary });
}

/**
 * Text without a file name (remark reading standard input) belongs to no edition, folder or
 * format, so nothing about it can be decided: it is refused with what to do instead.
 */
function refuseNameless(file: VFile): Root {
  return refuse(
    file,
    "Cannot check text without its file name, expected the chapter's path (remark --file-path <chapter> when the text comes on standard input)",
    'chapter-files',
  );
}

function refuse(file: VFile, reason: string, ruleId?: string): Root {
  // At the top of the file, as charter lint places it: the problem is the file, not a line of it.
  const message = file.message(reason, { place: { line: 1, column: 1 }, ...(ruleId ? { ruleId } : {}), source: GATE_SOURCE });
  message.fatal = true;
  file.data.charterRefused = true;
  return { type: 'root', children: [] };
}

/** A problem that stops the build, as an error on the file. */
export function reportGateProblem(file: VFile, problem: GateProblem & { expected?: string }): void {
  const message = file.message(problem.message, {
    place: { start: { line: problem.line, column: problem.column }, end: { line: problem.endLine, column: problem.endColumn } },
    ruleId: problem.ruleId,
    source: GATE_SOURCE,
  });
  message.fatal = true;
  if (problem.expected !== undefined) message.expected = [problem.expected];
}

type Next = (error?: Error | null, tree?: Root) => void;
type AnyTransform = (tree: Root, file: VFile, next: Next) => unknown;
// unified's Plugin type; the guard passes whatever options the plugin takes through unchanged.
type AnyPlugin = Plugin<any[], Root>;

/** Leaves a plugin out of files the gate refused: their tree is not the one the compiler would see. */
export function unlessRefused(plugin: AnyPlugin): AnyPlugin {
  return function (this: Processor, ...options: unknown[]) {
    const transform = (plugin as unknown as (...args: unknown[]) => AnyTransform | undefined).apply(this, options);
    if (typeof transform !== 'function') return transform;
    const guarded: AnyTransform = (tree, file, next) => {
      if (file.data.charterRefused) return next();
      // unified-lint-rule's transformers take a callback; others return a value or a promise.
      if (transform.length >= 3) return transform(tree, file, next);
      Promise.resolve((transform as (tree: Root, file: VFile) => unknown)(tree, file)).then(
        (result) => next(undefined, result as Root | undefined),
        (error: unknown) => next(error as Error),
      );
      return undefined;
    };
    return guarded as unknown as Transformer<Root, Root>;
  } as AnyPlugin;
}
