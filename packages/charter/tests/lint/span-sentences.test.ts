/**
 * The prose suggestions and readability read one parse of the chapter's prose spans
 * (src/lint/text/span-sentences.ts): every word is placed in the source, markup between words is
 * no word, code between two words keeps them apart, and what the wording rules leave out (code,
 * tables, image text) the prose suggestions leave out too.
 */
import type { Root as NlcstRoot, RootContent as NlcstContent } from 'nlcst';
import { describe, expect, it } from 'vitest';
import { parseChapter } from '../../src/lib/mdx-parser.ts';
import { collectProseSpans } from '../../src/lint/text/prose-spans.ts';
import { sentencesOfChapter, sentencesOfSpan, sourceRange } from '../../src/lint/text/span-sentences.ts';
import { checkRule, where } from './support.ts';

/** Every word of a retext tree with the source text at its position. */
function placedWords(tree: NlcstRoot, source: string): string[] {
  const words: string[] = [];
  const visit = (node: NlcstRoot | NlcstContent): void => {
    if (node.type === 'WordNode') words.push(source.slice(node.position!.start.offset, node.position!.end.offset));
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return words;
}

describe('the sentences of a chapter', () => {
  it('places every word where it is written, across emphasis, links and line breaks', () => {
    const source = 'Call the *returns* team and [ask them](/x/) for a\nlabel at the caf&eacute;, a `box` too.\n';
    const tree = parseChapter(source, 'mdx');
    const words = placedWords(sentencesOfChapter(tree, source, new Set(['block'])), source);
    expect(words).toEqual(['Call', 'the', 'returns', 'team', 'and', 'ask', 'them', 'for', 'a', 'label', 'at', 'the', 'caf&eacute;', 'a', 'too']);
  });

  it('parses each span once, for every rule that asks', () => {
    const source = '# Title\n\nOne sentence here. Another one there.\n';
    const tree = parseChapter(source, 'mdx');
    const span = collectProseSpans(tree, source).find((s) => s.kind === 'block')!;
    expect(sentencesOfSpan(tree, source, span)).toBe(sentencesOfSpan(tree, source, span));
    const paragraphs = sentencesOfChapter(tree, source, new Set(['block'])).children;
    expect(paragraphs).toEqual(sentencesOfSpan(tree, source, span).children);
    expect(paragraphs[0]!.type).toBe('ParagraphNode');
  });

  it('gives a stretch of code alone an empty range where it stands', () => {
    const source = 'See `code` now.\n';
    const tree = parseChapter(source, 'mdx');
    const span = collectProseSpans(tree, source).find((s) => s.kind === 'block')!;
    const boundary = span.text.indexOf('\uFFFC');
    expect(boundary).toBe(4);
    expect(sourceRange(span, boundary, boundary + 1)).toEqual({ start: 4, end: 4 });
    expect(sourceRange(span, 0, 3)).toEqual({ start: 0, end: 3 });
  });
});

describe('the prose suggestions on the shared parse', () => {
  it('find a repeated word across emphasis and a line break, not across code', async () => {
    const source = 'Ask the **the** team.\n\nTell the\nthe caller.\n\nType the `x` the word.\n';
    expect(where(await checkRule('prose:repeated-words', source))).toEqual([
      '1:5-1:14 Unexpected repeated `the`, remove one occurrence',
      '3:6-4:4 Unexpected repeated `the`, remove one occurrence',
    ]);
  });

  it('read headings, lists, quotes and callouts, but not tables or image text', async () => {
    const source = [
      '## The the heading',
      '',
      '- an item with the the slip',
      '',
      '> a quote with the the slip',
      '',
      '<Callout type="tip">',
      '',
      'A callout with the the slip.',
      '',
      '</Callout>',
      '',
      '| Head |',
      '| --- |',
      '| the the cell |',
      '',
      '![the the picture](/picture.png)',
      '',
    ].join('\n');
    expect((await checkRule('prose:repeated-words', source)).map((m) => m.line)).toEqual([1, 3, 5, 9]);
  });
});
