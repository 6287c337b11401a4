import { describe, expect, it } from 'vitest';
import {
  applySynonyms,
  combineScores,
  isFiller,
  isWordingQuestion,
  rewriteQuery,
  sameWord,
  singular,
  tokenize,
  touchpointsIn,
  whileTyping,
} from '../../src/lib/search/query.ts';
import { DEFAULT_VOCABULARY, touchpointWords } from '../../src/lib/vocabulary.ts';

const TOUCHPOINT_WORDS = touchpointWords(DEFAULT_VOCABULARY);
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

describe('filler words', () => {
  it('treats contractions as filler, with or without the apostrophe', () => {
    for (const w of ["shouldn't", 'can’t'.replace('’', "'"), 'cant', 'doesnt', "they're", "i'll", "we've"]) expect(isFiller(w)).toBe(true);
  });

  it('keeps topic words, including ones that look like contractions', () => {
    for (const w of ['hold', 'ill', 'wait', 'no', 'same']) expect(isFiller(w)).toBe(false);
  });

  it('drops them from a question', () => {
    expect(rewriteQuery("words we shouldn't say to customers", rules).terms).toEqual(['words', 'customers']);
  });
});

describe('plural-tolerant synonyms', () => {
  it('strips a plural ending, but not from short words or words ending in ss, us or is', () => {
    expect(['phones', 'boxes', 'letters', 'bus', 'address', 'this', 'ups'].map(singular)).toEqual(['phone', 'box', 'letter', 'bus', 'address', 'this', 'ups']);
  });

  it('matches a rule word typed in the plural, never the other way round', () => {
    expect(sameWord('clients', 'client')).toBe(true);
    expect(sameWord('client', 'clients')).toBe(false);
  });

  it('maps plural variants and finds touchpoints named in the plural', () => {
    expect(rewriteQuery('clients shouting', rules).terms).toEqual(['customer', 'shouting']);
    expect(rewriteQuery('angry clients', rules).alternative).toBe('complaint customer');
    expect(touchpointsIn(['phones'], TOUCHPOINT_WORDS)).toEqual(['telephone']);
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

describe('combineScores', () => {
  it('sums each page’s weighted scores across searches, so a page found by several words ranks first', () => {
    const order = combineScores([
      { hits: [{ id: 'telephone', score: 2 }], weight: 2 },
      {
        hits: [
          { id: 'email', score: 3 },
          { id: 'telephone', score: 1 },
        ],
        weight: 1,
      },
      { hits: [{ id: 'mail', score: 0.5 }], weight: 1 },
    ]);
    expect(order).toEqual(['telephone', 'email', 'mail']);
  });

  it('keeps first-seen order for equal scores', () => {
    expect(
      combineScores([
        {
          hits: [
            { id: 'b', score: 1 },
            { id: 'a', score: 1 },
          ],
          weight: 1,
        },
      ]),
    ).toEqual(['b', 'a']);
  });
});

describe('query intent', () => {
  it('finds the touchpoints a question names', () => {
    expect(touchpointsIn(['pick', 'phone'], TOUCHPOINT_WORDS)).toEqual(['telephone']);
    expect(touchpointsIn(['refund'], TOUCHPOINT_WORDS)).toEqual([]);
  });

  it('recognizes a question about wording', () => {
    expect(isWordingQuestion('how to spell follow up', rules)).toBe(true);
    expect(isWordingQuestion('is it e-mail or email', rules)).toBe(true);
    expect(isWordingQuestion('e-mail reply time', rules)).toBe(false);
  });
});

describe('whileTyping', () => {
  it('leaves out a last word of one or two letters that is still being typed', () => {
    expect(whileTyping('caller on h')).toBe('caller on ');
    expect(whileTyping('caller on ho')).toBe('caller on ');
    expect(whileTyping('ho')).toBe('');
  });

  it('keeps a last word of three letters or more, and every finished word', () => {
    expect(whileTyping('caller on hol')).toBe('caller on hol');
    expect(whileTyping('caller on ')).toBe('caller on ');
    expect(whileTyping('id ')).toBe('id ');
    expect(whileTyping('e-m')).toBe('e-m');
  });
});
