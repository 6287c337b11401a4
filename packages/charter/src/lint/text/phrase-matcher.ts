/**
 * Finds words and phrases from a list in running text, the way an editor means them:
 *
 * - whole words only: not inside "clientele", a hyphenated compound ("client-portal"), a file name
 *   ("client.pdf"), a path or an address;
 * - any spacing between the words, including a line break;
 * - plural and possessive forms without listing them ("clients", "client's", "clients'");
 * - the longest phrase wins where several start at the same word, and a protected phrase (a
 *   preferred term) is consumed whole, so nothing inside it is reported;
 * - case-insensitive, except patterns marked case-sensitive (a variant that differs from its
 *   preferred term only in case).
 *
 * Hand-written rather than one regular expression per word (the Vale approach) so that the
 * longest-match and protected-span rules hold across the whole list at once.
 */

export type Inflection = 'none' | 'plural' | 'possessive' | 'plural-possessive';

export interface PhrasePattern<T> {
  /** The words as written in the data, e.g. "touch point". */
  text: string;
  /** Matches only this exact capitalization. */
  caseSensitive?: boolean;
  /** Consumes the text without reporting it (a preferred term). */
  protect?: boolean;
  /** Also matches plural and possessive forms. */
  inflect?: boolean;
  /** What the rule needs back with a hit. */
  data: T;
}

export interface PhraseHit<T> {
  start: number;
  end: number;
  pattern: PhrasePattern<T>;
  inflection: Inflection;
  /** The apostrophe the writer used (' or ’), to repeat it in a suggestion. */
  apostrophe: string;
}

/**
 * One pattern, ready to match. A hit is what the single expression `before words suffix? after`
 * (the boundaries below) would match, tried in parts: the boundary before is the same for every
 * pattern at a position and is tested once there; the words have a single way to match, since a
 * run of whitespace between them cannot end early; then each suffix, in the order the expression's
 * alternatives are tried, with the boundary after it, and no suffix last. Why: the boundaries hold
 * Unicode letter classes, which are costly to compile with case folding, and compiling them into
 * every pattern's expression was most of the cost of a first check.
 */
interface Compiled<T> {
  pattern: PhrasePattern<T>;
  order: number;
  /** The pattern's words, sticky, in its case mode. */
  words: RegExp;
  suffixes: readonly RegExp[];
  edges: Edges;
}

/** The boundaries as sticky expressions in one case mode (see boundaries). */
interface Edges {
  before: RegExp;
  after: RegExp;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const HYPHENS = String.raw`\-\u2010\u2011`;

export interface MatcherOptions {
  /**
   * Whether a hyphen ends a word. Off for terminology, so "client-portal" is not "client"; on for
   * spelling, where "colour-coded" is as British as "colour".
   */
  hyphenEndsWord?: boolean;
}

/**
 * Before a match: not a word character, a joiner (slash, @, backslash, and a hyphen unless it ends
 * words), nor "name." as in "example.client". After a match: the same, nor "." or ":" followed by
 * a word character as in "client.pdf" or "client:8080".
 */
function boundaries(options: MatcherOptions, flags: string): Edges {
  const joiners = (options.hyphenEndsWord ? '' : HYPHENS) + String.raw`/@\\`;
  return {
    before: new RegExp(String.raw`(?<![\p{L}\p{N}_${joiners}]|[\p{L}\p{N}][.:])`, flags),
    after: new RegExp(String.raw`(?![\p{L}\p{N}_${joiners}]|[.:][\p{L}\p{N}])`, flags),
  };
}

/** The flags of a pattern's expressions: Unicode, sticky, and case-insensitive unless the pattern is not. */
function flagsOf(pattern: PhrasePattern<unknown>): string {
  return pattern.caseSensitive ? 'uy' : 'iuy';
}

function matchesAt(regex: RegExp, text: string, index: number): boolean {
  regex.lastIndex = index;
  return regex.test(text);
}

/**
 * The patterns that can start at one first character, split by their second: a list can hold
 * hundreds of words with one first letter, and trying each one's expression at every word was most
 * of the wording rules' time. The split only leaves out patterns that cannot match (see `at`).
 */
interface Bucket<T> {
  all: Compiled<T>[];
  /** By the lowercase second character, for patterns whose second character is plain ASCII. */
  bySecond: Map<string, Compiled<T>[]>;
  /** Patterns of one character, or whose second one is whitespace, an apostrophe or not ASCII. */
  always: Compiled<T>[];
}

export class PhraseMatcher<T> {
  private readonly byFirstChar = new Map<string, Bucket<T>>();

  constructor(patterns: readonly PhrasePattern<T>[], options: MatcherOptions = {}) {
    const edges = new Map(['uy', 'iuy'].map((flags) => [flags, boundaries(options, flags)]));
    patterns.forEach((pattern, order) => {
      const key = pattern.text.charAt(0).toLowerCase();
      let bucket = this.byFirstChar.get(key);
      if (!bucket) this.byFirstChar.set(key, (bucket = { all: [], bySecond: new Map(), always: [] }));
      const flags = flagsOf(pattern);
      const compiled = { pattern, order, words: wordsExpression(pattern.text, flags), suffixes: suffixesOf(pattern, flags), edges: edges.get(flags)! };
      bucket.all.push(compiled);
      const second = plainSecondChar(pattern.text);
      if (second === undefined) bucket.always.push(compiled);
      else {
        const same = bucket.bySecond.get(second);
        if (same) same.push(compiled);
        else bucket.bySecond.set(second, [compiled]);
      }
    });
  }

  /** Every hit in `text`, left to right, without overlaps; `word` is wordUnits(text), when the caller has it. */
  find(text: string, word: Uint8Array = wordUnits(text)): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let index = 0;
    while (index < text.length) {
      const best = word[index] && (index === 0 || !word[index - 1]) ? this.longestAt(text, index) : undefined;
      if (!best) {
        index++;
        continue;
      }
      if (!best.pattern.protect) hits.push(best);
      index = best.end;
    }
    return hits;
  }

  private longestAt(text: string, index: number): PhraseHit<T> | undefined {
    const bucket = this.byFirstChar.get(text.charAt(index).toLowerCase());
    if (!bucket) return undefined;
    let best: (PhraseHit<T> & { order: number }) | undefined;
    // The boundary before a match, per case mode: the same for every pattern here, so tested once
    // for each of the (at most two) Edges of this matcher.
    let first: Edges | undefined;
    let firstPassed = false;
    let second: Edges | undefined;
    let secondPassed = false;
    for (const candidates of this.candidates(bucket, text.charCodeAt(index + 1))) {
      for (const candidate of candidates) {
        const edges = candidate.edges;
        let startsHere: boolean;
        if (edges === first) startsHere = firstPassed;
        else if (edges === second) startsHere = secondPassed;
        else {
          startsHere = matchesAt(edges.before, text, index);
          if (first === undefined) {
            first = edges;
            firstPassed = startsHere;
          } else {
            second = edges;
            secondPassed = startsHere;
          }
        }
        if (!startsHere) continue;
        const match = matchAt(candidate, text, index);
        if (!match) continue;
        const hit = { start: index, end: match.end, pattern: candidate.pattern, order: candidate.order, ...inflectionOf(match.suffix) };
        // The best hit does not depend on the order candidates are tried in: ranksAbove orders them all.
        if (!best || ranksAbove(hit, best)) best = hit;
      }
    }
    if (!best) return undefined;
    const { order: _order, ...hit } = best;
    return hit;
  }

  /**
   * The patterns that can match where the next character is `next` (a UTF-16 unit, NaN at the end).
   * An ASCII character matches a pattern's plain ASCII character only when the two are the same
   * letter in any case (or the same digit or sign); any other character is tried against all.
   */
  private candidates(bucket: Bucket<T>, next: number): Compiled<T>[][] {
    if (!(next < 0x80)) return [bucket.all];
    const same = bucket.bySecond.get(String.fromCharCode(next).toLowerCase());
    return same ? [same, bucket.always] : [bucket.always];
  }
}

/**
 * The second character a pattern's expression matches literally, lowercased, when it is plain
 * ASCII; undefined when it is not (one-letter words, then whitespace; apostrophes, which match
 * either kind; characters outside ASCII, whose case folding the lowercase form may not follow).
 */
function plainSecondChar(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0] ?? '';
  const second = first.charAt(1);
  return second !== '' && second.charCodeAt(0) < 0x80 && second !== "'" ? second.toLowerCase() : undefined;
}

/** Whether each UTF-16 unit of `text` is a word character on its own (as WORD_CHAR reads one unit). */
export function wordUnits(text: string): Uint8Array {
  const units = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    units[index] = code < 0x80 ? (ASCII_WORD[code] ?? 0) : isWordUnit(code) ? 1 : 0;
  }
  return units;
}

const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, code) => (WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0));
const wordUnitCache = new Map<number, boolean>();

function isWordUnit(code: number): boolean {
  let known = wordUnitCache.get(code);
  if (known === undefined) wordUnitCache.set(code, (known = WORD_CHAR.test(String.fromCharCode(code))));
  return known;
}

/** Longer first; at equal length an exact-case variant, then a protected term, then list order. */
function ranksAbove<T>(a: PhraseHit<T> & { order: number }, b: PhraseHit<T> & { order: number }): boolean {
  if (a.end !== b.end) return a.end > b.end;
  const rank = (hit: PhraseHit<T>) => (hit.pattern.caseSensitive && !hit.pattern.protect ? 0 : hit.pattern.protect ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  return a.order < b.order;
}

/** Where a pattern matches at `index` (its boundary before already passed), and the suffix it took. */
function matchAt(candidate: Compiled<unknown>, text: string, index: number): { end: number; suffix: string | undefined } | undefined {
  candidate.words.lastIndex = index;
  const words = candidate.words.exec(text);
  if (!words) return undefined;
  const wordsEnd = index + words[0].length;
  for (const suffix of candidate.suffixes) {
    suffix.lastIndex = wordsEnd;
    const taken = suffix.exec(text)?.[0];
    if (taken !== undefined && matchesAt(candidate.edges.after, text, wordsEnd + taken.length)) return { end: wordsEnd + taken.length, suffix: taken };
  }
  return matchesAt(candidate.edges.after, text, wordsEnd) ? { end: wordsEnd, suffix: undefined } : undefined;
}

/** The words of a pattern, each escaped, apostrophes of either kind, any whitespace between them. */
function wordsExpression(text: string, flags: string): RegExp {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]"))
    .join(String.raw`\s+`);
  return new RegExp(words, flags);
}

/** The suffixes of an inflected pattern in the order they are tried: plural possessive, possessive, plural. */
function suffixesOf(pattern: PhrasePattern<unknown>, flags: string): readonly RegExp[] {
  if (!pattern.inflect) return [];
  const plural = pluralSuffix(pattern.text);
  const key = `${plural}:${flags}`;
  let suffixes = SUFFIXES.get(key);
  if (!suffixes) SUFFIXES.set(key, (suffixes = [`${plural}['’]`, `['’]s`, plural].map((suffix) => new RegExp(suffix, flags))));
  return suffixes;
}

const SUFFIXES = new Map<string, readonly RegExp[]>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function inflectionOf(suffix: string | undefined): { inflection: Inflection; apostrophe: string } {
  if (!suffix) return { inflection: 'none', apostrophe: "'" };
  const apostrophe = suffix.includes('’') ? '’' : "'";
  if (/^['’]s$/.test(suffix)) return { inflection: 'possessive', apostrophe };
  if (/['’]$/.test(suffix)) return { inflection: 'plural-possessive', apostrophe };
  return { inflection: 'plural', apostrophe };
}

/** "es" after a hissing sound (box, church), "s" otherwise. */
function pluralSuffix(word: string): string {
  return /(?:s|x|z|ch|sh)$/i.test(word) ? 'es' : 's';
}

/** A phrase in the form a hit was found in: "customer" → "customers", "customer's". */
export function inflectPhrase(phrase: string, inflection: Inflection, apostrophe = "'"): string {
  if (inflection === 'none') return phrase;
  if (inflection === 'possessive') return `${phrase}${apostrophe}s`;
  const plural = pluralize(phrase);
  return inflection === 'plural' ? plural : `${plural}${apostrophe}`;
}

function pluralize(phrase: string): string {
  if (/[^aeiou]y$/i.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}${pluralSuffix(phrase)}`;
}
