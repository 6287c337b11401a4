/** The GitHub Actions format: escaped workflow commands, errors first, and the job summary. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, repositoryPath } from '../../src/lint/format/github.ts';
import type { LintMessage } from '../../src/lint/types.ts';
import { engineRoot, handbookContent, tempDir, runCli as runHandbookCli } from './support.ts';

/** The CLI run from the engine's folder, so the fixtures' paths are relative, on the example's content. */
const runCli = (args: readonly string[], options: { env?: Record<string, string | undefined> } = {}) =>
  runHandbookCli(args, { cwd: engineRoot, env: { HANDBOOK_CONTENT_DIR: handbookContent, ...options.env } });

const message = (over: Partial<LintMessage>): LintMessage => ({
  file: 'a.mdx',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  ruleId: 'terminology',
  severity: 'warning',
  message: 'm',
  ...over,
});

describe('github format escaping', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% sure\r\nnext line: a, b')).toBe('100%25 sure%0D%0Anext line: a, b');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('dir,one/a:b%.mdx\n')).toBe('dir%2Cone/a%3Ab%25.mdx%0A');
  });

  it('writes one command per message with its location, rule and escaped text', () => {
    const text = formatGithub([
      message({ file: 'x,y:z.mdx', line: 3, column: 5, endLine: 4, endColumn: 2, ruleId: 'prose:equality', message: 'Unexpected "web\nsite", 50%' }),
    ]);
    expect(text).toBe('::warning file=x%2Cy%3Az.mdx,line=3,endLine=4,col=5,endColumn=2,title=prose%3Aequality::Unexpected "web%0Asite", 50%25\n');
  });

  it('puts errors before warnings, since GitHub shows only a few annotations per step', () => {
    const text = formatGithub([message({ file: 'a.mdx' }), message({ file: 'b.mdx', severity: 'error' }), message({ file: 'c.mdx' })]);
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, line.indexOf(',')))
        .join(' '),
    ).toBe('::error file=b.mdx ::warning file=a.mdx ::warning file=c.mdx');
  });
});

describe('annotation paths', () => {
  it('are relative to the repository GitHub checked out, when the handbook sits in a subfolder', () => {
    expect(repositoryPath('src/content/a.mdx', '/repo/handbook', '/repo')).toBe('handbook/src/content/a.mdx');
    expect(repositoryPath('src/content/a.mdx', '/repo', '/repo')).toBe('src/content/a.mdx');
  });

  it('stay as the checker wrote them outside GitHub Actions or outside the workspace', () => {
    expect(repositoryPath('src/content/a.mdx', '/repo/handbook', undefined)).toBe('src/content/a.mdx');
    expect(repositoryPath('/elsewhere/a.mdx', '/repo/handbook', '/repo')).toBe('/elsewhere/a.mdx');
  });
});

describe('lint:content --format github', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('prints workflow commands and writes every message to the job summary', () => {
    const summary = path.join(temp.dir, 'summary.md');
    const result = runCli(['tests/lint/fixtures/errors.mdx', 'tests/lint/fixtures/warnings.mdx', '--format', 'github'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.status).toBe(1);
    const commands = result.stdout.trim().split('\n');
    expect(commands[0]).toMatch(
      /^::error file=tests\/lint\/fixtures\/errors\.mdx,line=11,endLine=11,col=36,endColumn=46,title=phrases-to-avoid::Avoid "no problem"/,
    );
    expect(commands.map((c) => c.split(' ')[0])).toEqual(['::error', '::error', '::warning', '::warning', '::warning', '::warning']);
    const written = readFileSync(summary, 'utf8');
    expect(written).toContain('## Handbook wording check');
    expect(written).toContain('2 errors and 4 warnings in 2 files');
    expect(written.split('\n').filter((line) => line.startsWith('| error') || line.startsWith('| warning'))).toHaveLength(6);
  });
});
