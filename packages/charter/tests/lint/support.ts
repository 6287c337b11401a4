/** Shared helpers for the checker's tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSource } from '../../src/lint/index.ts';
import type { CheckOptions, LintMessage } from '../../src/lint/types.ts';

/** The repository (its node_modules hold the tools), the engine package, and the example handbook. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const engineRoot = path.resolve(import.meta.dirname, '../..');
/** The handbook project the checker runs in: paths are reported relative to it. */
export const root = path.join(repoRoot, 'examples/northwind');
export const shippedContent = path.join(root, 'src/content');
export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** A day the shipped review dates are all valid on, so review-due stays quiet unless a test wants it. */
export const TODAY = '2026-06-01';

/** Checks a snippet as a chapter of the current edition of the shipped content. */
export async function check(source: string, options: CheckOptions & { path?: string } = {}): Promise<LintMessage[]> {
  const file = path.join(shippedContent, options.path ?? 'editions/2026.1/reference/test-chapter.mdx');
  return checkSource(source, file, { contentDir: shippedContent, root, today: TODAY, ...options });
}

/** Messages of one rule, as `line:column text` for compact assertions. */
export async function checkRule(ruleId: string, source: string, options: CheckOptions & { path?: string } = {}): Promise<LintMessage[]> {
  return (await check(source, options)).filter((message) => message.ruleId === ruleId);
}

export function where(messages: readonly LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

/** A throwaway copy of the shipped content folder. */
export function copyContent(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-lint-'));
  cpSync(shippedContent, path.join(dir, 'content'), { recursive: true });
  return { dir: path.join(dir, 'content'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh temporary folder. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-lint-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the real CLI in a child process with Node 24 (the repository's `node` package): the
 * machine's own Node may be too old to run TypeScript.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/node'), [path.join(engineRoot, 'src/cli/main.ts'), 'lint', ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, CHARTER_TODAY: TODAY, GITHUB_STEP_SUMMARY: '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
