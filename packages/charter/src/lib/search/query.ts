/**
 * Rewrites what staff type into what the index can answer. Pagefind requires every word of a query
 * to match, so a spoken question ("how long can a caller wait on hold") easily finds nothing. The
 * rewrite drops question and filler words, maps words the glossary says to avoid (and everyday
 * phrases) to the handbook's own terms, and plans narrower fallback searches for when the strict
 * search finds too little.
 */

/** Words that carry no topic in a staff question. Kept short: words like "hold" or "wait" matter. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my of on or our should so than that the their them then there these they this those to too us was we were what ' +
    "when where which who whom why will with would you your yours am im i'm ive i've dont don't do we're whats what's " +
    "someone somebody something anyone get got getting let lets let's just really very please need needs want wants " +
    'ok okay much many any some about tell say says said not ' +
    // Pronouns for the customer. Reflexive ones ("myself", "themselves") are kept: a measured longer
    // list of connecting words made results worse, as chapters use them in the sentences staff recall.
    'he she him her his hers'
  ).split(/\s+/),
);

/** Contractions carry no topic either: "shouldn't", "can't", "they're", "i'll", typed with or without the apostrophe. */
const CONTRACTION =
  /^[\p{L}]+(?:n't|'ll|'re|'ve|'d)$|^(?:cant|dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|wouldnt|shouldnt|couldnt|havent|hasnt|theyre|youre|ive)$/u;

/** True for a word that carries no topic: a stop word or a contraction. */
export function isFiller(word: string): boolean {
  return STOP_WORDS.has(word) || STOP_WORDS.has(word.replace(/'s$/, '')) || CONTRACTION.test(word);
}

/** A word without its plural ending ("phones" → "phone", "boxes" → "box"); other words unchanged. */
export function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** True when a typed word is a rule's word, or its plural ("letters" for "letter"). */
export function sameWord(typed: string, ruleWord: string): boolean {
  return typed === ruleWord || singular(typed) === ruleWord;
}

export interface SynonymRule {
  /** Lowercase words as typed, e.g. ["voice", "mail"]. */
  from: string[];
  /** The handbook's term, e.g. "voicemail". */
  to: string;
  /**
   * `variant`: a word the glossary says to avoid, so it never appears in the handbook and is
   * replaced. `everyday`: a word that may appear too ("angry"), so it is searched both ways.
   */
  kind: 'variant' | 'everyday';
}

export interface RewrittenQuery {
  /** The words searched together, after mapping; empty when nothing is left to search. */
  terms: string[];
  /** `terms` joined, for the strict search. */
  strict: string;
  /** True when a synonym rule changed the query, so the UI can say what it searched. */
  mapped: boolean;
  /** The same query with everyday words also mapped, when that differs from `strict`. */
  alternative?: string;
}

/** Splits text into lowercase words, keeping in-word hyphens and apostrophes. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Applies the longest matching rule at each position, left to right. */
export function applySynonyms(words: readonly string[], rules: readonly SynonymRule[]): { words: string[]; mapped: boolean } {
  const sorted = [...rules].sort((a, b) => b.from.length - a.from.length);
  const out: string[] = [];
  let mapped = false;
  for (let i = 0; i < words.length;) {
    const rule = sorted.find((r) => r.from.every((w, k) => words[i + k] !== undefined && sameWord(words[i + k]!, w)));
    if (rule) {
      out.push(...tokenize(rule.to));
      i += rule.from.length;
      mapped = true;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return { words: out, mapped };
}

function topicWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !isFiller(w));
  return [...new Set(kept.map((w) => w.replace(/'s$/, '')))];
}

export function rewriteQuery(input: string, rules: readonly SynonymRule[]): RewrittenQuery {
  const words = tokenize(input);
  // Synonyms before stop words: some rules are made of filler words ("pass the buck").
  const variants = applySynonyms(
    words,
    rules.filter((r) => r.kind === 'variant'),
  );
  const terms = topicWords(variants.words);
  const result: RewrittenQuery = { terms, strict: terms.join(' '), mapped: variants.mapped };
  const everyday = applySynonyms(
    variants.words,
    rules.filter((r) => r.kind === 'everyday'),
  );
  const alternative = topicWords(everyday.words).join(' ');
  if (everyday.mapped && alternative !== result.strict) result.alternative = alternative;
  return result;
}

/** A word still being typed is searched from this many letters on. */
export const MIN_TYPED_PREFIX = 3;

/**
 * What to search while the reader is still typing: the input without a last word of one or two
 * letters that is still being typed. Pagefind matches a query's words as prefixes and loads every
 * index chunk a prefix spans, so "caller on h" would download the chunks of every word starting with
 * "h" to show results nobody asked for. Once typing pauses, the whole input is searched.
 */
export function whileTyping(input: string): string {
  if (/\s$/.test(input)) return input;
  const last = /[\p{L}\p{N}'-]+$/u.exec(input);
  return last && last[0].length < MIN_TYPED_PREFIX ? input.slice(0, last.index) : input;
}

/** The touchpoints a query's words point at, from the vocabulary's touchpoint words. */
export function touchpointsIn(terms: readonly string[], words: Readonly<Record<string, readonly string[]>>): string[] {
  const found = new Set<string>();
  for (const [touchpoint, list] of Object.entries(words)) {
    if (terms.some((t) => list.some((w) => sameWord(t, w)))) found.add(touchpoint);
  }
  return [...found];
}

/** Words that make a question about wording ("how to spell…", "which word…"), where the glossary answers best. */
const WORDING_WORDS = new Set([
  'spell',
  'spelling',
  'spelt',
  'spelled',
  'word',
  'words',
  'wording',
  'term',
  'terms',
  'phrase',
  'phrases',
  'hyphen',
  'glossary',
  'jargon',
]);

/**
 * True when the question is about words themselves: it names a wording word, or it puts a word the
 * glossary avoids next to the preferred one ("touch point or touchpoint").
 */
export function isWordingQuestion(input: string, rules: readonly SynonymRule[]): boolean {
  const words = tokenize(input);
  if (words.some((w) => WORDING_WORDS.has(w))) return true;
  const text = ` ${words.join(' ')} `;
  return rules.some((r) => r.kind === 'variant' && text.includes(` ${r.from.join(' ')} `) && text.includes(` ${tokenize(r.to).join(' ')} `));
}

/** How a question about a service time or value starts or what it names: how fast, how long, within. */
const STANDARD_PHRASES = ['how long', 'how fast', 'how soon', 'how quickly', 'how quick', 'how many', 'how often', 'when do we', 'response time'];
const STANDARD_WORDS = new Set(['within', 'deadline', 'standard', 'standards', 'target', 'promise', 'max', 'maximum']);

/**
 * True when the question asks for a service standard ("how fast do we answer emails"): then the
 * standard's own record, the promise with its value, is the best first answer. A complaint about
 * time ("caller on hold too long") asks for the procedure, not the number.
 */
export function isStandardQuestion(input: string): boolean {
  const words = tokenize(input);
  const text = ` ${words.join(' ')} `;
  return words.some((w) => STANDARD_WORDS.has(w)) || STANDARD_PHRASES.some((phrase) => text.includes(` ${phrase} `));
}

export interface ScoredHit {
  id: string;
  /** Pagefind's relevance score for this page in one search. */
  score: number;
}

/**
 * Combines searches into one ranking, like an OR query: each page's score is the sum of its scores
 * in the single-word searches (so rare, specific words count for more than common ones, as Pagefind
 * already weighs them), plus a bonus for matching the whole query or a pair of its words.
 */
export function combineScores(lists: readonly { hits: readonly ScoredHit[]; weight: number }[]): string[] {
  const totals = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const { hits, weight } of lists) {
    for (const hit of hits) {
      totals.set(hit.id, (totals.get(hit.id) ?? 0) + weight * hit.score);
      if (!firstSeen.has(hit.id)) firstSeen.set(hit.id, order++);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1] || firstSeen.get(a[0])! - firstSeen.get(b[0])!).map(([id]) => id);
}
