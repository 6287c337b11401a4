/** The human format: messages grouped by file, `line:col  severity  message  rule`, then a summary. */
import type { LintMessage } from '../types.ts';

export function formatPretty(messages: readonly LintMessage[], checkedFiles: number): string {
  const byFile = new Map<string, LintMessage[]>();
  for (const message of messages) byFile.set(message.file, [...(byFile.get(message.file) ?? []), message]);
  const blocks = [...byFile].map(([file, list]) => [file, ...alignedRows(list)].join('\n'));
  return [...blocks, summaryLine(messages, checkedFiles)].join('\n\n') + '\n';
}

function alignedRows(messages: readonly LintMessage[]): string[] {
  const places = messages.map((m) => `${m.line}:${m.column}`);
  const placeWidth = Math.max(...places.map((p) => p.length));
  const messageWidth = Math.max(...messages.map((m) => m.message.length));
  return messages.map((m, i) => `  ${places[i]!.padEnd(placeWidth)}  ${m.severity.padEnd(7)}  ${m.message.padEnd(messageWidth)}  ${m.ruleId}`);
}

/** "2 errors and 3 warnings in 4 files (10 checked)", or a clean bill. */
export function summaryLine(messages: readonly LintMessage[], checkedFiles: number): string {
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  const files = new Set(messages.map((m) => m.file)).size;
  const checked = `${checkedFiles} ${plural(checkedFiles, 'file')} checked`;
  if (messages.length === 0) return `✔ No problems (${checked}).`;
  return `${errors > 0 ? '✖' : '⚠'} ${errors} ${plural(errors, 'error')} and ${warnings} ${plural(warnings, 'warning')} in ${files} ${plural(files, 'file')} (${checked}).`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
