/**
 * Chapters written by someone who has not read the standards' declarations: they state them in
 * their own words, some agreeing and some not. Each contradiction is an error that names the
 * sentence's place and the declaration's; the agreeing ones are warnings (a value typed by hand)
 * or silent; sentences about other things stay silent.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../../../packages/charter/src/lint/index.ts';
import { exampleContent, exampleSettings } from './support.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'northwind-standards-'));
const content = path.join(dir, 'content');
cpSync(exampleContent, content, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chapter = (touchpoints: string, lines: string[]) =>
  [
    '---',
    'title: Promises we keep',
    'description: The service times customers can count on, in the words of the team that keeps them.',
    'type: guide',
    `touchpoints: ${touchpoints}`,
    'audience: [frontline]',
    'owner: Customer Contact Team',
    'reviewed: 2026-11-02',
    '---',
    '',
    ...lines.flatMap((line) => [line, '']),
  ].join('\n');

async function messagesOf(file: string, text: string) {
  const absolute = path.join(content, 'editions/draft', file);
  writeFileSync(absolute, text);
  const messages = await checkFiles([absolute], { contentDir: content, root: dir, cache: false, ...exampleSettings });
  return messages.filter((m) => m.ruleId === 'standard-consistency').map((m) => ({ line: m.line, severity: m.severity, message: m.message }));
}

describe('a chapter that states the standards in its own words', () => {
  it('reports each contradiction as an error with both places, and each agreeing value as a warning', async () => {
    const messages = await messagesOf(
      'start-here/promises.mdx',
      chapter('[]', [
        'Pick up the phone before the fourth ring.', // 11: agrees (by the third ring)
        'No caller should spend more than a minute on hold without hearing from us.', // 13: 30 seconds
        'Callers should never hold longer than half a minute.', // 15: agrees
        'We reply to every email within 48 hours.', // 17: one working day
        'Chat customers get their first reply within half a minute.', // 19: agrees (draft: 30 seconds)
        'We greet visitors at the counter within ten seconds.', // 21: agrees
        'Letters get an answer within five working days.', // 23: three working days
        'Answer the phone by the second ring.', // 25: the third ring
      ]),
    );
    expect(messages.map((m) => [m.line, m.severity])).toEqual([
      [11, 'warning'],
      [13, 'error'],
      [15, 'warning'],
      [17, 'error'],
      [19, 'warning'],
      [21, 'warning'],
      [23, 'error'],
      [25, 'error'],
    ]);
    expect(messages.find((m) => m.line === 17)!.message).toBe(
      'Unexpected "48 hours" for standard "email-reply" (Email, time to a full reply), expected one working day as declared at editions/draft/procedures/email.mdx:14:5',
    );
    expect(messages.find((m) => m.line === 13)!.message).toMatch(/expected 30 seconds as declared at editions\/draft\/procedures\/telephone\.mdx:\d+:\d+$/);
  });

  it('leaves sentences about other things alone', async () => {
    const messages = await messagesOf(
      'start-here/habits.mdx',
      chapter('[telephone, email, live-chat]', [
        'Count to five before you answer a hard question.',
        'A few extra seconds of patience save minutes of confusion later.',
        'The first edition asked for four rings; this edition asks for three.',
        'A customer who rings twice should get the same welcome both times.',
        'Take a second look at the order before you reply.',
        'Our old phone system used to let calls ring for six rings.',
      ]),
    );
    expect(messages).toEqual([]);
  });

  it('takes a chapter’s touchpoint as what its sentences are about', async () => {
    const messages = await messagesOf('procedures/email-tips.mdx', chapter('[email]', ['Reply within two working days.']));
    expect(messages).toEqual([expect.objectContaining({ line: 11, severity: 'error', message: expect.stringContaining('standard "email-reply"') })]);
  });
});
