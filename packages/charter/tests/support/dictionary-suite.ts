/**
 * A dictionary that tests itself: every glossary entry and every phrase to avoid carries sentences
 * the checker must flag and sentences it must leave alone. The engine runs this on its test
 * handbook and the example on its own content, so adding an entry to either adds its cases.
 */
import { describe, expect, it } from 'vitest';
import { readDataListOrRefuse } from '../../src/lib/data-files.ts';
import { glossaryEntry, phraseToAvoid } from '../../src/lib/schemas.ts';
import type { LintMessage } from '../../src/lint/types.ts';

type CheckRule = (ruleId: string, source: string) => Promise<LintMessage[]>;

const cases = <T extends { id: string; examples: { flag: string[]; pass: string[] } }>(entries: T[], kind: 'flag' | 'pass') =>
  entries.flatMap((entry) => entry.examples[kind].map((sentence) => [entry.id, sentence, entry] as const));

export function describeDictionaryExamples(contentDir: string, checkRule: CheckRule): void {
  const optional = (purpose: string) => ({ required: false, purpose });
  const glossary = readDataListOrRefuse(contentDir, 'glossary.yaml', glossaryEntry, optional('glossary terms'));
  const phrases = readDataListOrRefuse(contentDir, 'phrases.yaml', phraseToAvoid, optional('phrases to avoid'));

  describe('the glossary examples', () => {
    it('give every entry with variants at least one sentence to flag and one to pass', () => {
      expect(glossary.length).toBeGreaterThan(0);
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
      expect(phrases.length).toBeGreaterThan(0);
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
}
