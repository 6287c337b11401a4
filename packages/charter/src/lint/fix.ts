/**
 * `--fix`: rewrites terminology variants and British spellings to the suggested words. A file is
 * written only if the result still parses, and all files are written at once (each to a temporary
 * file, then renamed into place), so an interrupted run leaves no half-written chapter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { createRun, displayPath, expandPaths, sortMessages, vocabularyMessages } from './check.ts';
import { applyEdits } from './fixes.ts';
import { parseMdx } from './parser.ts';
import { syntaxProblemOf } from './rules/mdx-syntax.ts';
import type { CheckOptions, LintMessage } from './types.ts';

/** The rules whose suggestions `--fix` writes. */
export const FIXABLE_RULES = ['terminology', 'spelling-variant'] as const;

/** A fix can make a new match (rare); a few passes settle it. */
const MAX_PASSES = 3;

export interface FixResult {
  /** Files written, with how many problems were fixed in each. */
  fixed: { file: string; count: number }[];
  /** Files left unchanged because the fixed text would not parse. */
  refused: { file: string; reason: string }[];
  /** Every message for the files after fixing. */
  messages: LintMessage[];
}

export async function fixFiles(paths: readonly string[], options: CheckOptions = {}): Promise<FixResult> {
  const vocabularyProblems = vocabularyMessages(options);
  if (vocabularyProblems.length > 0) return { fixed: [], refused: [], messages: vocabularyProblems };
  const run = createRun(options);
  const files = expandPaths(paths.length > 0 ? paths : [path.join(run.contentDir, 'editions')], run.root);
  const writes = new Map<string, string>();
  const fixed: FixResult['fixed'] = [];
  const refused: FixResult['refused'] = [];
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    const outcome = await fixText(original, (text) => run.check(file, text, FIXABLE_RULES));
    if (outcome.refusal) refused.push({ file: displayPath(run.root, file), reason: outcome.refusal });
    else if (outcome.text !== original) {
      writes.set(file, outcome.text);
      fixed.push({ file: displayPath(run.root, file), count: outcome.count });
    }
  }
  writeFilesAtomically(writes);
  // A new run: the fixes may have changed headings that links into these chapters point at.
  const after = createRun(options);
  const messages: LintMessage[] = [];
  for (const file of files) messages.push(...(await after.check(file, readFileSync(file, 'utf8'))).messages);
  return { fixed, refused, messages: sortMessages(messages) };
}

interface FixOutcome {
  text: string;
  count: number;
  refusal?: string;
}

/** Applies the fixable messages' edits until none are left, refusing a result that does not parse. */
export async function fixText(
  original: string,
  check: (text: string) => Promise<{ fixes: { start: number; end: number; text: string }[][] }>,
): Promise<FixOutcome> {
  let text = original;
  let count = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { fixes } = await check(text);
    if (fixes.length === 0) break;
    const next = applyEdits(text, fixes);
    const problem = parseProblem(next.text);
    if (problem) return { text: original, count: 0, refusal: `the fixed text would not parse (${problem}); fix it by hand` };
    text = next.text;
    count += next.applied;
  }
  return { text, count };
}

function parseProblem(text: string): string | undefined {
  try {
    parseMdx(text);
    return undefined;
  } catch (error) {
    const problem = syntaxProblemOf(error);
    return `${problem.line}:${problem.column}: ${problem.reason}`;
  }
}
