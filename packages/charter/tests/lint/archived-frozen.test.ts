/** The archived-frozen rule: archived editions only change with a correction in the manifest. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lint/index.ts';
import { copyContent, root } from './support.ts';

const content = copyContent();
afterAll(() => content.cleanup());
const archivedFile = path.join(content.dir, 'editions/2025.1/procedures/telephone.mdx');
const original = readFileSync(archivedFile, 'utf8');

async function frozen(source: string, file = archivedFile, base: string | null = original) {
  const messages = await checkSource(source, file, { contentDir: content.dir, root, today: '2026-06-01', readBase: () => base, baseLabel: 'main' });
  return messages.filter((m) => m.ruleId === 'archived-frozen');
}

describe('archived-frozen', () => {
  it('accepts an archived chapter as it was', async () => {
    expect(await frozen(original)).toEqual([]);
  });

  it('reports a changed archived chapter at the first changed line, as an error', async () => {
    const lines = original.split('\n');
    lines[20] = 'A changed line.';
    const [message] = await frozen(lines.join('\n'));
    expect(message).toMatchObject({ line: 21, severity: 'error' });
    expect(message!.message).toContain('archived edition 2025.1');
    expect(message!.message).toContain('"procedures/telephone.mdx"');
  });

  it('reports a new file in an archived edition', async () => {
    const [message] = await frozen('New.\n', path.join(content.dir, 'editions/2025.1/procedures/new.mdx'), null);
    expect(message?.message).toContain('new since main');
  });

  it('leaves current and draft editions alone', async () => {
    expect(await frozen('Changed.\n', path.join(content.dir, 'editions/2026.1/procedures/telephone.mdx'))).toEqual([]);
    expect(await frozen('Changed.\n', path.join(content.dir, 'editions/draft/procedures/telephone.mdx'))).toEqual([]);
  });

  it('is off without a base to compare with', async () => {
    const messages = await checkSource('Changed.\n', archivedFile, { contentDir: content.dir, root, today: '2026-06-01' });
    expect(messages.filter((m) => m.ruleId === 'archived-frozen')).toEqual([]);
  });

  it('accepts a change that the manifest records as a correction', async () => {
    const manifest = path.join(content.dir, 'editions.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        '  notes: The first edition of the Kestrel Tool Hire service handbook.',
        '  notes: The first edition of the Kestrel Tool Hire service handbook.\n  corrections:\n    - file: procedures/telephone.mdx\n      date: 2026-03-02\n      note: Corrected the phone extension.',
      ),
    );
    expect(await frozen(`${original}\nCorrected.\n`)).toEqual([]);
    expect(await frozen('Changed.\n', path.join(content.dir, 'editions/2025.1/procedures/email.mdx'))).toHaveLength(1);
  });
});
