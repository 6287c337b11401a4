/**
 * The phrase matcher (src/lint/text/phrase-matcher.ts) tries patterns in parts and only those whose
 * first two characters can match; it must find exactly what trying every pattern's whole
 * expression, `before words suffix? after`, at every word finds. The reference below is that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PhraseMatcher, type MatcherOptions, type PhrasePattern } from '../../src/lint/text/phrase-matcher.ts';
import { random } from '../../../../tools/support/random.ts';
import { handbookContent } from './support.ts';

interface Hit {
  start: number;
  end: number;
  text: string;
  inflection: string;
  apostrophe: string;
}

/** The inflection a suffix means, and the apostrophe written in it. */
function inflectionOf(suffix: string | undefined): { inflection: string; apostrophe: string } {
  if (!suffix) return { inflection: 'none', apostrophe: "'" };
  const apostrophe = suffix.includes('’') ? '’' : "'";
  if (/^['’]s$/.test(suffix)) return { inflection: 'possessive', apostrophe };
  return { inflection: /['’]$/.test(suffix) ? 'plural-possessive' : 'plural', apostrophe };
}

/** Every pattern's whole expression at every word start: longest first, then exact case, protected, list order. */
function reference(patterns: readonly PhrasePattern<unknown>[], options: MatcherOptions, text: string): Hit[] {
  const joiners = (options.hyphenEndsWord ? '' : String.raw`\-\u2010\u2011`) + String.raw`/@\\`;
  const expressions = patterns.map((pattern) => {
    const words = pattern.text
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
      .join(String.raw`\s+`);
    const plural = /(?:s|x|z|ch|sh)$/i.test(pattern.text) ? 'es' : 's';
    const suffix = pattern.inflect ? `(?<suffix>${plural}['’]|['’]s|${plural})?` : '';
    const before = String.raw`(?<![\p{L}\p{N}_${joiners}]|[\p{L}\p{N}][.:])`;
    const after = String.raw`(?![\p{L}\p{N}_${joiners}]|[.:][\p{L}\p{N}])`;
    return new RegExp(`${before}${words}${suffix}${after}`, pattern.caseSensitive ? 'uy' : 'iuy');
  });
  const word = /[\p{L}\p{N}_]/u;
  const rank = (pattern: PhrasePattern<unknown>) => (pattern.caseSensitive && !pattern.protect ? 0 : pattern.protect ? 1 : 2);
  const hits: Hit[] = [];
  for (let index = 0; index < text.length;) {
    let best: { end: number; order: number; suffix: string | undefined } | undefined;
    if (word.test(text.charAt(index)) && (index === 0 || !word.test(text.charAt(index - 1)))) {
      expressions.forEach((expression, order) => {
        if (patterns[order]!.text.charAt(0).toLowerCase() !== text.charAt(index).toLowerCase()) return;
        expression.lastIndex = index;
        const match = expression.exec(text);
        if (!match) return;
        const end = index + match[0].length;
        const better =
          !best ||
          end > best.end ||
          (end === best.end &&
            (rank(patterns[order]!) < rank(patterns[best.order]!) || (rank(patterns[order]!) === rank(patterns[best.order]!) && order < best.order)));
        if (better) best = { end, order, suffix: match.groups?.['suffix'] };
      });
    }
    if (!best) {
      index++;
      continue;
    }
    if (!patterns[best.order]!.protect) hits.push({ start: index, end: best.end, text: patterns[best.order]!.text, ...inflectionOf(best.suffix) });
    index = best.end;
  }
  return hits;
}

function found(matcher: PhraseMatcher<unknown>, text: string): Hit[] {
  return matcher.find(text).map((hit) => ({ start: hit.start, end: hit.end, text: hit.pattern.text, inflection: hit.inflection, apostrophe: hit.apostrophe }));
}

const lintData = path.resolve(import.meta.dirname, '../../src/lint/data');
const spelling = parse(readFileSync(path.join(lintData, 'spelling-variants.yaml'), 'utf8')) as {
  pairs: Record<string, string>;
  usOnly: Record<string, string>;
};
const glossary = parse(readFileSync(path.join(handbookContent, 'glossary.yaml'), 'utf8')) as { term: string; variants?: { text: string }[] }[];

const PATTERN_SETS: { name: string; patterns: PhrasePattern<unknown>[]; options: MatcherOptions }[] = [
  {
    name: 'spelling',
    patterns: [...Object.keys(spelling.pairs), ...Object.values(spelling.pairs), ...Object.keys(spelling.usOnly)].map((text) => ({
      text,
      inflect: true,
      data: text,
    })),
    options: { hyphenEndsWord: true },
  },
  {
    name: 'glossary',
    patterns: glossary.flatMap((entry) => [
      ...(entry.variants ?? []).map((variant) => ({
        text: variant.text,
        caseSensitive: variant.text.toLowerCase() === entry.term.toLowerCase(),
        inflect: true,
        data: 1,
      })),
      { text: entry.term, protect: true, inflect: true, data: 0 },
    ]),
    options: {},
  },
  {
    name: 'odd ones',
    patterns: ['a', 'I', 'e.g.', "it's", 'Kelvin', 'x y', 'co-op', 'ÄÖ', '’tis', '1st', 'ab', 'box', 'church', 'ſtraße', 'ok', 'os', 'a.b', 'a b'].map(
      (text, i) => ({
        text,
        inflect: i % 2 === 0,
        caseSensitive: i % 3 === 0,
        data: text,
      }),
    ),
    options: {},
  },
];

/** The shipped chapters, and random strings of the pieces that decide boundaries, cases and suffixes. */
function texts(): string[] {
  const folder = path.join(handbookContent, 'editions');
  const chapters = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => readFileSync(path.join(folder, file), 'utf8'));
  const words = PATTERN_SETS.flatMap((set) => set.patterns.map((pattern) => pattern.text));
  const marks = [
    ' ',
    '\n',
    '-',
    '\u2010',
    '/',
    '@',
    '\\',
    '.',
    ':',
    "'",
    '’',
    's',
    'es',
    "'s",
    'S',
    '\u017F',
    '\u212A',
    '\u0345',
    '𝒜',
    'é',
    'É',
    '_',
    '1',
    '“',
    '\u00a0',
  ];
  const rnd = random(7);
  const piece = () => {
    const from = rnd() < 0.4 ? words : marks;
    return from[Math.floor(rnd() * from.length)]!;
  };
  const noise = Array.from({ length: 2000 }, () => Array.from({ length: 4 + Math.floor(rnd() * 24) }, piece).join(''));
  // Where only a pattern tried whatever the next character is can match, and where the next
  // character is not ASCII but matches a pattern's ASCII letter in another case (the Kelvin sign, a long s).
  const edges = ['a. x', 'a.b', 'A b', "it's", 'o\u212A', 'O\u212A.', 'o\u017F', 'O\u017F’s', 'I’m', 'x  y', 'e.g. this', '\u212Aelvin'];
  return [...chapters, ...edges, ...noise];
}

describe('PhraseMatcher', () => {
  it('finds exactly what every pattern’s whole expression finds at every word', () => {
    const all = texts();
    let hits = 0;
    for (const set of PATTERN_SETS) {
      const matcher = new PhraseMatcher(set.patterns, set.options);
      for (const text of all) {
        const expected = reference(set.patterns, set.options, text);
        expect(found(matcher, text), `${set.name}: ${JSON.stringify(text.slice(0, 80))}`).toEqual(expected);
        hits += expected.length;
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });
});
