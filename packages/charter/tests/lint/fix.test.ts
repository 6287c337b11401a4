/** `--fix`: rewrites terminology and spelling, re-checks clean, and never writes MDX that does not parse. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkFiles, fixFiles } from '../../src/lint/index.ts';
import { copyContent, handbookContent, handbookSettings, root, runCli, tempDir, TODAY } from './support.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function chapterFile(text: string): { dir: string; file: string } {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'chapter.mdx');
  writeFileSync(file, text);
  return { dir: temp.dir, file };
}

const BEFORE = [
  '---',
  'title: E-mail replies',
  'description: How we answer every client by e-mail, the same way each time.',
  'type: guide',
  'audience: [email-desk]',
  'owner: Customer Contact Team',
  'reviewed: 2026-01-12',
  '---',
  '',
  '<Callout type="note" title="When a client writes">',
  '',
  'Clients like a reply on the same day. Check the *web* site and the',
  "client's order, then organize the color-coded catalog.",
  '',
  '</Callout>',
  '',
  '| Channel | Note |',
  '| --- | --- |',
  '| e-mail | Use the `client_id` and the standard signoff |',
  '',
  'Say "e-mail" only when you quote it. No problem stays for a person to rewrite.',
  '',
].join('\n');

const AFTER = [
  '---',
  'title: Email replies',
  'description: How we answer every customer by email, the same way each time.',
  'type: guide',
  'audience: [email-desk]',
  'owner: Customer Contact Team',
  'reviewed: 2026-01-12',
  '---',
  '',
  '<Callout type="note" title="When a customer writes">',
  '',
  'Customers like a reply on the same day. Check the *website* and the',
  "customer's order, then organise the colour-coded catalogue.",
  '',
  '</Callout>',
  '',
  '| Channel | Note |',
  '| --- | --- |',
  '| email | Use the `client_id` and the standard sign-off |',
  '',
  'Say "e-mail" only when you quote it. No problem stays for a person to rewrite.',
  '',
].join('\n');

/** The test handbook is en-GB: US spellings are the ones to fix. */
const options = { contentDir: handbookContent, root, today: TODAY, ...handbookSettings };

describe('fixFiles', () => {
  it('rewrites every terminology and spelling problem to the suggestion, and nothing else', async () => {
    const { file } = chapterFile(BEFORE);
    const result = await fixFiles([file], options);
    expect(readFileSync(file, 'utf8')).toBe(AFTER);
    expect(result.fixed).toEqual([{ file: expect.stringContaining('chapter.mdx'), count: 12 }]);
    expect(result.refused).toEqual([]);
  });

  it('leaves a result that re-checks clean for the rules it fixes', async () => {
    const { file } = chapterFile(BEFORE);
    const { messages } = await fixFiles([file], options);
    expect(messages.filter((m) => m.ruleId === 'terminology' || m.ruleId === 'spelling-variant')).toEqual([]);
    const again = await checkFiles([file], options);
    expect(again.filter((m) => m.ruleId === 'terminology' || m.ruleId === 'spelling-variant')).toEqual([]);
    expect(again.some((m) => m.ruleId === 'phrases-to-avoid')).toBe(true);
  });

  it('writes through a temporary file and leaves none behind', async () => {
    const { dir, file } = chapterFile(BEFORE);
    await fixFiles([file], options);
    expect(readdirSync(dir)).toEqual(['chapter.mdx']);
  });

  it('refuses to write a fix that would not parse, and says why', async () => {
    const content = copyContent();
    cleanups.push(content.cleanup);
    writeFileSync(
      path.join(content.dir, 'glossary.yaml'),
      stringify([{ id: 'mail', term: 'mail <b', definition: 'Letters.', variants: [{ text: 'snail mail', reason: 'Slang.' }] }]),
    );
    const { file } = chapterFile('Send it by snail mail.\n');
    const result = await fixFiles([file], { ...options, contentDir: content.dir });
    expect(readFileSync(file, 'utf8')).toBe('Send it by snail mail.\n');
    expect(result.fixed).toEqual([]);
    expect(result.refused).toEqual([{ file: expect.stringContaining('chapter.mdx'), reason: expect.stringContaining('would not parse') }]);
  });

  it('keeps Markdown valid when the words span markup, line breaks or quotes', async () => {
    const { file } = chapterFile('Use the web *site* or the **check** list.\n\n> Open the web\n> site.\n\n- The touch\n  point.\n');
    await fixFiles([file], options);
    expect(readFileSync(file, 'utf8')).toBe('Use the website or the **checklist**.\n\n> Open the website.\n\n- The touchpoint.\n');
  });

  it('leaves a file without fixable problems untouched', async () => {
    const { file } = chapterFile('No problem at all.\n');
    const result = await fixFiles([file], options);
    expect(result.fixed).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('No problem at all.\n');
  });
});

describe('lint:content --fix', () => {
  it('fixes, reports what is left and exits by what is left', () => {
    const { file } = chapterFile(BEFORE.replace('No problem stays for a person to rewrite.', 'The rest is fine.'));
    const result = runCli([file, '--fix', '--format', 'json']);
    expect(result.stderr).toContain('Fixed 12 problems');
    expect(result.status).toBe(0);
    const left = JSON.parse(result.stdout) as { ruleId: string }[];
    expect(left.filter((m) => m.ruleId === 'terminology' || m.ruleId === 'spelling-variant')).toEqual([]);
  });
});
