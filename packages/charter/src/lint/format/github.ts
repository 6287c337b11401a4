/**
 * GitHub Actions workflow commands, so messages show on the pull request's lines:
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`. GitHub shows only a few
 * annotations per step, so errors come first. The full list goes to the job summary.
 */
import path from 'node:path';
import type { LintMessage } from '../types.ts';
import { summaryLine } from './pretty.ts';

/** Escapes a command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as for the message, plus : and , which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Errors first, then warnings; in file order within each. */
export function mostSevereFirst(messages: readonly LintMessage[]): LintMessage[] {
  const rank = (m: LintMessage) => (m.severity === 'error' ? 0 : 1);
  return [...messages].sort((a, b) => rank(a) - rank(b));
}

/**
 * A message's file as GitHub wants it: relative to the checked-out repository. The checker reports
 * paths relative to the handbook's folder, which is a subfolder when the handbook is not at the
 * repository's root (a monorepo, or the content beside other code).
 */
export function repositoryPath(file: string, cwd: string, workspace: string | undefined): string {
  if (!workspace) return file;
  const relative = path.relative(path.resolve(workspace), path.resolve(cwd, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

export function formatGithub(messages: readonly LintMessage[], where: { cwd: string; workspace?: string | undefined } = { cwd: process.cwd() }): string {
  return mostSevereFirst(messages)
    .map((m) => {
      const properties = [
        `file=${escapeProperty(repositoryPath(m.file, where.cwd, where.workspace))}`,
        `line=${m.line}`,
        `endLine=${m.endLine}`,
        `col=${m.column}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      return `::${m.severity} ${properties}::${escapeData(m.message)}\n`;
    })
    .join('');
}

/** Markdown for the job summary: a count and a table of every message. */
export function formatJobSummary(messages: readonly LintMessage[], checkedFiles: number): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rows = mostSevereFirst(messages).map((m) => `| ${m.severity} | \`${cell(m.file)}\`:${m.line}:${m.column} | ${cell(m.message)} | \`${m.ruleId}\` |`);
  const table = rows.length > 0 ? ['', '| Severity | Where | Message | Rule |', '| --- | --- | --- | --- |', ...rows] : [];
  return ['## Handbook wording check', '', summaryLine(messages, checkedFiles), ...table, ''].join('\n');
}
