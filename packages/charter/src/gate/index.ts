/**
 * The safety gate: one check of a chapter, on exactly the text the MDX compiler receives, shared
 * by the build (the Vite plugin before the compiler, and a check inside the compiler itself), the
 * dev server, the content loader and the checker.
 *
 * In order, each step only when the ones before it passed:
 * 1. size and depth limits on the raw text (limits.ts), so no parser can crash or stall;
 * 2. the frontmatter's shape and its YAML (src/lib/frontmatter.ts), so every reader splits it
 *    the same way, and its fields against the schema the site builds with;
 * 3. the compiler's own parse of the body Astro hands it, then the depth of that tree;
 * 4. the safety walk over that tree (check-tree.ts);
 * 5. the checker's parse of the file, so a chapter the checker cannot read is not built either.
 *
 * It fails closed: a parse that fails, or a check that throws, is a problem that refuses the
 * chapter. No lint comment or option turns any of it off.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { frontmatterProblems, frontmatterShapeProblems, splitFrontmatter, yamlHazards } from '../lib/frontmatter.ts';
import { parseChapter, usesMdxSyntax } from '../lib/mdx-parser.ts';
import { syntaxProblemOf } from '../lint/rules/mdx-syntax.ts';
import type { ChapterFormat } from './compiler.ts';
import type { ChapterReferences } from './references.ts';
import { askAhead, checkBodyIsolated, checkerTreeIsolated } from './isolated.ts';
import { limitProblems } from './limits.ts';
import { failure, syntax } from './body.ts';
import type { GateProblem } from './problem.ts';
import { componentPropValues } from '../lint/allowed-components.ts';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../lib/vocabulary.ts';

export type { GateProblem } from './problem.ts';
export { checkBody } from './body.ts';
export { ContentRefused, displayPath, formatProblem, refusalMessage } from './problem.ts';

export interface GateResult {
  problems: GateProblem[];
  /** What the body links to and its heading ids, read from the compiler's tree when it parsed. */
  references?: ChapterReferences | undefined;
  /** The checker's tree of the file, when every step passed up to its parse. */
  tree: Root | undefined;
}

/** Rule ids the build refuses under (the gate's, and the problems between chapters); none can be turned off. */
export { BUILD_RULE_IDS as GATE_RULE_IDS } from '../lint/rule-names.ts';

export interface GateOptions {
  /** false: parse with the checker's parser only where it can fail (the build). */
  tree?: boolean;
  /** The handbook's vocabulary (its frontmatter values and touchpoints); the default one when not given. */
  vocabulary?: Vocabulary;
}

/**
 * Checks a chapter file's whole text (frontmatter included). With `tree: false` (the build), the
 * checker's parse runs only where it can fail: plain Markdown has no syntax errors, so a chapter
 * without MDX syntax needs no second parse to know the checker can read it.
 */
export async function gateChapter(source: string, format: ChapterFormat = 'mdx', options: GateOptions = {}): Promise<GateResult> {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const limits = limitProblems(source, format);
  if (limits.length > 0) return { problems: limits, tree: undefined };
  const split = splitFrontmatter(source);
  const shape = [...frontmatterShapeProblems(source), ...yamlHazards(source, split)];
  // Fields the schema refuses do not stop the other checks; a frontmatter that cannot be read does.
  const fields = shape.length === 0 ? frontmatterProblems(source, vocabulary) : [];
  // The compiler's parser runs out of process: hostile input can crash it (see isolated.ts).
  const body = await checkBodyIsolated(split.body, format, componentPropValues(vocabulary));
  if (body.compilerFailed) {
    // Both parsers refusing is common (an unclosed tag); the checker's reason is the better one.
    const checker = await checkerTreeBounded(source, format);
    return { problems: [...shape, checker.problem ?? body.problems[0]!], tree: undefined };
  }
  const problems = [...shape, ...fields, ...body.problems];
  const references = body.references;
  const unreadable = fields.some((p) => p.message.startsWith('Frontmatter is not valid YAML'));
  if (body.problems.some((p) => p.ruleId !== 'mdx-safety') || shape.length > 0 || unreadable) return { problems, references, tree: undefined };
  if (options.tree === false && (format === 'md' || !usesMdxSyntax(source))) {
    if (problems.length === 0) recordPassed(split.body, format, vocabulary);
    return { problems, references, tree: undefined };
  }
  const checker = await checkerTreeBounded(source, format);
  if (checker.problem) return { problems: [...problems, checker.problem], references, tree: undefined };
  if (problems.length === 0) recordPassed(split.body, format, vocabulary);
  return { problems, references, tree: checker.tree };
}

/**
 * Starts the compiler's check of a file's body in the parser process, for a gateChapter on the
 * same text soon after (see lint/readings.ts); it never changes what gateChapter finds.
 */
export function askAheadForBody(source: string, format: ChapterFormat, vocabulary: Vocabulary = DEFAULT_VOCABULARY): void {
  askAhead(splitFrontmatter(source).body, format, componentPropValues(vocabulary));
}

/**
 * The gate's problems for a file, remembered by its text for the rest of the process: the build's
 * content loader and the Vite plugin both gate every chapter, and the second asks again.
 */
export async function gateProblems(
  source: string,
  format: ChapterFormat = 'mdx',
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): Promise<readonly GateProblem[]> {
  return (await gateReading(source, format, vocabulary)).problems;
}

/** The gate's problems for a file with what it links to, remembered by its text like gateProblems. */
export async function gateReading(source: string, format: ChapterFormat = 'mdx', vocabulary: Vocabulary = DEFAULT_VOCABULARY): Promise<GateReading> {
  const key = keyOf(source, format, vocabulary);
  let reading = results.get(key);
  if (!reading) {
    const result = await gateChapter(source, format, { tree: false, vocabulary });
    reading = { problems: result.problems, references: result.references };
    results.set(key, reading);
  }
  return reading;
}

export interface GateReading {
  problems: readonly GateProblem[];
  references: ChapterReferences | undefined;
}

/**
 * Sources up to this size are parsed in process: the checker's parser slows down with the square
 * of some shapes' size (setext headings, runs of emphasis), and at this size its worst is a few
 * seconds. Larger ones are parsed in the child process, under its time limit.
 */
const IN_PROCESS_PARSE_CHARACTERS = 16_000;

async function checkerTreeBounded(source: string, format: ChapterFormat): Promise<{ tree?: Root; problem?: GateProblem }> {
  return source.length <= IN_PROCESS_PARSE_CHARACTERS ? checkerTree(source, format) : checkerTreeIsolated(source, format);
}

/** The checker's parse of a file; a syntax error is a located problem. */
export function checkerTree(source: string, format: ChapterFormat): { tree?: Root; problem?: GateProblem } {
  try {
    return { tree: parseChapter(source, format) };
  } catch (error) {
    if (error instanceof RangeError) return { problem: failure(`the checker could not read the chapter (${error.message})`) };
    const found = syntaxProblemOf(error);
    return { problem: syntax(found.line, found.column, found.endLine, found.endColumn, `Could not parse MDX: ${found.reason}`) };
  }
}

/**
 * Bodies that passed the gate in this process (by hash), so the check inside the compiler does
 * not parse again a body the Vite plugin has just passed, and gate results by file text. Kept on
 * globalThis: Astro loads the integration and the content config as separate module instances.
 */
const shared = globalThis as Record<symbol, unknown>;
const passed = (shared[Symbol.for('charter.gate.passed')] ??= new Set<string>()) as Set<string>;
const results = (shared[Symbol.for('charter.gate.readings')] ??= new Map<string, GateReading>()) as Map<string, GateReading>;

/** A text's key: the same text can pass under one vocabulary and not under another. */
function keyOf(body: string, format: ChapterFormat, vocabulary: Vocabulary): string {
  return `${format}:${vocabularyKey(vocabulary)}:${createHash('sha1').update(body).digest('hex')}`;
}

const vocabularyKeys = new WeakMap<Vocabulary, string>();

function vocabularyKey(vocabulary: Vocabulary): string {
  let key = vocabularyKeys.get(vocabulary);
  if (!key) vocabularyKeys.set(vocabulary, (key = createHash('sha1').update(JSON.stringify(vocabulary)).digest('hex').slice(0, 16)));
  return key;
}

function recordPassed(body: string, format: ChapterFormat, vocabulary: Vocabulary): void {
  passed.add(keyOf(body, format, vocabulary));
}

/** Whether this exact body passed the whole gate in this process, under this vocabulary. */
export function passedGate(body: string, format: ChapterFormat, vocabulary: Vocabulary = DEFAULT_VOCABULARY): boolean {
  return passed.has(keyOf(body, format, vocabulary));
}
