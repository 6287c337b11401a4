/**
 * The machine format: one JSON array of
 * `{file, line, column, endLine, endColumn, ruleId, severity, message, expected?}`, with paths
 * relative to the repository root and 1-based lines and columns. Prose suggestions appear as
 * warnings with the rule id `prose:<name>`.
 */
import type { LintMessage } from '../types.ts';

const FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'expected'] as const;

export function formatJson(messages: readonly LintMessage[]): string {
  // Fixed field order, and nothing beyond the contract.
  const rows = messages.map((message) => Object.fromEntries(FIELDS.filter((field) => message[field] !== undefined).map((field) => [field, message[field]])));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
