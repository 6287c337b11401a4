/**
 * What the wording rules (terminology, phrases to avoid, spelling) share: finding listed words in
 * every prose span, leaving quoted mentions alone, and shaping a suggestion to fit its place.
 */
import type { VFile } from 'vfile';
import type { Edit } from '../types.ts';
import { recordEdits } from '../fixes.ts';
import { spanRange, type ProseSpan } from './prose-spans.ts';
import type { PhraseHit, PhraseMatcher } from './phrase-matcher.ts';
import { editsForReplacement } from './replace.ts';
import { pointAt } from '../positions.ts';

export interface WordingHit<T> {
  span: ProseSpan;
  hit: PhraseHit<T>;
  /** The text as written, e.g. "Client's". */
  actual: string;
  /** Where it is written in the source. */
  range: { start: number; end: number };
}

/** Every hit of a matcher in the prose spans, except words named inside quotation marks. */
export function findWording<T>(spans: readonly ProseSpan[], matcher: PhraseMatcher<T>): WordingHit<T>[] {
  return spans.flatMap((span) =>
    matcher
      .find(normalizeForMatching(span.text))
      .filter((hit) => !isQuotedMention(span.text, hit.start, hit.end))
      .map((hit) => ({ span, hit, actual: span.text.slice(hit.start, hit.end), range: spanRange(span, hit.start, hit.end) })),
  );
}

/** Same length as the input, so offsets stay valid: typographic apostrophes and spaces made plain. */
function normalizeForMatching(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u00a0\u202f]/g, ' ');
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', "'": "'", '«': '»', '„': '“' };

/**
 * Whether the words are a mention rather than a use: quotation marks around exactly these words,
 * as in: avoid “e-mail”, or: say "happy to help" rather than "no problem". Punctuation may sit
 * inside the closing mark ("calm down."). A longer quotation that contains the words is a use.
 */
export function isQuotedMention(text: string, start: number, end: number): boolean {
  const open = text.charAt(start - 1);
  const close = QUOTE_PAIRS[open];
  if (!close) return false;
  // A straight single quote after a letter is an apostrophe ("the customers' 'client'…"), not a quote.
  if (open === "'" && /[\p{L}\p{N}]/u.test(text.charAt(start - 2))) return false;
  let after = end;
  while (/[.,;:!?…]/.test(text.charAt(after))) after++;
  return text.charAt(after) === close;
}

/** Whether `index` starts a sentence: the start of the span, or after . ! ? : and optional quotes or brackets. */
export function isSentenceStart(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && /[\s"“‘'«(\[]/u.test(text.charAt(before))) before--;
  return before < 0 || /[.!?:…]/.test(text.charAt(before));
}

/** A suggestion in the place of `actual`: with a capital where `actual` starts a sentence with one. */
export function fitSentenceCase(suggestion: string, actual: string, sentenceStart: boolean): string {
  return sentenceStart && /^\p{Lu}/u.test(actual) ? capitalize(suggestion) : suggestion;
}

/** A suggestion in the capitalization of `actual`: COLOUR → COLOR, Colour → Color. */
export function fitCase(suggestion: string, actual: string): string {
  if (actual.length > 1 && actual === actual.toUpperCase() && actual !== actual.toLowerCase()) return suggestion.toUpperCase();
  return /^\p{Lu}/u.test(actual) ? capitalize(suggestion) : suggestion;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reports a wording hit in the house style: `Unexpected "e-mail", expected "email"`, with
 * actual/expected set, and remembers the source edits that `--fix` applies.
 */
export function reportReplacement<T>(file: VFile, wording: WordingHit<T>, expected: string, note?: string): void {
  const message = file.message(`Unexpected "${wording.actual}", expected "${expected}"`, {
    place: placeOf(file, wording.range),
  });
  message.actual = wording.actual;
  message.expected = [expected];
  if (note) message.note = note;
  const edits: Edit[] = editsForReplacement(String(file.value), wording.span, wording.hit.start, wording.hit.end, expected);
  recordEdits(message, edits);
}

/** A vfile place (start and end points with offsets) for a source range. */
export function placeOf(file: VFile, range: { start: number; end: number }) {
  return { start: pointAt(file, range.start), end: pointAt(file, range.end) };
}
