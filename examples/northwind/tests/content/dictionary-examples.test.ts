/**
 * The example's dictionary tests itself: every glossary entry and every phrase to avoid carries sentences
 * the checker must flag and sentences it must leave alone. Adding an entry to the data adds its
 * cases here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { glossaryEntry, phraseToAvoid } from '../../../../packages/charter/src/lib/schemas.ts';
import { checkSource } from '../../../../packages/charter/src/lint/index.ts';
import { exampleContent, exampleRoot, exampleSettings } from './support.ts';

const glossary = (parse(readFileSync(path.join(exampleContent, 'glossary.yaml'), 'utf8')) as unknown[]).map((e) => glossaryEntry.parse(e));
const phrases = (parse(readFileSync(path.join(exampleContent, 'phrases.yaml'), 'utf8')) as unknown[]).map((e) => phraseToAvoid.parse(e));

/** One rule's messages for a sentence, checked as a chapter of the example's current edition. */
const checkRule = async (ruleId: string, source: string) =>
  (
    await checkSource(source, path.join(exampleContent, 'editions/2026.1/reference/example.mdx'), {
      contentDir: exampleContent,
      root: exampleRoot,
      today: '2026-06-01',
      ...exampleSettings,
    })
  ).filter((m) => m.ruleId === ruleId);

const cases = <T extends { id: string; examples: { flag: string[]; pass: string[] } }>(entries: T[], kind: 'flag' | 'pass') =>
  entries.flatMap((entry) => entry.examples[kind].map((sentence) => [entry.id, sentence, entry] as const));

describe('the glossary examples', () => {
  it('give every entry with variants at least one sentence to flag and one to pass', () => {
    for (const entry of glossary.filter((e) => e.variants.length > 0)) {
      expect(entry.examples.flag.length, entry.id).toBeGreaterThan(0);
      expect(entry.examples.pass.length, entry.id).toBeGreaterThan(0);
    }
  });

  it.each(cases(glossary, 'flag'))('%s: flags "%s" and suggests the preferred term', async (_id, sentence, entry) => {
    const messages = await checkRule('terminology', `${sentence}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.expected?.toLowerCase()).toContain(entry.term.toLowerCase());
  });

  it.each(cases(glossary, 'pass'))('%s: leaves "%s" alone', async (_id, sentence) => {
    expect(await checkRule('terminology', `${sentence}\n`)).toEqual([]);
  });
});

describe('the phrases-to-avoid examples', () => {
  it('give every phrase at least one sentence to flag and one to pass', () => {
    for (const phrase of phrases) {
      expect(phrase.examples.flag.length, phrase.id).toBeGreaterThan(0);
      expect(phrase.examples.pass.length, phrase.id).toBeGreaterThan(0);
    }
  });

  it.each(cases(phrases, 'flag'))('%s: flags "%s" and names the alternative', async (_id, sentence, phrase) => {
    const messages = await checkRule('phrases-to-avoid', `${sentence}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe('error');
    expect(messages[0]!.message).toContain(`instead: ${phrase.instead}`);
  });

  it.each(cases(phrases, 'pass'))('%s: leaves "%s" alone', async (_id, sentence) => {
    expect(await checkRule('phrases-to-avoid', `${sentence}\n`)).toEqual([]);
  });
});
