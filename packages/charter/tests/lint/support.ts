/** Shared helpers for the checker's tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkerSettings, loadProjectConfig } from '../../src/lib/project-config.ts';
import { checkSource } from '../../src/lint/index.ts';
import type { CheckOptions, LintMessage } from '../../src/lint/types.ts';

/** The repository (its node_modules hold the tools) and the engine package. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const engineRoot = path.resolve(import.meta.dirname, '../..');
/** The engine's own test handbooks, each a project folder with charter.config.mjs and src/content. */
export const handbooks = path.join(engineRoot, 'tests/fixtures/handbooks');
/**
 * The handbook project the checker's tests run in: Kestrel Tool Hire, an invented British firm
 * (en-GB). Paths are reported relative to it.
 */
export const root = path.join(handbooks, 'kestrel-hire');
export const handbookContent = path.join(root, 'src/content');
/** Its settings, read the way the command line reads them. */
export const handbookConfig = (await loadProjectConfig(root))!;
/** The options every check of the test handbook starts from: its language and organization. */
export const handbookSettings = checkerSettings(handbookConfig);
export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** A day the test handbook's review dates are all valid on, so review-due stays quiet unless a test wants it. */
export const TODAY = '2026-06-01';

/** Checks a snippet as a chapter of the current edition of the test handbook. */
export async function check(source: string, options: CheckOptions & { path?: string } = {}): Promise<LintMessage[]> {
  const file = path.join(handbookContent, options.path ?? 'editions/2026.1/reference/test-chapter.mdx');
  return checkSource(source, file, { contentDir: handbookContent, root, today: TODAY, ...handbookSettings, ...options });
}

/** Messages of one rule, as `line:column text` for compact assertions. */
export async function checkRule(ruleId: string, source: string, options: CheckOptions & { path?: string } = {}): Promise<LintMessage[]> {
  return (await check(source, options)).filter((message) => message.ruleId === ruleId);
}

export function where(messages: readonly LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

/** A throwaway copy of the test handbook's content folder. */
export function copyContent(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-lint-'));
  cpSync(handbookContent, path.join(dir, 'content'), { recursive: true });
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
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
