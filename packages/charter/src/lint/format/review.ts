/**
 * A pull-request review with a suggested change for every message the checker knows the fix of,
 * as the body of GitHub's "create a review" request
 * (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`): the starter's workflow posts it, and
 * the editor accepts a fix with one click instead of retyping it.
 *
 * A message has a fix when its rule rewrites the words it reports (what `--fix` writes: terminology,
 * spelling, phrases to avoid, heading case), its words lie on one line without markup inside them,
 * and it names the replacement (`expected`); the suggestion is that line with the words replaced.
 * Other messages (a broken link's `expected` is the page it probably meant, not a rewrite of the
 * link) are left to the annotations (`--format github`), so a review never repeats them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintMessage } from '../types.ts';
import { repositoryPath } from './github.ts';

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface ReviewRequest {
  event: 'COMMENT';
  body: string;
  comments: ReviewComment[];
}

/** The rules whose `expected` is the rewrite of the words they report, as `--fix` writes it. */
export const REWRITING_RULES: ReadonlySet<string> = new Set(['terminology', 'spelling-variant', 'phrases-to-avoid', 'heading-style']);

/** Whether a message can become a one-line suggestion. */
function hasOneLineFix(message: LintMessage): boolean {
  return message.expected !== undefined && message.endLine === message.line && REWRITING_RULES.has(message.ruleId);
}

/** The line with a message's words replaced by what it expects, or undefined when there is no one-line fix. */
export function suggestedLine(text: string, message: LintMessage): string | undefined {
  if (!hasOneLineFix(message)) return undefined;
  const line = text.split(/\r?\n/)[message.line - 1];
  if (line === undefined || message.endColumn <= message.column || message.endColumn - 1 > line.length) return undefined;
  // Words with markup inside (a phrase split by emphasis) are rewritten by --fix in several places: no one-line guess.
  if (/[*_`[\]<>{}]/.test(line.slice(message.column - 1, message.endColumn - 1))) return undefined;
  return `${line.slice(0, message.column - 1)}${message.expected}${line.slice(message.endColumn - 1)}`;
}

/**
 * The review for the messages; `read` gives a file's text by the path a message names (relative
 * to `cwd`). Several fixes on one line become one suggestion with all of them.
 */
export function reviewRequest(
  messages: readonly LintMessage[],
  where: { cwd: string; workspace?: string | undefined },
  read: (file: string) => string = (file) => readFileSync(path.resolve(where.cwd, file), 'utf8'),
): ReviewRequest {
  const byLine = new Map<string, { file: string; line: number; messages: LintMessage[] }>();
  for (const message of messages) {
    if (!hasOneLineFix(message)) continue;
    const key = `${message.file}:${message.line}`;
    const entry = byLine.get(key) ?? { file: message.file, line: message.line, messages: [] };
    entry.messages.push(message);
    byLine.set(key, entry);
  }
  const comments: ReviewComment[] = [];
  const texts = new Map<string, string>();
  for (const { file, line, messages: onLine } of [...byLine.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = read(file)));
    // Right to left, so each fix leaves the columns of those before it where they were.
    let suggestion = text.split(/\r?\n/)[line - 1];
    const applied: LintMessage[] = [];
    let lastColumn = Infinity;
    for (const message of [...onLine].sort((a, b) => b.column - a.column)) {
      if (suggestion === undefined || message.endColumn > lastColumn) continue;
      const fixed = suggestedLine(`${'\n'.repeat(line - 1)}${suggestion}`, message);
      if (fixed === undefined) continue;
      suggestion = fixed;
      applied.push(message);
      lastColumn = message.column;
    }
    if (suggestion === undefined || applied.length === 0) continue;
    const reasons = applied
      .reverse()
      .map((m) => `- ${m.message} (\`${m.ruleId}\`)`)
      .join('\n');
    comments.push({
      path: repositoryPath(file, where.cwd, where.workspace),
      line,
      side: 'RIGHT',
      body: `${reasons}\n\n\`\`\`suggestion\n${suggestion}\n\`\`\``,
    });
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
