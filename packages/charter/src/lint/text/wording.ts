/**
 * What the wording rules (terminology, phrases to avoid, spelling) share: finding listed words in
 * every prose span, leaving quoted mentions alone, and shaping a suggestion to fit its place.
 */
import type { LinkReference } from 'mdast';
import type { VFile } from 'vfile';
import { recordEdits } from '../fixes.ts';
import { spanRange, type ProseSpan } from './prose-spans.ts';
import { wordUnits, type PhraseHit, type PhraseMatcher } from './phrase-matcher.ts';
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
  return spans.flatMap((span) => {
    const { text, words } = matchingForm(span);
    return matcher
      .find(text, words)
      .filter((hit) => !isQuotedMention(span.text, hit.start, hit.end))
      .map((hit) => {
        const actual = span.text.slice(hit.start, hit.end);
        // Matching saw straight apostrophes only; a suggestion repeats the one the writer used.
        const apostrophe = actual.includes('’') ? '’' : hit.apostrophe;
        return { span, hit: { ...hit, apostrophe }, actual, range: spanRange(span, hit.start, hit.end) };
      });
  });
}

/**
 * A span's text as the matchers read it, and where its words are: the three wording rules search
 * the same spans (prose-spans.ts keeps them per tree), each with its own list.
 */
const matchingForms = new WeakMap<ProseSpan, { text: string; words: Uint8Array }>();

function matchingForm(span: ProseSpan): { text: string; words: Uint8Array } {
  let form = matchingForms.get(span);
  if (!form) {
    const text = normalizeForMatching(span.text);
    matchingForms.set(span, (form = { text, words: wordUnits(text) }));
  }
  return form;
}

/** Same length as the input, so offsets stay valid: typographic apostrophes and spaces made plain. */
function normalizeForMatching(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u00a0\u202f]/g, ' ');
}

/** Words a quotation may hold besides the phrase and still only name it ("that's no problem"). */
const MENTION_EXTRA_WORDS = 2;
/** How far from the words a quotation mark may be. */
const QUOTE_REACH = 80;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

/**
 * Whether the words are a mention rather than a use: they sit inside quotation marks that hold
 * little else, as in: avoid “e-mail”; say "happy to help" rather than "no problem"; replace
 * "that's not my department" with… A longer quotation that contains the words ("No problem, I
 * can do that today") is a use and is reported.
 */
export function isQuotedMention(text: string, start: number, end: number): boolean {
  const quote = enclosingQuotation(text, start, end);
  if (!quote) return false;
  const outside = text.slice(quote.open + 1, start) + ' ' + text.slice(end, quote.close);
  return (outside.match(WORD) ?? []).length <= MENTION_EXTRA_WORDS;
}

/** The quotation marks around text[start, end), if any: “…”, ‘…’, "…" or '…'. */
function enclosingQuotation(text: string, start: number, end: number): { open: number; close: number } | undefined {
  return straightDoubleQuotation(text, start, end) ?? pairedQuotation(text, start, end);
}

/** Straight double quotes open and close alike: inside one when an odd number come before. */
function straightDoubleQuotation(text: string, start: number, end: number) {
  const before = [...text.slice(0, start).matchAll(/"/g)];
  if (before.length % 2 === 0) return undefined;
  const open = before.at(-1)!.index;
  const close = text.indexOf('"', end);
  return close !== -1 && start - open <= QUOTE_REACH && close - end <= QUOTE_REACH ? { open, close } : undefined;
}

/** Curly quotes and straight single quotes, telling a closing quote from an apostrophe (it’s). */
function pairedQuotation(text: string, start: number, end: number) {
  for (let open = start - 1; open >= 0 && start - open <= QUOTE_REACH; open--) {
    const mark = text.charAt(open);
    if (isClosingMark(text, open)) return undefined;
    if (!isOpeningMark(text, open)) continue;
    const closing = mark === '“' ? '”' : '’';
    for (let close = end; close < text.length && close - end <= QUOTE_REACH; close++) {
      if (isOpeningMark(text, close)) return undefined;
      if ((text.charAt(close) === closing || (mark === "'" && text.charAt(close) === "'")) && isClosingMark(text, close)) return { open, close };
    }
    return undefined;
  }
  return undefined;
}

function isOpeningMark(text: string, index: number): boolean {
  const mark = text.charAt(index);
  if (mark === '“') return true;
  return (mark === '‘' || mark === "'") && !/[\p{L}\p{N}]/u.test(text.charAt(index - 1)) && /\S/.test(text.charAt(index + 1));
}

function isClosingMark(text: string, index: number): boolean {
  const mark = text.charAt(index);
  if (mark === '”') return true;
  return (mark === '’' || mark === "'") && /\S/.test(text.charAt(index - 1)) && !/[\p{L}\p{N}]/u.test(text.charAt(index + 1));
}

/** Whether `index` starts a sentence: the start of the span, or after . ! ? : and optional quotes or brackets. */
export function isSentenceStart(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && /[\s"“‘'«([]/u.test(text.charAt(before))) before--;
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
 * actual/expected set (and a `reason` in brackets after it, when given), and remembers the source
 * edits that `--fix` applies.
 */
export function reportReplacement<T>(file: VFile, wording: WordingHit<T>, expected: string, note?: string, reason?: string): void {
  const message = file.message(`Unexpected "${wording.actual.replace(/\s+/g, ' ')}", expected "${expected}"${reason ? ` (${reason})` : ''}`, {
    place: placeOf(file, wording.range),
  });
  message.actual = wording.actual;
  message.expected = [expected];
  if (note) message.note = note;
  const source = String(file.value);
  // A fix is offered only where writing the words in is safe; elsewhere the message stands alone.
  if (!canRewrite(source, wording.span, wording.hit.start, wording.hit.end, expected)) return;
  recordEdits(message, editsForReplacement(source, wording.span, wording.hit.start, wording.hit.end, expected));
}

/**
 * Whether the words can be rewritten where they are written. Not when the source spells them
 * otherwise than they read (a YAML escape `\u0063lient`, a doubled quote `client''s`, a character
 * reference): the edit would land on the wrong characters. Not in a frontmatter string when the
 * replacement holds a character YAML would read differently (a quote, a backslash, `: `, ` #`).
 * Not in the text of a shortcut reference (`[client]`), which is also the label its definition is
 * found by: rewriting it would break the link.
 */
export function canRewrite(source: string, span: ProseSpan, start: number, end: number, replacement: string): boolean {
  for (let index = start; index < end; index++) {
    const place = span.chars[index];
    const char = span.text[index]!;
    if (!place) return false;
    const written = source.slice(place.start, place.end);
    if (written !== char && !(/\s/.test(char) && /^\s*$/.test(written))) return false;
    const origin = span.origins[index];
    if (origin?.ancestors.some((parent) => parent.type === 'linkReference' && (parent as LinkReference).referenceType !== 'full')) return false;
  }
  if (span.kind === 'frontmatter' && /['"\\]|: | #/.test(replacement)) return false;
  return true;
}

/** A vfile place (start and end points with offsets) for a source range. */
export function placeOf(file: VFile, range: { start: number; end: number }) {
  return { start: pointAt(file, range.start), end: pointAt(file, range.end) };
}
