/**
 * Flesch reading ease of a chapter and of each of its sections, measured on the checker's prose
 * view (prose-spans.ts), so that markup, code and addresses do not move the score.
 *
 * What is read: paragraphs, list items, quotes, table cells and the text inside components (a
 * callout's body), link text included. What is not: headings (labels, not sentences: counting each
 * as a short sentence would flatter every section), code, expressions, URLs, image text, component
 * props and the frontmatter. Each block is split into sentences and words by retext-english, in the
 * parse the prose rules share (span-sentences.ts), which knows abbreviations such as "e.g." and "Mr."; a block
 * without a full stop (a list item, a cell) is one sentence. Syllables come from `syllable` and
 * the score from `flesch`; a word the syllable counter gives nothing for (a number such as "24")
 * counts as one syllable, as it is still read aloud.
 *
 * A section is a heading and everything after it up to the next heading of the same or a higher
 * level, so a `##` section holds its `###` subsections; the prose before the first heading is a
 * section of its own (the opening), listed only when it has words. A section with fewer than
 * MIN_WORDS words gets no score: a few sentences say too little about how a passage reads.
 *
 * Flesch reading ease is defined for English only; callers decide whether the content is English.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Root as NlcstRoot, RootContent as NlcstContent, Sentence } from 'nlcst';
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { parseChapter } from '../../lib/mdx-parser.ts';
import { headingsOf } from './headings.ts';
import type { ChapterFormat } from '../../lib/chapter-files.ts';
import { BOUNDARY, collectProseSpans, type ProseSpan } from './prose-spans.ts';
import { sentencesOfSpan } from './span-sentences.ts';

/** Fewer words than this and a section (or chapter) is not scored. */
export const MIN_WORDS = 40;

/** A word of this many syllables or more is a long word (as in the Gunning fog index). */
export const LONG_WORD_SYLLABLES = 3;

/** The spans that are running text; headings, props and frontmatter are not. */
const READ_SPANS: ReadonlySet<ProseSpan['kind']> = new Set(['block', 'table-cell']);

export interface Counts {
  sentences: number;
  words: number;
  syllables: number;
}

/** One sentence as read: its words and syllables, and where it is written. */
export interface SentenceReading {
  /** The sentence as readers see it (code and other non-prose left out). */
  text: string;
  /** Source offsets of its first and last character. */
  start: number;
  end: number;
  words: number;
  syllables: number;
  /** Words of LONG_WORD_SYLLABLES syllables or more. */
  longWords: number;
}

export interface SectionReadability extends Counts {
  /** The heading's text; undefined for the opening (the prose before the first heading). */
  heading: string | undefined;
  /** The heading's level, 1 to 6; 0 for the opening. */
  depth: number;
  /** Source offsets of the section, heading included. */
  start: number;
  end: number;
  /** Flesch reading ease; undefined when the section has fewer than MIN_WORDS words. */
  score: number | undefined;
  /** The sentence whose removal raises the score most; undefined when there is no score. */
  hardest: SentenceReading | undefined;
}

export interface ChapterReadability extends Counts {
  /** The whole chapter's score; undefined below MIN_WORDS words. */
  score: number | undefined;
  /** The chapter's hardest sentence, as for a section. */
  hardest: SentenceReading | undefined;
  /** Every section in document order, an outer one before those it holds. */
  sections: SectionReadability[];
}

/**
 * The reading ease of a chapter's source and of each of its sections, parsed as the checker
 * parses it; throws the parser's message when the text is not valid Markdown or MDX.
 */
export function sectionReadability(source: string, format: ChapterFormat): ChapterReadability {
  return readabilityOf(parseChapter(source, format), source);
}

/**
 * Readings already made, by tree: the rule asks once per file, and files with the same text share
 * one tree (src/lint/readings.ts), so a chapter copied into three editions is read once.
 */
const readings = new WeakMap<Root, { source: string; reading: ChapterReadability }>();

/** The same for a chapter the checker has already parsed. */
export function readabilityOf(tree: Root, source: string): ChapterReadability {
  const known = readings.get(tree);
  if (known?.source === source) return known.reading;
  const reading = readTree(tree, source);
  readings.set(tree, { source, reading });
  return reading;
}

function readTree(tree: Root, source: string): ChapterReadability {
  const sentences = collectProseSpans(tree, source)
    .filter((span) => READ_SPANS.has(span.kind))
    .flatMap((span) => sentencesOf(sentencesOfSpan(tree, source, span)));
  const sections = sectionRanges(tree, source).flatMap((range) => {
    const inside = sentences.filter((sentence) => sentence.start >= range.start && sentence.start < range.end);
    // An opening with no prose (a chapter that starts with its first heading) is no section.
    if (range.depth === 0 && inside.length === 0) return [];
    return [{ ...range, ...scored(inside) }];
  });
  return { ...scored(sentences), sections };
}

interface SectionRange {
  heading: string | undefined;
  depth: number;
  start: number;
  end: number;
}

/** The opening, then each heading up to the next heading of its level or higher. */
function sectionRanges(tree: Root, source: string): SectionRange[] {
  const headings = headingsOf(tree);
  const startOf = (heading: Heading) => heading.position?.start.offset ?? 0;
  const opening: SectionRange = { heading: undefined, depth: 0, start: 0, end: headings[0] ? startOf(headings[0]) : source.length };
  return [
    opening,
    ...headings.map((heading, index) => {
      const next = headings.slice(index + 1).find((later) => later.depth <= heading.depth);
      return { heading: toString(heading), depth: heading.depth, start: startOf(heading), end: next ? startOf(next) : source.length };
    }),
  ];
}

/** Counts, score and hardest sentence of some sentences. */
function scored(sentences: readonly SentenceReading[]): Counts & Pick<SectionReadability, 'score' | 'hardest'> {
  const counts = countsOf(sentences);
  if (counts.words < MIN_WORDS) return { ...counts, score: undefined, hardest: undefined };
  const score = readingEase(counts);
  return { ...counts, score, hardest: hardestOf(sentences, counts, score) };
}

function countsOf(sentences: readonly SentenceReading[]): Counts {
  return {
    sentences: sentences.length,
    words: sentences.reduce((sum, sentence) => sum + sentence.words, 0),
    syllables: sentences.reduce((sum, sentence) => sum + sentence.syllables, 0),
  };
}

function readingEase(counts: Counts): number {
  return flesch({ sentence: counts.sentences, word: counts.words, syllable: counts.syllables });
}

/**
 * The sentence whose removal raises the score most: the one that pulls the passage down, whether
 * by its length or by its long words. The first of equals wins.
 */
function hardestOf(sentences: readonly SentenceReading[], counts: Counts, score: number): SentenceReading | undefined {
  let hardest: SentenceReading | undefined;
  let bestGain = -Infinity;
  for (const sentence of sentences) {
    const gain = scoreWithout(counts, sentence) - score;
    if (gain > bestGain) {
      bestGain = gain;
      hardest = sentence;
    }
  }
  return hardest;
}

/** The score without one sentence; a passage of that sentence alone is all gain when it goes. */
function scoreWithout(counts: Counts, sentence: SentenceReading): number {
  if (counts.sentences <= 1) return Infinity;
  return readingEase({ sentences: counts.sentences - 1, words: counts.words - sentence.words, syllables: counts.syllables - sentence.syllables });
}

/** The sentences of one block of prose (its retext tree, placed in the source). */
function sentencesOf(tree: NlcstRoot): SentenceReading[] {
  const result: SentenceReading[] = [];
  // Every sentence, in order, not looking inside one (what a visit for SentenceNode that skips them does).
  const walk = (node: NlcstRoot | NlcstContent): void => {
    if (node.type === 'SentenceNode') {
      const reading = readSentence(node);
      if (reading) result.push(reading);
    } else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return result;
}

function readSentence(sentence: Sentence): SentenceReading | undefined {
  const words = sentence.children.filter((child) => child.type === 'WordNode').map(wordText);
  if (words.length === 0) return undefined;
  const syllables = words.map(syllablesOf);
  return {
    text: readable(wordText(sentence)),
    start: sentence.position?.start.offset ?? 0,
    end: sentence.position?.end.offset ?? 0,
    words: words.length,
    syllables: syllables.reduce((sum, count) => sum + count, 0),
    longWords: syllables.filter((count) => count >= LONG_WORD_SYLLABLES).length,
  };
}

/** A sentence on one line, without the gap that left-out code or an expression leaves before a stop. */
function readable(sentence: string): string {
  return (
    sentence
      // A boundary (where code or an expression was) reads as a space.
      .replaceAll(BOUNDARY, ' ')
      .replace(/\s+/g, ' ')
      .replace(/ (?=[.,;:!?])/g, '')
      .trim()
  );
}

/**
 * Counting syllables was most of the rule's time, and a handbook uses the same few thousand words
 * again and again: counts are kept, up to a bound so that a long-running editor session does not
 * grow without end.
 */
const syllableCounts = new Map<string, number>();
const MAX_KEPT_COUNTS = 50_000;

/** Every word is read aloud, so none counts for less than one syllable. */
function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let count = syllableCounts.get(key);
  if (count === undefined) {
    count = Math.max(1, syllable(key));
    if (syllableCounts.size >= MAX_KEPT_COUNTS) syllableCounts.clear();
    syllableCounts.set(key, count);
  }
  return count;
}

function wordText(node: NlcstContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as NlcstContent[]).map(wordText).join('') : '';
}
