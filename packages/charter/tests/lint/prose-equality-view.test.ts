/**
 * retext-equality gets the chapter as one paragraph of the sentences that can match: the same
 * messages as searching every paragraph, without the plugin's per-paragraph cost.
 */
import type { Root as NlcstRoot } from 'nlcst';
import { describe, expect, it } from 'vitest';
import { asOneParagraph, firstWordsOf, loadEqualityFirstWords, normalizeWord } from '../../src/lint/rules/prose.ts';
import { check } from './support.ts';

const word = (value: string) => ({ type: 'WordNode' as const, children: [{ type: 'TextNode' as const, value }] });
const space = { type: 'WhiteSpaceNode' as const, value: ' ' };
const sentence = (...words: string[]) => ({ type: 'SentenceNode' as const, children: words.flatMap((w, i) => (i === 0 ? [word(w)] : [space, word(w)])) });
const tree: NlcstRoot = {
  type: 'RootNode',
  children: [
    { type: 'ParagraphNode', children: [sentence('Ask', 'the', 'Chairman'), space, sentence('Call', 'back')] },
    { type: 'WhiteSpaceNode', value: '\n\n' },
    { type: 'ParagraphNode', children: [sentence('He’ll', 'answer')] },
  ],
};
const words = (root: NlcstRoot) =>
  JSON.stringify(root)
    .match(/"value":"[^" ]+"/g)
    ?.map((v) => v.slice(9, -1));

describe('the equality view', () => {
  it('normalizes words as nlcst-normalize does', () => {
    expect(normalizeWord('Chair-Man’s', false)).toBe('chairmans');
    expect(normalizeWord('He’ll', true)).toBe("he'll");
  });

  it('puts every paragraph into one, keeping the sentences themselves', () => {
    const view = asOneParagraph(tree);
    expect(view.children).toHaveLength(1);
    expect(words(view)).toEqual(['Ask', 'the', 'Chairman', 'Call', 'back', 'He’ll', 'answer']);
    expect((view.children[0] as { children: unknown[] }).children[0]).toBe((tree.children[0] as { children: unknown[] }).children[0]);
  });

  it('leaves out the sentences that lack a word of every phrase', () => {
    const firstWords = firstWordsOf(['chairman', "he'll", 'call * later'])!;
    expect(words(asOneParagraph(tree, firstWords))).toEqual(['Ask', 'the', 'Chairman', 'He’ll', 'answer']);
    expect(words(asOneParagraph(tree, firstWordsOf(['call back'])!))).toEqual(['Call', 'back']);
    expect(words(asOneParagraph(tree, firstWordsOf(['back call'])!))).toEqual(['Call', 'back']);
    expect(firstWordsOf(['* wildcard'])).toBeUndefined();
  });

  it("reads retext-equality's phrases, so that the view is in use", async () => {
    const firstWords = await loadEqualityFirstWords();
    expect(firstWords?.plain.has('chairman')).toBe(true);
    expect(firstWords?.keepingApostrophes.has("he'll")).toBe(true);
  });

  it('reports in every paragraph, as searching paragraph by paragraph did', async () => {
    const text = 'He or she will call.\n\nHe will call.\n\nShe will answer. The chairman waits.\n';
    const messages = (await check(text)).filter((m) => m.ruleId === 'prose:equality').map((m) => `${m.line}:${m.column}`);
    // The same positions as before the view (checked against the previous checker).
    expect(messages).toEqual(['1:1', '1:7', '3:1', '5:1', '5:22']);
  });
});
