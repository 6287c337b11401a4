/**
 * Material change or correction: whether a new version of a chapter changes what staff must do.
 * Staff confirm that they have read material changes; a correction (a typo, a link, a clearer
 * sentence) must not ask them again, or confirmations lose their meaning.
 *
 * The rule: a change is material when the chapter's standards change (the frontmatter's `standards`
 * when a version has it, otherwise the items of its "Our standard" section) or its steps do (the
 * text inside `<Steps>` and the "Steps" section, in order). Anything else is a correction. The
 * editor has the last word per chapter in editions.yaml (`changeMarks`), see `markWithOverride`.
 *
 * Texts are compared as a reader sees them (chapter-text.ts): markup, line breaks and spacing are
 * no change. Within standards and steps, a change of case or punctuation, a reordering of the
 * standards (a list of promises, not a sequence) and a spelling fix of one word are corrections too;
 * see `isSpellingFix` for what counts as one. When in doubt the answer is material: asking staff to
 * confirm once too often is cheaper than a changed standard nobody was told about.
 *
 * Pure: no files, no clock. `ack-report` and the build call the same functions.
 */
import { createHash } from 'node:crypto';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ChapterFormat } from '../chapter-files.ts';
import { locateFrontmatter, splitFrontmatter } from '../frontmatter.ts';
import { parseChapter } from '../mdx-parser.ts';
import { collectBlocks, type TextBlock } from './chapter-text.ts';

export type ChangeMark = 'material' | 'correction';
export const CHANGE_MARKS = ['material', 'correction'] as const satisfies readonly ChangeMark[];

/** What made a change material. */
export type MaterialReason = 'standards' | 'steps';

/** One version of a chapter: the file's whole text, frontmatter included. */
export interface ChapterText {
  source: string;
  /** How the body is written; MDX when not given. */
  format?: ChapterFormat;
}

export interface MaterialOptions {
  /** h2 headings that hold a chapter's standards (compared without case); default "Our standard". */
  standardHeadings?: readonly string[];
  /** h2 headings that hold a chapter's steps; default "Steps". */
  stepsHeadings?: readonly string[];
}

/** The parts of a chapter whose change is material, as lists of reading text. */
export interface BindingParts {
  /** The frontmatter's `standards`, when the version has the field (any shape, compared as data). */
  frontmatterStandards?: unknown;
  /** The items of the standard section(s), in the order written. */
  standards: string[];
  /** The text of the steps, in order: `<Steps>` anywhere and everything in the "Steps" section. */
  steps: string[];
}

const DEFAULT_STANDARD_HEADINGS = ['Our standard'];
const DEFAULT_STEPS_HEADINGS = ['Steps'];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const headingKey = (text: string) => squash(text).toLowerCase();

/** The sha-256 (hex) of a chapter file's text as built: what a confirmation records. */
export function chapterContentHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

function blocksOf(node: RootContent): TextBlock[] {
  const blocks: TextBlock[] = [];
  collectBlocks(node, blocks);
  return blocks;
}

/** `<Steps>` elements anywhere below a node (not inside a Steps section; that one is read whole). */
function stepsElementsIn(node: RootContent, into: string[]): void {
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Steps') {
    for (const child of node.children) into.push(...blocksOf(child as RootContent).map((b) => b.text));
    return;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) stepsElementsIn(child, into);
}

/** Reads a version's standards and steps. Throws when the body cannot be parsed. */
export function bindingParts(chapter: ChapterText, options: MaterialOptions = {}): BindingParts {
  const standardHeadings = new Set((options.standardHeadings ?? DEFAULT_STANDARD_HEADINGS).map(headingKey));
  const stepsHeadings = new Set((options.stepsHeadings ?? DEFAULT_STEPS_HEADINGS).map(headingKey));
  const tree = parseChapter(splitFrontmatter(chapter.source).body, chapter.format ?? 'mdx');
  const parts: BindingParts = { standards: [], steps: [] };
  let section: 'standards' | 'steps' | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const key = headingKey(toString(node));
      section = standardHeadings.has(key) ? 'standards' : stepsHeadings.has(key) ? 'steps' : undefined;
      continue;
    }
    if (section) parts[section].push(...blocksOf(node).map((b) => b.text));
    else stepsElementsIn(node, parts.steps);
  }
  const data = locateFrontmatter(chapter.source).data;
  if (data && data['standards'] !== undefined) parts.frontmatterStandards = data['standards'];
  return parts;
}

/**
 * The words, numbers and symbols of a text, lowercased: what a reader takes from it. Punctuation
 * between words goes; inside a number (`1.5`, `3:30`, `1,000`) it stays, as it is part of the value, and so do the signs of a value (`%`, `€`, `#`).
 */
export function meaningTokens(text: string): string[] {
  return text.toLowerCase().match(/\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|[\p{S}%‰#]/gu) ?? [];
}

/** Words whose change turns what a sentence requires, however small the edit. */
const WEIGHTY_WORDS = new Set(
  (
    "not no nor never none cannot can can’t can't must may might should shall will won’t won't always only every each all any " +
    'within without before after by until more less least most first last next same other ' +
    'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty hundred thousand ' +
    'second seconds minute minutes hour hours day days week weeks month months year years ring rings ' +
    'percent half twice once daily weekly monthly yes'
  ).split(' '),
);

/** Edit distance with adjacent swaps (optimal string alignment), stopping early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether one word replacing another is a spelling fix: both are letters only, neither is a word
 * that carries a requirement (numbers, negation, time units, modal verbs), neither is the other with
 * something added (answer/answers, likely/unlikely: a change of meaning or grammar, not of
 * spelling), and they are one edit apart (two for words of eight letters or more).
 */
export function isSpellingFix(before: string, after: string): boolean {
  if (before === after) return true;
  if (!/^\p{L}+$/u.test(before) || !/^\p{L}+$/u.test(after)) return false;
  if (WEIGHTY_WORDS.has(before) || WEIGHTY_WORDS.has(after)) return false;
  if (before.startsWith(after) || after.startsWith(before) || before.endsWith(after) || after.endsWith(before)) return false;
  const limit = Math.min(before.length, after.length) >= 8 ? 2 : 1;
  return editDistance(before, after, limit) <= limit;
}

/** Whether two texts say the same, allowing spelling fixes of single words. */
function sameSaying(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((token, i) => isSpellingFix(token, after[i]!));
}

/** Whether two lists of texts say the same, item by item, in order. */
function sameSequence(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((text, i) => sameSaying(meaningTokens(text), meaningTokens(after[i]!)));
}

/**
 * Whether two lists say the same in any order: each item of one pairs with an item of the other
 * that says the same (exact matches first, so a spelling fix cannot take another item's partner).
 */
function sameSet(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length) return false;
  const left = before.map(meaningTokens);
  const right = after.map(meaningTokens);
  const key = (tokens: string[]) => tokens.join(' ');
  const unmatched: string[][] = [];
  const pool = new Map<string, number>();
  for (const tokens of right) pool.set(key(tokens), (pool.get(key(tokens)) ?? 0) + 1);
  for (const tokens of left) {
    const count = pool.get(key(tokens)) ?? 0;
    if (count > 0) pool.set(key(tokens), count - 1);
    else unmatched.push(tokens);
  }
  const rest = right.filter((tokens) => {
    const count = pool.get(key(tokens)) ?? 0;
    if (count === 0) return false;
    pool.set(key(tokens), count - 1);
    return true;
  });
  return unmatched.every((tokens) => {
    const at = rest.findIndex((other) => sameSaying(tokens, other));
    if (at === -1) return false;
    rest.splice(at, 1);
    return true;
  });
}

/** A value as comparable text: keys sorted, strings reduced to their meaning tokens. */
function canonicalData(value: unknown): unknown {
  if (typeof value === 'string') return meaningTokens(value).join(' ');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonicalData((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Whether the frontmatter's `standards` differ between two file texts: a change there is a change
 * to the chapter even when its body is the same (readers see the standards on the page).
 */
export function frontmatterStandardsDiffer(before: string, after: string): boolean {
  if (before === after) return false;
  const standards = (source: string) => JSON.stringify(canonicalData(locateFrontmatter(source).data?.['standards'] ?? null));
  return standards(before) !== standards(after);
}

function sameStandards(before: BindingParts, after: BindingParts): boolean {
  const inBefore = before.frontmatterStandards !== undefined;
  const inAfter = after.frontmatterStandards !== undefined;
  // Standards moved between the frontmatter and the body cannot be matched item by item: material,
  // unless the editor marks the chapter a correction in editions.yaml.
  if (inBefore !== inAfter) return false;
  if (inBefore) return JSON.stringify(canonicalData(before.frontmatterStandards)) === JSON.stringify(canonicalData(after.frontmatterStandards));
  return sameSet(before.standards, after.standards);
}

/**
 * Why a change between two versions is material; empty when it is a correction. A version that
 * cannot be parsed makes the change material (its standards cannot be read, so they cannot be
 * shown unchanged).
 */
export function materialReasons(before: ChapterText, after: ChapterText, options: MaterialOptions = {}): MaterialReason[] {
  let old: BindingParts;
  let now: BindingParts;
  try {
    old = bindingParts(before, options);
    now = bindingParts(after, options);
  } catch {
    return ['standards', 'steps'];
  }
  const reasons: MaterialReason[] = [];
  if (!sameStandards(old, now)) reasons.push('standards');
  if (!sameSequence(old.steps, now.steps)) reasons.push('steps');
  return reasons;
}

/** A changed chapter's mark from its two versions, by the default rule. */
export function changeMark(before: ChapterText, after: ChapterText, options: MaterialOptions = {}): ChangeMark {
  return materialReasons(before, after, options).length > 0 ? 'material' : 'correction';
}

/**
 * The mark a release gives a changed chapter: the editor's override from editions.yaml when there
 * is one, the default rule otherwise. A chapter that is new in the edition is material when it has
 * standards or steps, as there is nothing staff could have read before.
 */
export function markWithOverride(
  before: ChapterText | undefined,
  after: ChapterText,
  override: ChangeMark | undefined,
  options: MaterialOptions = {},
): ChangeMark {
  if (override) return override;
  if (before) return changeMark(before, after, options);
  try {
    const parts = bindingParts(after, options);
    return parts.frontmatterStandards !== undefined || parts.standards.length > 0 || parts.steps.length > 0 ? 'material' : 'correction';
  } catch {
    return 'material';
  }
}
