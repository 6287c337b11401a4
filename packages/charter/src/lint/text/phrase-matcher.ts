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

interface Compiled<T> {
  pattern: PhrasePattern<T>;
  order: number;
  regex: RegExp;
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
function boundaries(options: MatcherOptions): { before: string; after: string } {
  const joiners = (options.hyphenEndsWord ? '' : HYPHENS) + String.raw`/@\\`;
  return {
    before: String.raw`(?<![\p{L}\p{N}_${joiners}]|[\p{L}\p{N}][.:])`,
    after: String.raw`(?![\p{L}\p{N}_${joiners}]|[.:][\p{L}\p{N}])`,
  };
}

export class PhraseMatcher<T> {
  private readonly byFirstChar = new Map<string, Compiled<T>[]>();

  constructor(patterns: readonly PhrasePattern<T>[], options: MatcherOptions = {}) {
    const edges = boundaries(options);
    patterns.forEach((pattern, order) => {
      const key = pattern.text.charAt(0).toLowerCase();
      const list = this.byFirstChar.get(key) ?? [];
      list.push({ pattern, order, regex: compile(pattern, edges) });
      this.byFirstChar.set(key, list);
    });
  }

  /** Every hit in `text`, left to right, without overlaps. */
  find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let index = 0;
    while (index < text.length) {
      const best = this.isWordStart(text, index) ? this.longestAt(text, index) : undefined;
      if (!best) {
        index++;
        continue;
      }
      if (!best.pattern.protect) hits.push(best);
      index = best.end;
    }
    return hits;
  }

  private isWordStart(text: string, index: number): boolean {
    return WORD_CHAR.test(text.charAt(index)) && (index === 0 || !WORD_CHAR.test(text.charAt(index - 1)));
  }

  private longestAt(text: string, index: number): PhraseHit<T> | undefined {
    let best: (PhraseHit<T> & { order: number }) | undefined;
    for (const candidate of this.byFirstChar.get(text.charAt(index).toLowerCase()) ?? []) {
      candidate.regex.lastIndex = index;
      const match = candidate.regex.exec(text);
      if (!match) continue;
      const hit = { start: index, end: index + match[0].length, pattern: candidate.pattern, order: candidate.order, ...inflectionOf(match.groups?.['suffix']) };
      if (!best || ranksAbove(hit, best)) best = hit;
    }
    if (!best) return undefined;
    const { order: _order, ...hit } = best;
    return hit;
  }
}

/** Longer first; at equal length an exact-case variant, then a protected term, then list order. */
function ranksAbove<T>(a: PhraseHit<T> & { order: number }, b: PhraseHit<T> & { order: number }): boolean {
  if (a.end !== b.end) return a.end > b.end;
  const rank = (hit: PhraseHit<T>) => (hit.pattern.caseSensitive && !hit.pattern.protect ? 0 : hit.pattern.protect ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  return a.order < b.order;
}

function compile<T>(pattern: PhrasePattern<T>, edges: { before: string; after: string }): RegExp {
  const words = pattern.text
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]"))
    .join(String.raw`\s+`);
  const suffix = pattern.inflect ? `(?<suffix>${pluralSuffix(pattern.text)}['’]|['’]s|${pluralSuffix(pattern.text)})?` : '';
  return new RegExp(`${edges.before}${words}${suffix}${edges.after}`, pattern.caseSensitive ? 'uy' : 'iuy');
}

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
