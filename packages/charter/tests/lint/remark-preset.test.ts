/**
 * The remark preset reports what `charter lint` reports: the same messages at the same places,
 * with the same severities, for chapters written with house-style problems, Markdown slips, unsafe
 * MDX, broken frontmatter and lint comments, and for other people's Markdown (the imported Fenlow
 * handbook's pages, placed as chapters as they were written). remark-cli runs as an adopter runs
 * it, in a child process with the project's `.remarkrc.mjs`; `charter lint` runs in another.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/lint/types.ts';
import { engineRoot, repoRoot, root as kestrelRoot, runCli, tempDir, TODAY } from './support.ts';

const node = path.join(repoRoot, 'node_modules/.bin/node');
const remarkCli = path.join(repoRoot, 'node_modules/remark-cli/cli.js');
const importedHandbook = path.join(engineRoot, 'tests/fixtures/imports/fenlow-handbook');

interface RemarkFile {
  path: string;
  messages: { reason: string; ruleId?: string; fatal?: boolean | null; url?: string; place?: { start: Point; end: Point } | Point }[];
}
interface Point {
  line: number;
  column: number;
}

let project: { dir: string; cleanup: () => void };
const edition = 'src/content/editions/2026.1';

beforeAll(() => {
  project = tempDir();
  const dir = project.dir;
  cpSync(kestrelRoot, dir, { recursive: true });
  // The project's own tools, as after npm install: remark finds its JSON reporter there.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, '.remarkrc.mjs'), `export { default } from ${JSON.stringify(path.join(engineRoot, 'src/lint/preset.ts'))};\n`);
  // A config with levels per folder, which both must apply.
  writeFileSync(
    path.join(dir, 'charter.config.mjs'),
    `export default { title: 'Counter Handbook', organization: 'Kestrel Tool Hire', lang: 'en-GB',
  checker: { rules: { 'heading-increment': 'error' }, overrides: [{ files: 'editions/*/imported/**', rules: { 'heading-style': 'off' } }] } };\n`,
  );
  cpSync(path.join(engineRoot, 'tests/fixtures/parity-chapters'), path.join(dir, edition, 'procedures'), { recursive: true });
  // Other people's Markdown, every page of it, in a folder of its own.
  for (const entry of readdirSync(importedHandbook, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.md')) continue;
    cpSync(path.join(importedHandbook, entry), path.join(dir, edition, 'imported', entry.replace(/[\\/]/g, '--')));
  }
});
afterAll(() => project?.cleanup());

const key = (m: { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; severity: string; message: string }) =>
  `${m.file} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`;

function chapterFiles(): string[] {
  return readdirSync(path.join(project.dir, edition), { recursive: true, encoding: 'utf8' })
    .filter((entry) => /\.mdx?$/i.test(entry))
    .map((entry) => `${edition}/${entry.split(path.sep).join('/')}`)
    .sort();
}

function remark(files: readonly string[]): RemarkFile[] {
  const result = spawnSync(node, [remarkCli, '--quiet', '--no-color', '--report', 'json', ...files], {
    cwd: project.dir,
    encoding: 'utf8',
    env: { ...process.env, CHARTER_TODAY: TODAY },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.error).toBeUndefined();
  expect(result.stderr.startsWith('['), result.stderr.slice(0, 2000)).toBe(true);
  return JSON.parse(result.stderr) as RemarkFile[];
}

function fromRemark(files: readonly RemarkFile[]) {
  return files.flatMap((file) =>
    file.messages.map((m) => {
      const start = m.place && 'start' in m.place ? m.place.start : m.place;
      const end = m.place && 'end' in m.place ? m.place.end : start;
      const reportId = m.ruleId && (m as { source?: string }).source === 'prose' ? `prose:${m.ruleId}` : (m.ruleId ?? '');
      return {
        file: file.path.split(path.sep).join('/'),
        line: start?.line ?? 1,
        column: start?.column ?? 1,
        endLine: end?.line ?? start?.line ?? 1,
        endColumn: end?.column ?? start?.column ?? 1,
        ruleId: reportId,
        severity: m.fatal ? 'error' : 'warning',
        message: m.reason,
        url: m.url,
      };
    }),
  );
}

describe('npx remark with the Charter preset', () => {
  it('reports the same messages as charter lint, at the same places, for every chapter', () => {
    const files = chapterFiles();
    expect(files.length).toBeGreaterThan(40);
    const lint = runCli(['--format', 'json', '--no-cache', ...files], { cwd: project.dir });
    expect(lint.stderr).toBe('');
    const charter = (JSON.parse(lint.stdout) as LintMessage[]).map(key).sort();
    const byRemark = fromRemark(remark(files)).map(key).sort();
    expect(byRemark).toEqual(charter);
    // Not a comparison of two empty lists: the chapters hit the gate, the house rules, the
    // remark-lint rules, lint comments, the checks between chapters and the config's levels.
    const rules = new Set((JSON.parse(lint.stdout) as LintMessage[]).map((m) => m.ruleId));
    for (const rule of ['mdx-safety', 'frontmatter', 'links', 'chapter-files', 'terminology', 'spelling-variant', 'phrases-to-avoid'])
      expect(rules, rule).toContain(rule);
    for (const rule of ['no-undefined-references', 'no-unused-definitions', 'no-duplicate-definitions', 'no-emphasis-as-heading'])
      expect(rules, rule).toContain(rule);
    for (const rule of ['no-duplicate-headings-in-section', 'no-empty-url', 'heading-increment', 'lint-comments', 'prose:repeated-words'])
      expect(rules, rule).toContain(rule);
    expect(charter.some((line) => line.includes(' error heading-increment '))).toBe(true);
    // A file the build takes for no chapter is refused by name, and nothing else is said about it.
    expect(charter.filter((line) => line.includes('Ring-Notes.MD')).map((line) => line.split(' ').slice(2, 4).join(' '))).toEqual(['error chapter-files']);
    expect(charter.some((line) => line.includes('/imported/') && line.includes(' heading-style '))).toBe(false);
  });

  it('honours lint comments in Markdown and MDX chapters alike', () => {
    const messages = fromRemark(remark([`${edition}/procedures/returns-desk.md`, `${edition}/procedures/site-visits.mdx`]));
    const at = (file: string, line: number) => messages.filter((m) => m.file.endsWith(file) && m.line === line).map((m) => m.ruleId);
    // `<!-- lint ignore terminology -->` before the paragraph about "punter".
    expect(at('returns-desk.md', 33)).not.toContain('terminology');
    expect(at('returns-desk.md', 11)).toContain('terminology');
    // The disabled British spelling is not reported; the misspelled rule id is.
    expect(messages.some((m) => m.file.endsWith('site-visits.mdx') && m.ruleId === 'lint-comments' && m.message.includes('terminolgy'))).toBe(true);
  });

  it('gives every message the address of its rule’s documentation', () => {
    const messages = fromRemark(remark([`${edition}/procedures/returns-desk.md`]));
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) expect(m.url, m.ruleId).toMatch(new RegExp(`^file://.+/src/lint/rules/[a-z-]+\\.ts$`));
    expect(messages.find((m) => m.ruleId === 'terminology')?.url).toMatch(/\/terminology\.ts$/);
  });

  it('leaves a chapter as it was when remark writes it out, and refuses text without a file name', () => {
    const run = (args: readonly string[], input?: string) =>
      spawnSync(node, [remarkCli, '--quiet', '--no-color', ...args], {
        cwd: project.dir,
        encoding: 'utf8',
        input,
        env: { ...process.env, CHARTER_TODAY: TODAY },
      });
    const chapter = `${edition}/procedures/email.mdx`;
    expect(run([chapter]).stdout).toBe(readFileSync(path.join(project.dir, chapter), 'utf8'));
    const nameless = run([], 'Text from a pipe.\n');
    expect(nameless.stderr).toContain('Cannot check text without its file name');
    expect(nameless.stderr).not.toContain('    at ');
    expect(nameless.status).toBe(1);
  });

  it('reports a project it cannot check (a config the checker refuses) on the file, without a stack trace', () => {
    const config = path.join(project.dir, 'charter.config.mjs');
    const good = readFileSync(config, 'utf8');
    writeFileSync(config, good.replace('checker: { rules:', "checker: { readability: { audiences: { 'front-line': 60 } }, rules:"));
    try {
      const [file] = remark([`${edition}/procedures/email.mdx`]);
      expect(file!.messages.map((m) => [m.fatal, m.reason.split('\n')[0]])).toEqual([[true, 'Invalid site configuration:']]);
      expect(file!.messages[0]!.reason).toContain('"front-line" is not an audience');
      expect(JSON.stringify(file)).not.toContain('    at ');
    } finally {
      writeFileSync(config, good);
    }
  });
});
