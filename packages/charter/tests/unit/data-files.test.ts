import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataList, readDataListOrRefuse, validateList } from '../../src/lib/data-files.ts';
import { edition, section } from '../../src/lib/schemas.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'charter-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const required = { required: true, purpose: 'its list of sections' };
const where = (problems: { line: number; column: number; message: string }[]) => problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('readDataList', () => {
  it('reads and validates every entry', () => {
    writeFileSync(path.join(dir, 'sections.yaml'), '- id: start-here\n  title: Start here\n  order: 1\n  intro: What a new starter reads first.\n');
    const data = readDataList(dir, 'sections.yaml', section, required);
    expect(data.problems).toEqual([]);
    expect(data.entries.map((e) => e.id)).toEqual(['start-here']);
  });

  it('locates every bad field of every entry in one run, at its line and column', () => {
    const text = ['- id: Start Here', '  title: Start here', '  order: 1', '- id: procedures', '  title: ""', '  order: first'].join('\n');
    const { problems } = validateList(text, 'sections.yaml', section, required);
    const lines = where(problems);
    expect(lines.some((l) => l.startsWith('1:7 Entry 1: id'))).toBe(true);
    expect(lines.some((l) => l.startsWith('5:10 Entry 2: title'))).toBe(true);
    expect(lines.some((l) => l.startsWith('6:10 Entry 2: order'))).toBe(true);
    expect(problems.every((p) => p.ruleId === 'data-files')).toBe(true);
  });

  it('reports YAML syntax errors with their place', () => {
    const { problems } = validateList('- id: a\n  title: [unclosed\n', 'sections.yaml', section, required);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/^sections\.yaml is not valid YAML: /);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a missing or empty required file, and a file that is not a list', () => {
    expect(where(readDataList(dir, 'missing.yaml', section, required).problems)).toEqual([
      '1:1 Missing file missing.yaml: the handbook needs its list of sections; create missing.yaml in the content folder',
    ]);
    expect(where(validateList('# nothing yet\n', 'sections.yaml', section, required).problems)[0]).toMatch(/Unexpected empty sections\.yaml/);
    expect(where(validateList('id: a\n', 'sections.yaml', section, required).problems)[0]).toMatch(/not a list, expected one entry per "- " line/);
  });

  it('treats a missing optional file as an empty list, and refuses an empty one that exists', () => {
    const optional = { required: false, purpose: 'reading paths' };
    expect(readDataList(dir, 'paths.yaml', section, optional)).toMatchObject({ exists: false, entries: [], problems: [] });
    expect(where(validateList('# none yet\n', 'paths.yaml', section, optional).problems)).toEqual([
      '1:1 Unexpected empty paths.yaml, expected at least one entry; or delete paths.yaml if the handbook has no reading paths (it is optional)',
    ]);
  });

  it('refuses with one message that lists each problem as file:line:column: message (rule)', () => {
    writeFileSync(path.join(dir, 'editions.yaml'), '- id: 2026.1\n  title: 2026 edition\n  status: published\n');
    expect(() => readDataListOrRefuse(dir, 'editions.yaml', edition, required, dir)).toThrow(/editions\.yaml:3:11: Entry 1: status: .*\(data-files\)/);
  });
});
