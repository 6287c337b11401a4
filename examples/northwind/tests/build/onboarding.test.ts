/** The review page and the new-chapter scaffold, on real builds of a content copy. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';
import { charterCli } from '../../../../tools/support/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const scaffold = (contentDir: string, args: string[]) =>
  spawnSync(process.execPath, [charterCli, 'new', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, HANDBOOK_CONTENT_DIR: contentDir } });

describe('/review/', () => {
  it('lists a chapter as overdue when its review ran out', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = content.file('editions/2026.1/skills/speaking.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewed: .*$/m, 'reviewed: 2024-05-01'));
    const out = buildWithContent(content.dir, { CHARTER_TODAY: '2026-11-23' }, (dist) => {
      const html = readFileSync(path.join(dist, 'review/index.html'), 'utf8');
      const overdue = html.slice(html.indexOf('data-review-status="overdue"'), html.indexOf('data-review-status="due-soon"'));
      expect(overdue).toContain('Speaking with customers');
      expect(overdue).toContain('May 1, 2025');
      expect(overdue).not.toContain('Listening');
    });
    expect(out.status, out.output).toBe(0);
  });
});

describe('npm run new', () => {
  it('creates a procedure in the draft that builds, with the six sections', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const result = scaffold(content.dir, ['procedures/fax-orders', '--type', 'procedure']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Created editions/draft/procedures/fax-orders.mdx (procedure)');
    const text = readFileSync(content.file('editions/draft/procedures/fax-orders.mdx'), 'utf8');
    expect(text.match(/^## .*$/gm)).toEqual([
      '## When this applies',
      '## Our standard',
      '## Steps',
      '## What to say',
      '## If something goes wrong',
      '## Checklist',
    ]);
    const out = buildWithContent(content.dir, {}, (dist) => {
      expect(readFileSync(path.join(dist, 'draft/procedures/fax-orders/index.html'), 'utf8')).toContain('Fax orders');
    });
    expect(out.status, out.output).toBe(0);
    const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json', content.file('editions/draft/procedures/fax-orders.mdx')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: content.dir },
    });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual([]);
  });

  it('refuses an existing chapter, a bad name, an unknown section or type, writing nothing', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const before = readdirSync(content.dir, { recursive: true }).length;
    for (const [args, message] of [
      [['procedures/telephone'], 'editions/draft/procedures/telephone.mdx already exists'],
      [['Procedures/New Thing'], 'is not a chapter name'],
      [['telephone'], 'is not a chapter name'],
      [['recipes/soup'], '"recipes" is not a section'],
      [['procedures/fax', '--type', 'memo'], '--type "memo" is not a chapter type'],
      [['procedures/fax', '--edition', '2025.1'], 'Edition 2025.1 is archived and frozen'],
    ] as const) {
      const result = scaffold(content.dir, [...args]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(scaffold(content.dir, []).status).toBe(2);
    expect(readdirSync(content.dir, { recursive: true }).length).toBe(before);
    expect(existsSync(content.file('editions/draft/procedures/fax.mdx'))).toBe(false);
  });
});
