/** The carry-pending rule: a correction to the current edition must reach the draft too. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSource } from '../../src/lint/index.ts';
import { copyContent, root } from './support.ts';

const content = copyContent();
afterAll(() => content.cleanup());
const currentFile = path.join(content.dir, 'editions/2026.1/skills/listening.mdx');
const draftFile = path.join(content.dir, 'editions/draft/skills/listening.mdx');
const released = readFileSync(currentFile, 'utf8');
const corrected = released.replace(/^title: Listening$/m, 'title: Listening well');

async function pending(source: string) {
  const messages = await checkSource(source, currentFile, { contentDir: content.dir, root, today: '2026-06-01', readBase: () => released, baseLabel: 'main' });
  return messages.filter((m) => m.ruleId === 'carry-pending');
}

describe('carry-pending', () => {
  it('says nothing when the current edition is unchanged', async () => {
    expect(await pending(released)).toEqual([]);
  });

  it('warns, at the changed line, when the draft lacks a correction to the current edition', async () => {
    const [message] = await pending(corrected);
    expect(message).toMatchObject({ line: 2, severity: 'warning' });
    expect(message!.message).toContain('npm run carry -- skills/listening.mdx');
  });

  it('says nothing once the draft has the same correction', async () => {
    writeFileSync(draftFile, readFileSync(draftFile, 'utf8').replace(/^title: Listening$/m, 'title: Listening well'));
    expect(await pending(corrected)).toEqual([]);
  });

  it('is silent without a base to compare with', async () => {
    const messages = await checkSource(corrected, currentFile, { contentDir: content.dir, root, today: '2026-06-01' });
    expect(messages.filter((m) => m.ruleId === 'carry-pending')).toEqual([]);
  });
});
