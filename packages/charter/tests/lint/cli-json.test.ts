/** The command line's JSON contract and exit codes, through the real CLI in a child process. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/lint/types.ts';
import { copyContent, engineRoot, handbookContent, runCli as runHandbookCli } from './support.ts';

/** The CLI run from the engine's folder, so the fixtures' paths are relative, on the test handbook's content. */
/*
 * The chapters in fixtures/ live outside the content folder, so the checker treats them as chapters
 * of the current edition (links resolve there):
 * - clean.mdx: no messages at all;
 * - warnings.mdx: warnings only (terminology, spelling), so the exit code stays 0;
 * - errors.mdx: errors (a phrase to avoid, a broken link) and a warning;
 * - broken.mdx: MDX that does not parse.
 * No README sits beside them: a `.md` file in a folder the checker is given is a chapter too.
 */
const runCli = (args: readonly string[], options: { env?: Record<string, string | undefined> } = {}) =>
  runHandbookCli(args, { cwd: engineRoot, env: { HANDBOOK_CONTENT_DIR: handbookContent, ...options.env } });

const FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'expected', 'url'];
const json = (stdout: string) => JSON.parse(stdout) as LintMessage[];

/** 1-based line and column of the first occurrence of `text` in a fixture. */
function locate(fixture: string, text: string): { line: number; column: number } {
  const lines = readFileSync(path.join(engineRoot, fixture), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  return { line: index + 1, column: lines[index]!.indexOf(text) + 1 };
}

describe('lint:content --format json', () => {
  it('prints an empty array and exits 0 for a clean chapter', () => {
    const result = runCli(['tests/lint/fixtures/clean.mdx', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(json(result.stdout)).toEqual([]);
  });

  it('exits 0 when there are only warnings, and reports them with the contract fields', () => {
    const result = runCli(['tests/lint/fixtures/warnings.mdx', '--format', 'json']);
    expect(result.status).toBe(0);
    const messages = json(result.stdout);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(Object.keys(message).every((key) => FIELDS.includes(key))).toBe(true);
      expect(message).toMatchObject({ file: 'tests/lint/fixtures/warnings.mdx', severity: 'warning' });
      for (const field of ['line', 'column', 'endLine', 'endColumn'] as const) expect(message[field]).toBeGreaterThanOrEqual(1);
      expect(typeof message.ruleId).toBe('string');
      expect(typeof message.message).toBe('string');
    }
  });

  it('gives 1-based lines and columns of the exact words, and the expected replacement', () => {
    const messages = json(runCli(['tests/lint/fixtures/warnings.mdx', '--format', 'json']).stdout);
    const email = messages.find((m) => m.message.includes('e-mail'))!;
    const at = locate('tests/lint/fixtures/warnings.mdx', 'e-mail');
    expect(email).toEqual({
      file: 'tests/lint/fixtures/warnings.mdx',
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column + 'e-mail'.length,
      ruleId: 'terminology',
      severity: 'warning',
      message: 'Unexpected "e-mail", expected "email"',
      expected: 'email',
      url: pathToFileURL(path.join(engineRoot, 'src/lint/rules/terminology.ts')).href,
    });
  });

  it('exits 1 when there is an error, and leaves out expected where there is no replacement', () => {
    const result = runCli(['tests/lint/fixtures/errors.mdx', '--format', 'json']);
    expect(result.status).toBe(1);
    const phrase = json(result.stdout).find((m) => m.ruleId === 'phrases-to-avoid')!;
    expect(phrase).toMatchObject({ severity: 'error', ...locate('tests/lint/fixtures/errors.mdx', 'no problem') });
    expect('expected' in phrase).toBe(false);
  });

  it('reports prose suggestions as warnings named prose:<name>', () => {
    const messages = json(
      runCli([
        'tests/lint/fixtures/clean.mdx',
        path.relative(engineRoot, path.join(handbookContent, 'editions/2026.1/start-here/welcome.mdx')),
        '--format',
        'json',
      ]).stdout,
    );
    expect(messages.filter((m) => m.ruleId.startsWith('prose:') && m.severity !== 'warning')).toEqual([]);
  });

  it('takes folders, and paths relative to the repository root', () => {
    const result = runCli(['tests/lint/fixtures', '--format', 'json']);
    expect(result.status).toBe(1);
    const files = [...new Set(json(result.stdout).map((m) => m.file))].sort();
    expect(files).toEqual(['tests/lint/fixtures/broken.mdx', 'tests/lint/fixtures/errors.mdx', 'tests/lint/fixtures/warnings.mdx']);
  });

  it.each([
    [['--format', 'xml'], '--format must be one of'],
    [['--bogus', '--format', 'json'], "Unknown option '--bogus'"],
    [['tests/lint/fixtures/missing.mdx', '--format', 'json'], 'No such file or folder'],
    [['--changed=no-such-ref', '--format', 'json'], 'is not a git ref'],
  ])('exits 2 on a usage problem: %j', (args, reason) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stdout).toBe('');
  });

  it('reports a data file and a vocabulary it cannot use as located errors in JSON, every problem, and exits 1', () => {
    const { dir, cleanup } = copyContent();
    try {
      writeFileSync(path.join(dir, 'glossary.yaml'), '- id: Not Kebab\n  term: x\n  definition: y\n- term: only a term\n');
      const glossary = runCli(['--format', 'json'], { env: { HANDBOOK_CONTENT_DIR: dir } });
      expect(glossary.status).toBe(1);
      const messages = json(glossary.stdout);
      expect(messages.length).toBeGreaterThanOrEqual(2);
      for (const message of messages) {
        expect(message).toMatchObject({ file: path.join(dir, 'glossary.yaml'), ruleId: 'data-files', severity: 'error' });
        expect(message.line).toBeGreaterThanOrEqual(1);
      }
      expect(messages.map((m) => m.line)).toEqual(expect.arrayContaining([1, 4]));
      expect(glossary.stderr).toContain('no chapter was checked');

      writeFileSync(path.join(dir, 'vocabulary.yaml'), 'touchpoints:\n  - id: Bad Id\n');
      const vocabulary = runCli(['--format', 'json'], { env: { HANDBOOK_CONTENT_DIR: dir } });
      expect(vocabulary.status).toBe(1);
      expect(json(vocabulary.stdout).some((m) => m.file === path.join(dir, 'vocabulary.yaml') && m.severity === 'error')).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('exits 2 when the content folder does not exist', () => {
    const result = runCli(['--format', 'json'], { env: { HANDBOOK_CONTENT_DIR: 'no/such/folder' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Content folder not found');
  });
});

describe('lint:content --format pretty', () => {
  it('groups messages by file with line:col, severity, message and rule, then a summary', () => {
    const result = runCli(['tests/lint/fixtures/errors.mdx', 'tests/lint/fixtures/clean.mdx']);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('tests/lint/fixtures/errors.mdx');
    expect(lines[1]).toMatch(/^ {2}11:8 +warning +Unexpected "client", expected "customer" +terminology$/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors and 1 warning in 1 file (2 files checked).');
  });
});
