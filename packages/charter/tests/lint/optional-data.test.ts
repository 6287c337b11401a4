/** The glossary and the phrases to avoid are optional: without them the checker has nothing to check against. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lint/index.ts';
import { copyContent, root } from './support.ts';

const text = 'Please e-mail the client. No problem, it is not my department.\n';

describe('a handbook without glossary.yaml and phrases.yaml', () => {
  const content = copyContent();
  afterAll(() => content.cleanup());
  const check = (dir: string) => checkSource(text, path.join(dir, 'editions/2026.1/reference/x.mdx'), { contentDir: dir, root, today: '2026-06-01' });

  it('flags variants and phrases while the files are there', async () => {
    const rules = (await check(content.dir)).map((m) => m.ruleId);
    expect(rules).toContain('terminology');
    expect(rules).toContain('phrases-to-avoid');
  });

  it('has nothing to check them against once the files are gone, and says nothing about it', async () => {
    rmSync(path.join(content.dir, 'glossary.yaml'));
    rmSync(path.join(content.dir, 'phrases.yaml'));
    const messages = await check(content.dir);
    expect(messages.filter((m) => m.ruleId === 'terminology' || m.ruleId === 'phrases-to-avoid')).toEqual([]);
  });

  it('refuses a glossary file that exists but lists nothing, as the build does', async () => {
    writeFileSync(path.join(content.dir, 'glossary.yaml'), '# Terms will go here.\n');
    await expect(check(content.dir)).rejects.toThrow(
      /glossary\.yaml:1:1: Unexpected empty glossary\.yaml, expected at least one entry; or delete glossary\.yaml if the handbook has no glossary terms \(it is optional\) \(data-files\)/,
    );
  });
});
