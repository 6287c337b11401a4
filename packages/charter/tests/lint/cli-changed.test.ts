/** `--changed` in a temporary git repository: only the branch's own chapters, and frozen archives. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/lint/types.ts';
import { runCli, handbookContent, tempDir } from './support.ts';

const repo = tempDir();
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo.dir, encoding: 'utf8' });
const content = (file: string) => path.join(repo.dir, 'src/content', file);
const lint = (args: string[]) => {
  const result = runCli([...args, '--format', 'json'], { cwd: repo.dir, env: { HANDBOOK_CONTENT_DIR: undefined } });
  return { ...result, messages: result.status === 2 ? [] : (JSON.parse(result.stdout) as LintMessage[]) };
};

beforeAll(() => {
  cpSync(handbookContent, path.join(repo.dir, 'src/content'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Content');
  git('checkout', '--quiet', '-b', 'edit');
});
afterAll(() => repo.cleanup());

describe('lint:content --changed', () => {
  it('checks nothing and exits 0 when no chapter changed', () => {
    const result = lint(['--changed']);
    expect(result.status).toBe(0);
    expect(result.messages).toEqual([]);
  });

  it('checks only chapters changed since the merge base with main, committed or not, new ones included', () => {
    appendFileSync(content('editions/draft/procedures/email.mdx'), '\nSend the e-mail today.\n');
    git('commit', '--quiet', '-am', 'Edit the draft');
    writeFileSync(content('editions/draft/procedures/new-chapter.mdx'), '---\ntitle: New\n---\n\nA client.\n');
    const result = lint(['--changed']);
    const files = [...new Set(result.messages.map((m) => m.file))].sort();
    expect(files).toEqual(['src/content/editions/draft/procedures/email.mdx', 'src/content/editions/draft/procedures/new-chapter.mdx']);
    expect(result.messages.some((m) => m.ruleId === 'terminology' && m.message.includes('e-mail'))).toBe(true);
  });

  it('ignores changes on main since the branch started', () => {
    git('checkout', '--quiet', 'main');
    appendFileSync(content('editions/2026.1/skills/listening.mdx'), '\nA client.\n');
    git('commit', '--quiet', '-am', 'Change on main');
    git('checkout', '--quiet', 'edit');
    const files = new Set(lint(['--changed']).messages.map((m) => m.file));
    expect(files.has('src/content/editions/2026.1/skills/listening.mdx')).toBe(false);
  });

  it('reports changed and deleted chapters of an archived edition as errors', () => {
    const telephone = content('editions/2025.1/procedures/telephone.mdx');
    writeFileSync(telephone, readFileSync(telephone, 'utf8').replace('within four rings', 'within three rings'));
    rmSync(content('editions/2025.1/procedures/mail.mdx'));
    const result = lint(['--changed=main']);
    expect(result.status).toBe(1);
    const frozen = result.messages.filter((m) => m.ruleId === 'archived-frozen').map((m) => [m.file, m.severity]);
    expect(frozen).toEqual([
      ['src/content/editions/2025.1/procedures/mail.mdx', 'error'],
      ['src/content/editions/2025.1/procedures/telephone.mdx', 'error'],
    ]);
  });

  it('limits the check to the given paths', () => {
    const files = new Set(lint(['src/content/editions/draft', '--changed']).messages.map((m) => m.file));
    expect([...files].every((file) => file.startsWith('src/content/editions/draft/'))).toBe(true);
    expect(files.size).toBeGreaterThan(0);
  });

  it('also checks the chapters of the same edition that link to a changed or deleted chapter', () => {
    rmSync(content('editions/draft/skills/asking-questions.mdx'));
    const result = lint(['--changed']);
    expect(result.status).toBe(1);
    const broken = result.messages.filter((m) => m.ruleId === 'links' && m.message.includes('/skills/asking-questions/'));
    const files = [...new Set(broken.map((m) => m.file))].sort();
    // Unchanged chapters, checked only because they link to the deleted one.
    expect(files).toEqual(expect.arrayContaining(['src/content/editions/draft/skills/listening.mdx', 'src/content/editions/draft/start-here/welcome.mdx']));
    // The current edition's chapters link to its own copy, which did not change, so none is checked.
    expect(result.messages.some((m) => m.file.includes('/2026.1/'))).toBe(false);
  });

  it('checks every chapter when the glossary changed', () => {
    appendFileSync(content('glossary.yaml'), '\n');
    const result = runCli(['--changed'], { cwd: repo.dir, env: { HANDBOOK_CONTENT_DIR: undefined } });
    const chapters = readdirSync(content('editions'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
    expect(result.stdout).toContain(`(${chapters} files checked)`);
  });
});

describe('lint:content --changed, when a pull request changes a service standard', () => {
  const other = tempDir();
  const run = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: other.dir, encoding: 'utf8' });
  const file = (rel: string) => path.join(other.dir, 'src/content', rel);
  const declaration = (rings: number) =>
    `standards:\n  - id: phone-answer\n    measure: time to answer\n    target: { value: ${rings}, unit: rings }\n    statement: We answer every call by {target}.\n`;
  beforeAll(() => {
    cpSync(handbookContent, path.join(other.dir, 'src/content'), { recursive: true });
    const telephone = file('editions/draft/procedures/telephone.mdx');
    writeFileSync(telephone, readFileSync(telephone, 'utf8').replace(/\n---\n/, `\n${declaration(3)}---\n`));
    writeFileSync(
      file('editions/draft/skills/callers.mdx'),
      '---\ntitle: Callers first\ndescription: How the depots treat a caller from the first ring to the goodbye.\ntype: guide\ntouchpoints: [telephone]\naudience: [frontline]\nowner: Hire Desk Team\nreviewed: 2026-01-12\n---\n\nPick up the phone by the third ring.\n',
    );
    run('init', '--quiet', '--initial-branch=main');
    run('add', '.');
    run('commit', '--quiet', '-m', 'Content');
    run('checkout', '--quiet', '-b', 'edit');
  });
  afterAll(() => other.cleanup());

  it('also checks the chapters of its edition that state a value, which the new target makes wrong', () => {
    const telephone = file('editions/draft/procedures/telephone.mdx');
    writeFileSync(telephone, readFileSync(telephone, 'utf8').replace(declaration(3), declaration(2)));
    const result = runCli(['--changed', '--format', 'json'], { cwd: other.dir, env: { HANDBOOK_CONTENT_DIR: undefined } });
    const messages = JSON.parse(result.stdout) as LintMessage[];
    const contradiction = messages.filter((m) => m.ruleId === 'standard-consistency' && m.severity === 'error').map((m) => m.file);
    expect(contradiction).toContain('src/content/editions/draft/skills/callers.mdx');
    expect(result.status).toBe(1);
  });
});
