/**
 * The source edits behind a fixable message. vfile messages carry `actual` and `expected` but not
 * where a multi-part rewrite goes (a phrase split by emphasis is rewritten in two places), so the
 * rules record the edits here, keyed by the message object, for `--fix`.
 */
import type { VFileMessage } from 'vfile-message';
import type { Edit } from './types.ts';

const editsByMessage = new WeakMap<VFileMessage, readonly Edit[]>();

export function recordEdits(message: VFileMessage, edits: readonly Edit[]): void {
  editsByMessage.set(message, edits);
}

/** The edits that fix a message, if it is fixable. */
export function editsOf(message: VFileMessage): readonly Edit[] | undefined {
  return editsByMessage.get(message);
}

/**
 * Applies edits to a text. Edits that overlap an earlier one are left out (they belong to another
 * message about the same words and are reconsidered on the next pass).
 */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  for (const edit of sorted) {
    const previous = kept.at(-1);
    if (previous && edit.start < previous.end) continue;
    kept.push(edit);
  }
  let result = text;
  for (const edit of [...kept].reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied: kept.length };
}
