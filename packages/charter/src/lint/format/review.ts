/**
 * A pull-request review with a suggested change for every message the checker knows the fix of,
 * as the body of GitHub's "create a review" request
 * (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`): the starter's workflow posts it, and
 * the editor accepts a fix with one click instead of retyping it.
 *
 * A message has a fix when it has a replacement (fixes.ts `replacementEdits`, which the editor's
 * quick fix applies too): the edits its rule recorded (terminology and spelling, even across
 * emphasis or a line break), or its words replaced by `expected` for a rule that rewrites what it
 * reports (phrases to avoid, heading case). The suggestion is the lines it touches, fixed.
 * Other messages (a broken link's `expected` is the page it probably meant, not a rewrite of the
 * link) are left to the annotations (`--format github`), so a review never repeats them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, lineStartsOf, messageEdits, REWRITING_RULES, replacementEdits } from '../fixes.ts';
import type { Edit, LintMessage } from '../types.ts';

export { REWRITING_RULES } from '../fixes.ts';
import { repositoryPath } from './github.ts';

export interface ReviewComment {
  path: string;
  /** For a suggestion over several lines: its first line (`line` is its last). */
  start_line?: number;
  start_side?: 'RIGHT';
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface ReviewRequest {
  event: 'COMMENT';
  body: string;
  comments: ReviewComment[];
}

/** Whether a message can become a suggestion on one line. */
function hasOneLineFix(message: LintMessage): boolean {
  return message.expected !== undefined && message.endLine === message.line && REWRITING_RULES.has(message.ruleId);
}

/** The line with a message's words replaced by what it expects, or undefined when there is no one-line fix. */
export function suggestedLine(text: string, message: LintMessage): string | undefined {
  if (!hasOneLineFix(message)) return undefined;
  const edits = replacementEdits(message, text);
  if (!edits) return undefined;
  const fixed = applyEdits(text, [edits]).text;
  const from = lineStartsOf(fixed)[message.line - 1]!;
  const end = fixed.indexOf('\n', from);
  return fixed.slice(from, end === -1 ? undefined : end);
}

interface Fix {
  message: LintMessage;
  edits: Edit[];
  /** The 1-based lines the edits touch. */
  first: number;
  last: number;
}

/** The line (1-based) an offset lies on. */
function lineOf(starts: readonly number[], offset: number): number {
  let line = 1;
  while (line < starts.length && starts[line]! <= offset) line++;
  return line;
}

/** The fixable messages of one file, with the lines their edits touch. */
function fixesIn(messages: readonly LintMessage[], text: string): Fix[] {
  const starts = lineStartsOf(text);
  return messages.flatMap((message) => {
    const edits = replacementEdits(message, text);
    if (!edits || edits.length === 0) return [];
    const first = lineOf(starts, Math.min(...edits.map((e) => e.start)));
    const last = lineOf(starts, Math.max(...edits.map((e) => Math.max(e.start, e.end - 1))));
    return [{ message, edits, first, last }];
  });
}

/** Fixes whose lines overlap, grouped: one suggestion replaces those lines with all their fixes made. */
function groupByLines(fixes: readonly Fix[]): Fix[][] {
  const groups: Fix[][] = [];
  for (const fix of [...fixes].sort((a, b) => a.first - b.first || a.last - b.last)) {
    const group = groups.at(-1);
    if (group && fix.first <= Math.max(...group.map((f) => f.last))) group.push(fix);
    else groups.push([fix]);
  }
  return groups;
}

/**
 * The review for the messages; `read` gives a file's text by the path a message names (relative
 * to `cwd`). A message has a suggestion when it has a replacement (fixes.ts `replacementEdits`,
 * the same one the editor's quick fix applies); fixes on the same lines become one suggestion with
 * all of them, over as many lines as they touch.
 */
export function reviewRequest(
  messages: readonly LintMessage[],
  where: { cwd: string; workspace?: string | undefined },
  read: (file: string) => string = (file) => readFileSync(path.resolve(where.cwd, file), 'utf8'),
): ReviewRequest {
  const byFile = new Map<string, LintMessage[]>();
  for (const message of messages)
    if (REWRITING_RULES.has(message.ruleId) || messageEdits(message)) byFile.set(message.file, [...(byFile.get(message.file) ?? []), message]);
  const comments: ReviewComment[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const text = read(file);
    const starts = lineStartsOf(text);
    for (const group of groupByLines(fixesIn(byFile.get(file)!, text))) {
      const first = Math.min(...group.map((f) => f.first));
      const last = Math.max(...group.map((f) => f.last));
      const from = starts[first - 1]!;
      const to = last < starts.length ? starts[last]! - 1 : text.length;
      // Fixes over the same words belong to one another message; the first one taken wins.
      const applied = applyEdits(
        text.slice(from, to),
        group.map((f) => f.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }))),
      );
      if (applied.applied === 0) continue;
      const reasons = group.map((f) => `- ${f.message.message} (\`${f.message.ruleId}\`)`).join('\n');
      comments.push({
        path: repositoryPath(file, where.cwd, where.workspace),
        ...(first === last ? {} : { start_line: first, start_side: 'RIGHT' as const }),
        line: last,
        side: 'RIGHT',
        body: `${reasons}\n\n\`\`\`suggestion\n${applied.text}\n\`\`\``,
      });
    }
  }
  const count = comments.length;
  return {
    event: 'COMMENT',
    body:
      count === 0
        ? 'The handbook checker has no changes to suggest.'
        : `The handbook checker suggests ${count === 1 ? 'a change' : `${count} changes`} below: accept ${count === 1 ? 'it' : 'each'} with "Commit suggestion".`,
    comments,
  };
}

export function formatReview(messages: readonly LintMessage[], where: { cwd: string; workspace?: string | undefined }): string {
  return `${JSON.stringify(reviewRequest(messages, where), null, 2)}\n`;
}
