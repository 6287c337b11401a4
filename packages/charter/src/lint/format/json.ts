/**
 * The machine format: one JSON array of
 * `{file, line, column, endLine, endColumn, ruleId, severity, message, expected?, url?}`, with paths
 * relative to the repository root and 1-based lines and columns; `url` is where the rule is
 * documented (see ruleDocUrl). Prose suggestions appear as
 * warnings with the rule id `prose:<name>`.
 */
import { ruleDocUrl } from '../rule-docs.ts';
import type { LintMessage } from '../types.ts';

const FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'expected', 'url'] as const;

export function formatJson(messages: readonly LintMessage[]): string {
  // Fixed field order, and nothing beyond the contract.
  const rows = messages.map((message) => {
    const withUrl = { ...message, url: ruleDocUrl(message.ruleId) };
    return Object.fromEntries(FIELDS.filter((field) => withUrl[field] !== undefined).map((field) => [field, withUrl[field]]));
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}
