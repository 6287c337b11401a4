/**
 * A readable word-level redline of a chapter between two editions, section by section. Blocks
 * (paragraphs, list items) are aligned first, then words are compared inside blocks that changed,
 * so a reader sees "answer by the ~~fourth~~ third ring", not a line diff of the source.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { chapterSections, type BlockKind, type TextBlock, type TextSection } from './chapter-text.ts';

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

function wordDiff(before: TextBlock, after: TextBlock): BlockDiff {
  const pieces = diffWordsWithSpace(before.text, after.text).map((part): Piece => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
  return { kind: after.kind, change: 'changed', pieces: coalesce(pieces) };
}

/** Aligns two lists of blocks; a run of removed blocks followed by added ones pairs up as edits. */
export function diffBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockDiff[] {
  const key = (b: TextBlock) => `${b.kind}\u0000${b.text}`;
  const parts = diffArrays(before.map(key), after.map(key));
  const result: BlockDiff[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) result.push(whole(after[a + k]!, 'same'));
      a += count;
      b += count;
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? (next.count ?? next.value.length) : 0;
      const paired = Math.min(count, added);
      for (let k = 0; k < paired; k++) result.push(wordDiff(before[b + k]!, after[a + k]!));
      for (let k = paired; k < count; k++) result.push(whole(before[b + k]!, 'removed'));
      for (let k = paired; k < added; k++) result.push(whole(after[a + k]!, 'added'));
      b += count;
      a += added;
      if (added) i++;
      continue;
    }
    for (let k = 0; k < count; k++) result.push(whole(after[a + k]!, 'added'));
    a += count;
  }
  return result;
}

function sectionChange(blocks: readonly BlockDiff[]): Change {
  return blocks.every((b) => b.change === 'same') ? 'same' : 'changed';
}

/** Compares two versions of a chapter section by section, matching sections by heading. */
export function diffSections(before: readonly TextSection[], after: readonly TextSection[]): SectionDiff[] {
  const parts = diffArrays(
    before.map((s) => s.heading ?? ''),
    after.map((s) => s.heading ?? ''),
  );
  const result: SectionDiff[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) {
        const blocks = diffBlocks(before[b + k]!.blocks, after[a + k]!.blocks);
        result.push({ heading: after[a + k]!.heading, change: sectionChange(blocks), blocks });
      }
      a += count;
      b += count;
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? (next.count ?? next.value.length) : 0;
      const paired = Math.min(count, added);
      // A heading that changed where another stood is the same section, renamed.
      for (let k = 0; k < paired; k++) {
        const blocks = diffBlocks(before[b + k]!.blocks, after[a + k]!.blocks);
        result.push({ heading: after[a + k]!.heading, previousHeading: before[b + k]!.heading, change: 'changed', blocks });
      }
      for (let k = paired; k < count; k++) {
        result.push({ heading: before[b + k]!.heading, change: 'removed', blocks: before[b + k]!.blocks.map((x) => whole(x, 'removed')) });
      }
      for (let k = paired; k < added; k++) {
        result.push({ heading: after[a + k]!.heading, change: 'added', blocks: after[a + k]!.blocks.map((x) => whole(x, 'added')) });
      }
      b += count;
      a += added;
      if (added) i++;
      continue;
    }
    for (let k = 0; k < count; k++) {
      result.push({ heading: after[a + k]!.heading, change: 'added', blocks: after[a + k]!.blocks.map((x) => whole(x, 'added')) });
    }
    a += count;
  }
  return result;
}

/** The redline of one chapter from its MDX source in two editions. */
export function redlineChapter(beforeSource: string, afterSource: string): SectionDiff[] {
  return diffSections(chapterSections(beforeSource), chapterSections(afterSource));
}
