/**
 * Reports MDX that does not parse: one error with the line, the column and the parser's reason,
 * such as a component that is never closed. The other rules cannot run on such a file; the other
 * files are still checked.
 *
 * Why: the site build stops at the first chapter that does not parse, with a message many editors
 * find hard to read; this puts it on the right line, before the build.
 *
 * How: this is the parser's own error (remark-mdx), not a rule over the tree, so it cannot be
 * turned off with a lint comment. Common causes: a tag without its closing tag, a `<` or `{` in
 * running text (write `&lt;` or `\{`), and HTML comments (`<!-- -->`), which MDX does not allow.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   <Callout>
 *
 *   Open and closed.
 *
 *   </Callout>
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   Call back within the hour when the queue is <5 calls.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:46: Could not parse MDX: Unexpected character `5` (U+0035) before name, expected a character that can start a name, such as a letter, `$`, or `_`
 */
import type { VFileMessage } from 'vfile-message';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
export const RULE_ID = 'mdx-syntax';

export interface SyntaxProblem {
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  reason: string;
}

/**
 * Where and why the parser stopped. Some parser errors carry no position, only "(1:1-1:10)" in
 * their reason (an element never closed); that position is used then.
 */
export function syntaxProblemOf(error: unknown): SyntaxProblem {
  const message = error as Partial<VFileMessage> & { message?: string };
  const reason = String(message.reason ?? message.message ?? error);
  const place = message.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : undefined;
  if (start?.line) return { line: start.line, column: start.column ?? 1, endLine: end?.line, endColumn: end?.column, reason };
  const quoted = /\((\d+):(\d+)(?:-(\d+):(\d+))?\)/.exec(reason);
  if (quoted) {
    return { line: Number(quoted[1]), column: Number(quoted[2]), endLine: toNumber(quoted[3]), endColumn: toNumber(quoted[4]), reason };
  }
  return { line: message.line ?? 1, column: message.column ?? 1, endLine: undefined, endColumn: undefined, reason };
}

function toNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}
