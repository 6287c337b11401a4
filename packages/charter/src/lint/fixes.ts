/**
 * The source edits behind a fixable message. vfile messages carry `actual` and `expected` but not
 * where a multi-part rewrite goes (a phrase split by emphasis is rewritten in two places), so the
 * rules record the edits here, keyed by the message object, for `--fix`.
 */
import type { VFileMessage } from 'vfile-message';
import type { Edit, LintMessage } from './types.ts';

const editsByMessage = new WeakMap<VFileMessage, readonly Edit[]>();

export function recordEdits(message: VFileMessage, edits: readonly Edit[]): void {
  editsByMessage.set(message, edits);
}

const editsByLintMessage = new WeakMap<LintMessage, readonly Edit[]>();

/** The same edits on the message the checker reports, for callers that fix one message at a time (the language server). */
export function recordMessageEdits(message: LintMessage, edits: readonly Edit[]): void {
  editsByLintMessage.set(message, edits);
}

/** The edits recorded for a reported message; a copy made with new fields keeps them (see withLevel). */
export function messageEdits(message: LintMessage): readonly Edit[] | undefined {
  return editsByLintMessage.get(message);
}

/** The edits that fix a message, if it is fixable. */
export function editsOf(message: VFileMessage): readonly Edit[] | undefined {
  return editsByMessage.get(message);
}

/**
 * Applies groups of edits (one group per message) to a text. A group that overlaps a group already
 * taken is left out whole; it belongs to another message about the same words and is reconsidered
 * on the next pass.
 */
export function applyEdits(text: string, groups: readonly (readonly Edit[])[]): { text: string; applied: number } {
  const taken: Edit[] = [];
  let applied = 0;
  for (const group of groups) {
    if (group.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...group);
    applied++;
  }
  let result = text;
  for (const edit of taken.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied };
}

function overlaps(a: Edit, b: Edit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

/** The rules whose `expected` is the rewrite of the words they report, as `--fix` writes it. */
export const REWRITING_RULES: ReadonlySet<string> = new Set(['terminology', 'spelling-variant', 'phrases-to-avoid', 'heading-style']);

/** The rewriting rules that record the edits of each fix themselves. */
const RECORDING_RULES: ReadonlySet<string> = new Set(['terminology', 'spelling-variant']);

/** A UTF-16 offset in a text from a 1-based line and column. */
function offsetAt(lineStarts: readonly number[], line: number, column: number): number | undefined {
  const start = lineStarts[line - 1];
  return start === undefined ? undefined : start + column - 1;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The edits that give a message its replacement, in the text it was reported on: the ones its
 * rule recorded (a phrase split by emphasis or a line break is rewritten in two places), or, for a
 * rule whose `expected` rewrites the words it reports, those words replaced, when they hold no
 * markup a plain replacement would break. Undefined when the message has no replacement. The one
 * answer for the editor's quick fixes and the pull request's suggestions.
 */
export function replacementEdits(message: LintMessage, text: string): Edit[] | undefined {
  const recorded = messageEdits(message);
  if (recorded) return [...recorded];
  // These rules record their edits wherever a rewrite is safe (wording.ts canRewrite): no edits, no fix.
  if (RECORDING_RULES.has(message.ruleId)) return undefined;
  if (message.expected === undefined || !REWRITING_RULES.has(message.ruleId)) return undefined;
  const starts = lineStartsOf(text);
  const start = offsetAt(starts, message.line, message.column);
  const end = offsetAt(starts, message.endLine, message.endColumn);
  if (start === undefined || end === undefined || end <= start || end > text.length) return undefined;
  if (/[*_`[\]<>{}\n]/.test(text.slice(start, end))) return undefined;
  return [{ start, end, text: message.expected }];
}
