/**
 * A readable word-level redline of a chapter between two editions, section by section. Blocks
 * (paragraphs, list items) are aligned first, then words are compared inside blocks that changed,
 * so a reader sees "answer by the ~~fourth~~ third ring", not a line diff of the source.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { chapterSections, type BlockKind, type TextBlock, type TextSection } from './chapter-text.ts';
import type { ChapterFormat } from '../chapter-files.ts';

export type Change = 'same' | 'added' | 'removed' | 'changed';

export interface Piece {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface BlockDiff {
  kind: BlockKind;
  change: Change;
  pieces: Piece[];
}

export interface SectionDiff {
  heading: string | null;
  /** The section's heading in the older edition, when it was renamed. */
  previousHeading?: string | null;
  change: Change;
  blocks: BlockDiff[];
}

const whole = (block: TextBlock, change: 'same' | 'added' | 'removed'): BlockDiff => ({
  kind: block.kind,
  change,
  pieces: [{ text: block.text, change }],
});

/**
 * Joins word changes separated only by spaces into one deletion and one insertion, so a reader sees
 * "~~within four rings~~ by the third ring" rather than three interleaved word swaps.
 */
export function coalesce(pieces: readonly Piece[]): Piece[] {
  const result: Piece[] = [];
  let removed = '';
  let added = '';
  let pendingSpace = '';
  const flush = () => {
    if (removed) result.push({ text: removed, change: 'removed' });
    if (added) result.push({ text: added, change: 'added' });
    removed = added = '';
  };
  for (const piece of pieces) {
    if (piece.change === 'same') {
      if (/^\s+$/.test(piece.text) && (removed || added)) {
        pendingSpace += piece.text;
        continue;
      }
      flush();
      if (pendingSpace) result.push({ text: pendingSpace, change: 'same' });
      pendingSpace = '';
      result.push(piece);
      continue;
    }
    if (pendingSpace) {
      if (removed) removed += pendingSpace;
      if (added) added += pendingSpace;
      pendingSpace = '';
    }
    if (piece.change === 'removed') removed += piece.text;
    else added += piece.text;
  }
  flush();
  if (pendingSpace) result.push({ text: pendingSpace, change: 'same' });
  return result;
}

/**
 * How many word and space edits a block may need before it reads better as rewritten: half its
 * average length, and never fewer than 16. Past that, a word-level redline is a jumble of crossed-out
 * and new words, and computing it is the slow case of the diff (it grows with the edits squared).
 */
export function editBudget(before: string, after: string): number {
  const tokens = (text: string) => text.split(/(\s+)/).length;
  return Math.max(16, Math.ceil((tokens(before) + tokens(after)) / 4));
}

function wordDiff(before: TextBlock, after: TextBlock): BlockDiff {
  const parts = diffWordsWithSpace(before.text, after.text, { maxEditLength: editBudget(before.text, after.text) });
  if (!parts) {
    // Rewritten: the old block struck through, then the new one.
    return {
      kind: after.kind,
      change: 'changed',
      pieces: [
        { text: before.text, change: 'removed' },
        { text: ' ', change: 'same' },
        { text: after.text, change: 'added' },
      ],
    };
  }
  const pieces = parts.map((part): Piece => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
  return { kind: after.kind, change: 'changed', pieces: coalesce(pieces) };
}

interface AlignHandlers<T, R> {
  same: (before: T, after: T) => R;
  /** A removed item directly followed by an added one: the same item, edited. */
  edited: (before: T, after: T) => R;
  removed: (item: T) => R;
  added: (item: T) => R;
}

/**
 * Aligns two lists by key (a longest-common-subsequence diff). A run of removed items followed by a
 * run of added ones pairs up, one to one, as edits; the rest stay whole removals or additions.
 */
function align<T, R>(before: readonly T[], after: readonly T[], key: (item: T) => string, on: AlignHandlers<T, R>): R[] {
  const parts = diffArrays(before.map(key), after.map(key));
  const result: R[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) result.push(on.same(before[b + k]!, after[a + k]!));
      a += count;
      b += count;
    } else if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? (next.count ?? next.value.length) : 0;
      const paired = Math.min(count, added);
      for (let k = 0; k < paired; k++) result.push(on.edited(before[b + k]!, after[a + k]!));
      for (let k = paired; k < count; k++) result.push(on.removed(before[b + k]!));
      for (let k = paired; k < added; k++) result.push(on.added(after[a + k]!));
      b += count;
      a += added;
      if (added) i++;
    } else {
      for (let k = 0; k < count; k++) result.push(on.added(after[a + k]!));
      a += count;
    }
  }
  return result;
}

/** Aligns two lists of blocks; a run of removed blocks followed by added ones pairs up as edits. */
export function diffBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockDiff[] {
  return align(before, after, (b) => `${b.kind}\u0000${b.text}`, {
    same: (_, x) => whole(x, 'same'),
    edited: wordDiff,
    removed: (x) => whole(x, 'removed'),
    added: (x) => whole(x, 'added'),
  });
}

function sectionChange(blocks: readonly BlockDiff[]): Change {
  return blocks.every((b) => b.change === 'same') ? 'same' : 'changed';
}

/** Compares two versions of a chapter section by section, matching sections by heading. */
export function diffSections(before: readonly TextSection[], after: readonly TextSection[]): SectionDiff[] {
  return align(before, after, (s) => s.heading ?? '', {
    same: (x, y) => {
      const blocks = diffBlocks(x.blocks, y.blocks);
      return { heading: y.heading, change: sectionChange(blocks), blocks };
    },
    // A heading that changed where another stood is the same section, renamed.
    edited: (x, y) => ({ heading: y.heading, previousHeading: x.heading, change: 'changed', blocks: diffBlocks(x.blocks, y.blocks) }),
    removed: (x) => ({ heading: x.heading, change: 'removed', blocks: x.blocks.map((b) => whole(b, 'removed')) }),
    added: (x) => ({ heading: x.heading, change: 'added', blocks: x.blocks.map((b) => whole(b, 'added')) }),
  });
}

/**
 * The redline of one chapter from its source in two editions, each read in its own format (a
 * chapter may have moved from Markdown to MDX between them).
 */
export function redlineChapter(
  beforeSource: string,
  afterSource: string,
  formats: { before?: ChapterFormat | undefined; after?: ChapterFormat | undefined } = {},
): SectionDiff[] {
  return diffSections(chapterSections(beforeSource, formats.before), chapterSections(afterSource, formats.after));
}

export interface RedlineCounts {
  wordsAdded: number;
  wordsRemoved: number;
  /** Sections added, removed or changed. */
  sectionsChanged: number;
}

/** Words are runs between spaces with a letter or digit in them: a dash alone is not a word. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The words a heading change adds and removes: a new or removed section's title, or both titles of a renamed one. */
function headingWords(section: SectionDiff): { added: number; removed: number } {
  const words = (heading: string | null | undefined) => countWords(heading ?? '');
  if (section.change === 'added') return { added: words(section.heading), removed: 0 };
  if (section.change === 'removed') return { added: 0, removed: words(section.heading) };
  if (section.previousHeading !== undefined && section.previousHeading !== section.heading) {
    return { added: words(section.heading), removed: words(section.previousHeading) };
  }
  return { added: 0, removed: 0 };
}

/** How big a redline is, for a table of many chapters: the words struck and marked, and the sections touched. */
export function redlineCounts(sections: readonly SectionDiff[]): RedlineCounts {
  const counts: RedlineCounts = { wordsAdded: 0, wordsRemoved: 0, sectionsChanged: 0 };
  for (const section of sections) {
    if (section.change !== 'same') counts.sectionsChanged += 1;
    const heading = headingWords(section);
    counts.wordsAdded += heading.added;
    counts.wordsRemoved += heading.removed;
    for (const piece of section.blocks.flatMap((block) => block.pieces)) {
      if (piece.change === 'added') counts.wordsAdded += countWords(piece.text);
      if (piece.change === 'removed') counts.wordsRemoved += countWords(piece.text);
    }
  }
  return counts;
}
