import { describe, expect, it } from 'vitest';
import { applySynonyms, fallbackQueries, mergeRankings, rewriteQuery, tokenize } from '../../src/lib/search/query.ts';
import { buildSynonymRules } from '../../src/lib/search/synonyms.ts';

const glossary = [
  { id: 'email', term: 'email', definition: 'd', variants: [{ text: 'e-mail', reason: 'r' }], examples: { flag: [], pass: [] } },
  { id: 'voicemail', term: 'voicemail', definition: 'd', variants: [{ text: 'voice mail', reason: 'r' }], examples: { flag: [], pass: [] } },
  { id: 'escalate', term: 'escalate', definition: 'd', variants: [{ text: 'pass the buck', reason: 'r' }], examples: { flag: [], pass: [] } },
  { id: 'customer', term: 'customer', definition: 'd', variants: [{ text: 'client', reason: 'r' }], examples: { flag: [], pass: [] } },
];
const rules = buildSynonymRules(glossary, [{ phrase: 'angry', means: 'complaint' }]);

describe('tokenize', () => {
  it('lowercases, keeps hyphenated words and drops punctuation', () => {
    expect(tokenize('How long can a Caller wait on hold?! (e-mail)')).toEqual(['how', 'long', 'can', 'a', 'caller', 'wait', 'on', 'hold', 'e-mail']);
  });
});

describe('rewriteQuery', () => {
  it('drops question and filler words but keeps the topic', () => {
    expect(rewriteQuery('how long can a caller wait on hold', rules).terms).toEqual(['long', 'caller', 'wait', 'hold']);
  });

  it('maps glossary variants to the preferred term', () => {
    const q = rewriteQuery('E-mail reply time for a client', rules);
    expect(q.terms).toEqual(['email', 'reply', 'time', 'customer']);
    expect(q.mapped).toBe(true);
  });

  it('maps multi-word variants, even ones made of stop words', () => {
    expect(rewriteQuery('when is it ok to pass the buck', rules).terms).toEqual(['escalate']);
    expect(rewriteQuery('change the voice mail message', rules).strict).toBe('change voicemail message');
  });

  it('keeps everyday words and offers the handbook’s words as an alternative search', () => {
    const q = rewriteQuery('angry client', rules);
    expect(q.terms).toEqual(['angry', 'customer']);
    expect(q.alternative).toBe('complaint customer');
    expect(rewriteQuery('hold time', rules).alternative).toBeUndefined();
  });

  it('leaves nothing to search for a question made only of filler', () => {
    expect(rewriteQuery('what do you do?', rules).terms).toEqual([]);
  });
});

describe('applySynonyms', () => {
  it('prefers the longest rule at a position', () => {
    const r = [
      { from: ['web'], to: 'internet', kind: 'variant' as const },
      { from: ['web', 'site'], to: 'website', kind: 'variant' as const },
    ];
    expect(applySynonyms(['web', 'site', 'form'], r).words).toEqual(['website', 'form']);
  });
});

describe('fallbackQueries', () => {
  it('tries pairs, then single words, longest words first, within the limit', () => {
    const q = fallbackQueries(['caller', 'wait', 'hold']);
    expect(q).toEqual(['caller wait', 'caller hold', 'wait hold', 'caller', 'wait', 'hold']);
    expect(fallbackQueries(['a', 'b', 'c', 'd', 'e', 'f'], 8)).toHaveLength(8);
    expect(fallbackQueries(['hold'])).toEqual([]);
  });
});

describe('mergeRankings', () => {
  it('ranks a page found by several searches above one found once, strict search weighing most', () => {
    const merged = mergeRankings([
      { hits: [{ id: 'telephone', rank: 0 }], weight: 3 },
      { hits: [{ id: 'email', rank: 0 }, { id: 'telephone', rank: 1 }], weight: 1 },
      { hits: [{ id: 'mail', rank: 0 }], weight: 1 },
    ]);
    expect(merged[0]).toBe('telephone');
    expect(merged).toEqual(['telephone', 'email', 'mail']);
  });
});
