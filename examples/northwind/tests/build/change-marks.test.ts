/**
 * Material or correction in a real build (#19): the marks the browser reads (marks.json) and the
 * changes page follow the rule and the editor's override in editions.yaml, a typo fixed in a
 * standard resets nobody, and an override on a chapter that did not change refuses the build.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';
import { charterCli } from '../../../../tools/support/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

/** Adds `changeMarks` to the 2026.1 entry of editions.yaml. */
const markIn2026 = (marks: string) => (text: string) => text.replace('  status: current\n', `  status: current\n  changeMarks:\n${marks}`);

describe('change marks in the build', () => {
  it('marks by the rule, takes the editor’s override, and calls a typo fixed in a standard a correction', () => {
    const content = copyContent();
    try {
      // 2025.1's Mail had a typo in a standard that 2026.1 fixed: a correction.
      edit(content.file('editions/2025.1/procedures/mail.mdx'), (t) =>
        t.replace('We open, date-stamp and log all incoming', 'We open, date-stamp and log all incomming'),
      );
      // The editor overrides the rule for Website (material by the rule: two working days became one).
      edit(content.file('editions.yaml'), markIn2026('    procedures/website: correction\n'));
      let marks: { changes: { slug: string; mark: string }[] } = { changes: [] };
      let changesPage = '';
      const result = buildWithContent(content.dir, {}, (dist) => {
        marks = JSON.parse(readFileSync(path.join(dist, 'changes/2026.1/marks.json'), 'utf8'));
        changesPage = readFileSync(path.join(dist, 'changes/2026.1/index.html'), 'utf8');
      });
      expect(result.status, result.output).toBe(0);
      const markOf = (slug: string) => marks.changes.find((c) => c.slug === slug)?.mark;
      expect(markOf('procedures/mail')).toBe('correction');
      expect(markOf('procedures/website')).toBe('correction');
      expect(markOf('procedures/telephone')).toBe('material');
      expect(markOf('procedures/face-to-face')).toBe('material');
      expect(changesPage).toMatch(/id="changed-procedures-website" data-mark="correction"/);
    } finally {
      content.cleanup();
    }
  }, 240_000);

  it('refuses an override on a chapter the edition did not change, located, in the same words as the checker', () => {
    const content = copyContent();
    try {
      // Listening made the same in both editions: 2026.1 did not change it.
      writeFileSync(content.file('editions/2026.1/skills/listening.mdx'), readFileSync(content.file('editions/2025.1/skills/listening.mdx'), 'utf8'));
      edit(content.file('editions.yaml'), markIn2026('    skills/listening: correction\n'));
      const result = buildWithContent(content.dir);
      expect(result.status).not.toBe(0);
      const located = result.output.match(/editions\.yaml:\d+:\d+: Unexpected change mark for "skills\/listening"[^\n]*/)?.[0];
      expect(located, result.output).toBeDefined();
      expect(located).toContain('which did not change in 2026.1 against 2025.1, expected one of the chapters that changed (');
      expect(located).toContain('procedures/telephone');
      const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, HANDBOOK_CONTENT_DIR: content.dir },
      });
      expect(lint.status).toBe(1);
      const [, line, column, message] = /editions\.yaml:(\d+):(\d+): (.*?)(?: \(chapter-files\))?$/.exec(located!)!;
      const found = (JSON.parse(lint.stdout) as { file: string; line: number; column: number; ruleId: string; message: string }[]).filter((m) =>
        m.file.endsWith('editions.yaml'),
      );
      expect(found.map((m) => [m.line, m.column, m.ruleId, m.message])).toEqual([[Number(line), Number(column), 'chapter-files', message]]);
    } finally {
      content.cleanup();
    }
  }, 240_000);
});
