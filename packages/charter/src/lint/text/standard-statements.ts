/**
 * Finding the sentences that state a service standard in their own words, for the
 * standard-consistency rule: "pick up before the fourth ring", "no more than a minute on hold",
 * "reply within 48 hours". Pure functions over plain text, so that the recognition is tested on
 * its own and the rule only places messages.
 *
 * How a statement is recognized:
 * 1. Quantities: a number in digits or words ("30", "thirty", "twenty-four", "a", "half a") before a
 *    unit (rings, seconds, minutes, hours, working/business hours and days, days, percent), or an
 *    ordinal ring after "by", "before", "on", "within" ("by the third ring", "by the 3rd ring"; not
 *    "from the first ring"). "Before the fourth ring" and "fewer than four rings" promise the third
 *    ring, as a call is answered at a whole ring.
 * 2. Which standard: one whose own phrasings (or statement) surround the quantity word for word;
 *    otherwise the one of the same kind of unit (rings, durations, percent) that the words around
 *    the quantity are about: they share words with its measure (which counts most) and statement,
 *    and the standard's touchpoint is named in the sentence or is the chapter's only touchpoint. A
 *    sentence that fits two standards equally well is left alone: a guess would be a false error.
 * 3. History: a clause about an earlier edition ("the first edition asked for four rings", "2025.1
 *    allowed…", "used to", "previously") states no standard of this one.
 */
import type { EditionStandard, StandardTarget, StandardUnit } from '../../lib/standards.ts';

/** Words that can carry a value: without one, a text states no standard. */
export const MAY_STATE_A_VALUE = /\b(?:rings?|rang|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|percent|cent)\b|%/i;

/** A quantity written in a sentence, with its place in the text given. */
export interface StatedQuantity {
  target: StandardTarget;
  start: number;
  end: number;
  text: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** Unit words, singular and plural, and the unit they name. */
const UNIT_WORDS: Record<string, Exclude<StandardUnit, 'working-hours' | 'working-days'>> = {
  ring: 'rings',
  rings: 'rings',
  second: 'seconds',
  seconds: 'seconds',
  sec: 'seconds',
  secs: 'seconds',
  minute: 'minutes',
  minutes: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  hour: 'hours',
  hours: 'hours',
  hr: 'hours',
  hrs: 'hours',
  day: 'days',
  days: 'days',
  percent: 'percent',
  '%': 'percent',
};

/** Units prose uses that a target does not: a week is seven days. */
const PROSE_UNITS: Record<string, { unit: StandardUnit; times: number }> = { week: { unit: 'days', times: 7 }, weeks: { unit: 'days', times: 7 } };

const SINGULAR_UNITS = new Set(['ring', 'second', 'sec', 'minute', 'min', 'hour', 'hr', 'day']);

/** Words after "a second" that show it is the ordinal ("a second look"), not a duration ("a second or two"). */
const AFTER_A_DURATION = new Set(['or', 'and', 'of', 'to', 'on', 'in', 'for', 'before', 'after', 'without', 'with', 'at', 'more', 'less', 'longer', 'later']);

/** Words with the offsets they occupy: letters (with inner hyphens split), digits (with a decimal part or an ordinal suffix) and "%". */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\d+(?:\.\d+)?(?:st|nd|rd|th)?|\p{L}+(?:['’]\p{L}+)?|%/giu)) {
    tokens.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Whether two tokens are next to each other in the text: only spaces or a hyphen between them. */
function adjacent(text: string, left: Token | undefined, right: Token | undefined): boolean {
  return left !== undefined && right !== undefined && /^[\s\u00a0-]*$/.test(text.slice(left.end, right.start));
}

/** The number that starts at token `i`, and the index after it; undefined when none does. */
function numberAt(text: string, tokens: readonly Token[], i: number): { value: number; next: number; article: boolean } | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(token.word)) return { value: Number(token.word), next: i + 1, article: false };
  if (token.word === 'half' && (tokens[i + 1]?.word === 'a' || tokens[i + 1]?.word === 'an') && adjacent(text, token, tokens[i + 1])) {
    return { value: 0.5, next: i + 2, article: true };
  }
  if (token.word === 'a' || token.word === 'an') return { value: 1, next: i + 1, article: true };
  const tens = TENS[token.word];
  if (tens !== undefined) {
    const unit = tokens[i + 1] && adjacent(text, token, tokens[i + 1]) ? SMALL_NUMBERS[tokens[i + 1]!.word] : undefined;
    return unit !== undefined && unit > 0 && unit < 10 ? { value: tens + unit, next: i + 2, article: false } : { value: tens, next: i + 1, article: false };
  }
  const small = SMALL_NUMBERS[token.word];
  return small === undefined ? undefined : { value: small, next: i + 1, article: false };
}

/** An ordinal at token `i`: "third", "3rd". */
function ordinalAt(tokens: readonly Token[], i: number): number | undefined {
  const word = tokens[i]?.word;
  if (word === undefined) return undefined;
  const suffixed = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  return suffixed ? Number(suffixed[1]) : ORDINALS[word];
}

/** Words before an ordinal ring that make it the ring a call is answered by. */
const RING_DEADLINE = new Set(['by', 'before', 'on', 'at', 'within', 'until', 'till', 'under', 'than']);

/** Words before a ring count that make it one fewer: "before the fourth ring" is by the third. */
function ringsBefore(tokens: readonly Token[], i: number): boolean {
  const one = tokens[i - 1]?.word;
  const two = tokens[i - 2]?.word;
  return one === 'before' || one === 'under' || ((one === 'than' || one === 'then') && (two === 'fewer' || two === 'less'));
}

/** Every quantity a sentence states, in order. */
export function findQuantities(text: string): StatedQuantity[] {
  const tokens = tokensOf(text);
  const found: StatedQuantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const quantity = ringOrdinalAt(text, tokens, i) ?? ringTimesAt(text, tokens, i) ?? quarterHourAt(text, tokens, i) ?? measuredAt(text, tokens, i);
    if (!quantity) continue;
    found.push(quantity.quantity);
    i = quantity.next - 1;
  }
  return found;
}

function quantityOf(text: string, tokens: readonly Token[], from: number, to: number, value: number, unit: StandardUnit): StatedQuantity {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return { target: { value, unit }, start, end, text: text.slice(start, end) };
}

/**
 * "rings four times", "ring more than three times", "ring twice": the phone's rings counted as a
 * verb. "Before it rings four times" is by the third ring; "more than three times" is never past it.
 */
function ringTimesAt(text: string, tokens: readonly Token[], i: number): { quantity: StatedQuantity; next: number } | undefined {
  if (!['ring', 'rings', 'rang'].includes(tokens[i]?.word ?? '')) return undefined;
  // The phone rings ("it rings", "the phone rings"); a customer who "rings twice" calls twice.
  if (!['it', 'phone', 'telephone', 'line', 'call'].includes(tokens[i - 1]?.word ?? '')) return undefined;
  // "ring more than three times", "ring no more than five times", "ring up to four times".
  let at = i + 1;
  while (at < i + 5 && ['no', 'not', 'more', 'than', 'over', 'up', 'to', 'for'].includes(tokens[at]?.word ?? '')) at++;
  const word = tokens[at]?.word;
  let value: number | undefined;
  let next = at + 1;
  if (word === 'once') value = 1;
  else if (word === 'twice') value = 2;
  else {
    const number = numberAt(text, tokens, at);
    if (!number || number.article || tokens[number.next]?.word !== 'times') return undefined;
    value = number.value;
    next = number.next + 1;
  }
  // "before it rings four times", "before the phone rings four times".
  const before = tokens.slice(Math.max(0, i - 3), i).some((t) => t.word === 'before');
  const finalValue = before ? value - 1 : value;
  if (!(finalValue >= 1)) return undefined;
  return { quantity: quantityOf(text, tokens, at, next, finalValue, 'rings'), next };
}

/** "a quarter of an hour", "three quarters of an hour". */
function quarterHourAt(text: string, tokens: readonly Token[], i: number): { quantity: StatedQuantity; next: number } | undefined {
  const first = tokens[i]?.word;
  const count = first === 'a' ? 1 : first === 'three' ? 3 : undefined;
  if (count === undefined) return undefined;
  const words = tokens.slice(i + 1, i + 5).map((t) => t.word);
  const quarters = count === 1 ? 'quarter' : 'quarters';
  if (words[0] !== quarters || words[1] !== 'of' || words[2] !== 'an' || words[3] !== 'hour') return undefined;
  return { quantity: quantityOf(text, tokens, i, i + 5, 15 * count, 'minutes'), next: i + 5 };
}

/** "the third ring", "3rd ring" (with "the" when it is there). */
function ringOrdinalAt(text: string, tokens: readonly Token[], i: number): { quantity: StatedQuantity; next: number } | undefined {
  const withThe = tokens[i]?.word === 'the' && adjacent(text, tokens[i], tokens[i + 1]);
  const at = withThe ? i + 1 : i;
  const ordinal = ordinalAt(tokens, at);
  if (ordinal === undefined || tokens[at + 1]?.word !== 'ring' || !adjacent(text, tokens[at], tokens[at + 1])) return undefined;
  // Only a ring by which a call is answered is a standard: "by", "before", "on the third ring", not "from the first ring".
  if (!RING_DEADLINE.has(tokens[i - 1]?.word ?? '')) return undefined;
  const value = ringsBefore(tokens, i) ? ordinal - 1 : ordinal;
  if (value < 1) return undefined;
  return { quantity: quantityOf(text, tokens, i, at + 2, value, 'rings'), next: at + 2 };
}

/** "30 seconds", "one working day", "half a minute", "two business hours", "95%", "four rings". */
function measuredAt(text: string, tokens: readonly Token[], i: number): { quantity: StatedQuantity; next: number } | undefined {
  const number = numberAt(text, tokens, i);
  if (!number) return undefined;
  let at = number.next;
  if (!adjacent(text, tokens[at - 1], tokens[at])) return undefined;
  let working = false;
  if ((tokens[at]?.word === 'working' || tokens[at]?.word === 'business') && adjacent(text, tokens[at], tokens[at + 1])) {
    working = true;
    at++;
  }
  let word = tokens[at]?.word;
  if (word === 'per' && tokens[at + 1]?.word === 'cent' && adjacent(text, tokens[at], tokens[at + 1])) {
    word = 'percent';
    at++;
  }
  const prose = word === undefined ? undefined : PROSE_UNITS[word];
  if (prose && !working) {
    if (number.article && word !== 'week') return undefined;
    return { quantity: quantityOf(text, tokens, i, at + 1, number.value * prose.times, prose.unit), next: at + 1 };
  }
  const unit = word === undefined ? undefined : UNIT_WORDS[word];
  if (!unit) return undefined;
  // "%" follows its number without a space; every other unit is a word of its own.
  if (unit === 'percent' && word === '%' && number.article) return undefined;
  // "a"/"an"/"half a" count only before a unit in the singular ("a minute"), never "a few minutes".
  if (number.article && !SINGULAR_UNITS.has(word!)) return undefined;
  if (number.article && unit === 'seconds' && word === 'second') {
    const after = tokens[at + 1];
    if (after && adjacent(text, tokens[at], after) && !AFTER_A_DURATION.has(after.word)) return undefined;
  }
  if (working && unit !== 'hours' && unit !== 'days') return undefined;
  const finalUnit: StandardUnit = working ? (unit === 'hours' ? 'working-hours' : 'working-days') : unit;
  const value = unit === 'rings' && ringsBefore(tokens, i) ? number.value - 1 : number.value;
  if (!(value > 0)) return undefined;
  // "A" before a number is the article of the phrase, as in "a 30-second wait": start at the number.
  return { quantity: quantityOf(text, tokens, i, at + 1, value, finalUnit), next: at + 1 };
}

/** The kind of unit a standard's target is compared within: a duration is never compared with rings. */
export function unitFamily(unit: StandardUnit): 'rings' | 'duration' | 'percent' {
  return unit === 'rings' ? 'rings' : unit === 'percent' ? 'percent' : 'duration';
}

/** Words that say nothing about which standard a sentence states. */
const STOP_WORDS = new Set(
  (
    'a an the we our us you your they their them it its i me my he she is are be been being was were will would should must can could may might shall ' +
    'to of in on at by for with within without from into over under than then more less most least no not never nobody none every each all any during ' +
    'and or but if so as that this these those there here when while before after about up down out always only just also even still too very ' +
    'time times longer shorter long short fast quick quickly soon customer customers someone anyone everyone people colleague colleagues ' +
    'do does did done have has had get gets got make makes made give gives given keep keeps let lets take takes taken aim aims try tries ' +
    'one two three four five six seven eight nine ten half few second ring rings seconds minute minutes ' +
    'hour hours day days working business percent cent per what which who how why standard standards same promise promises target ' +
    'opening open normal normally usual usually circumstances back'
  ).split(' '),
);

/** Words that mean the same for recognizing a standard. */
const SYNONYMS: Record<string, string> = {
  respond: 'reply',
  response: 'reply',
  responses: 'reply',
  answer: 'reply',
  answers: 'reply',
  pick: 'reply',
  new: 'first',
  initial: 'first',
  waiting: 'wait',
  queue: 'wait',
  welcome: 'greet',
};

/** A crude stem: enough to see "replies", "replied" and "reply" as one word. */
export function stemOf(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  const synonym = SYNONYMS[lower];
  if (synonym) return synonym;
  let stem = lower;
  if (/ies$/.test(stem) || /ied$/.test(stem)) stem = `${stem.slice(0, -3)}y`;
  // "address", "status": an s that is not a plural stays.
  else if (/(?:ss|us)$/.test(stem)) return SYNONYMS[stem] ?? stem;
  else if (/ing$/.test(stem) && stem.length > 5) stem = stem.slice(0, -3);
  else if (/ed$/.test(stem) && stem.length > 4) stem = stem.slice(0, -2);
  else if (/es$/.test(stem) && /(?:ch|sh|x|s)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (/s$/.test(stem) && stem.length > 3) stem = stem.slice(0, -1);
  return SYNONYMS[stem] ?? stem;
}

/** Phrases that mean one word for recognizing a standard: "hear back" and "get back to" are a reply. */
function withPhrasesAsWords(text: string): string {
  return text
    .replace(/\bhear(?:s|d|ing)?\s+back\b/gi, 'reply')
    .replace(/\bget(?:s|ting)?\s+back\s+to\b/gi, 'reply to')
    .replace(/\bhear(?:s|d|ing)?\s+from\s+(?:us|you|someone|somebody|a\s+colleague)\b/gi, 'update');
}

/** The content words of a text, as stems. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokensOf(withPhrasesAsWords(text))) {
    if (!isContentWord(token)) continue;
    stems.add(stemOf(token.word));
  }
  return stems;
}

/** Two stems are one word when equal, or when one starts the other and both are long ("acknowledge", "acknowledgement"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

function shares(stems: ReadonlySet<string>, stem: string): boolean {
  for (const other of stems) if (sameStem(other, stem)) return true;
  return false;
}

/** A clause that tells history rather than the standard: an earlier edition, "used to", "previously". */
const HISTORY =
  /\b(?:first|last|previous|earlier|old|older|former|past|original)\s+editions?\b|\bedition\s+\d{4}\.\d+\b|\b\d{4}\.\d+\b|\bused\s+to\b|\bpreviously\b|\bformerly\b|\bin\s+the\s+past\b|\b(?:was|were)\s+once\b|\bno\s+longer\b|\buntil\s+(?:recently|last|\d{4})\b/i;

export function isHistory(clause: string): boolean {
  return HISTORY.test(clause);
}

/** The sentences of a block of text: their start and end offsets. */
export function sentencesOf(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let start = 0;
  // A full stop ends a sentence unless a digit follows it directly (1.5) or it ends a short abbreviation (e.g.).
  for (const match of text.matchAll(/[.!?]+(?=\s|$)|\n\s*\n/g)) {
    const end = match.index + match[0].length;
    if (/\b(?:e\.g|i\.e|etc|approx|min|mins|sec|secs|hr|hrs)\.$/i.test(text.slice(Math.max(0, end - 8), end))) continue;
    if (text.slice(start, end).trim()) sentences.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) sentences.push({ start, end: text.length });
  return sentences;
}

/** The clause of a sentence around an offset: between commas, semicolons, colons, dashes and "or"/"but". */
export function clauseAround(sentence: string, offset: number): { start: number; end: number } {
  const separators = new RegExp(CLAUSE_BREAK.source, 'g');
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(separators)) {
    if (match.index + match[0].length <= offset) start = match.index + match[0].length;
    else if (match.index >= offset) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

/** What the recognition knows about the chapter and the handbook. */
export interface StatementContext {
  /** The touchpoints of the chapter the sentence is in. */
  chapterTouchpoints: readonly string[];
  /** Words that name each touchpoint (its id, label and vocabulary words). */
  touchpointWords: ReadonlyMap<string, readonly string[]>;
}

/** A standard that a quantity in a sentence states, and how sure the match is. */
export interface StatementMatch<S extends EditionStandard> {
  standard: S;
  quantity: StatedQuantity;
  /** `phrasing`: the standard's own words surround the quantity; `words`: the sentence is about it. */
  by: 'phrasing' | 'words';
}

interface Profile<S> {
  standard: S;
  measure: Set<string>;
  words: Set<string>;
  phrasings: { before: string[]; after: string[] }[];
  /** The content words right before {target} in its statement and phrasings ("acknowledge the email within {target}"). */
  near: Set<string>;
  /** Whether its own sentences give the value as how often ("every {target}"). */
  frequency: boolean;
}

const profiles = new WeakMap<EditionStandard, Profile<EditionStandard>>();

function profileOf<S extends EditionStandard>(standard: S): Profile<S> {
  let profile = profiles.get(standard) as Profile<S> | undefined;
  if (!profile) {
    const sentences = [standard.statement, ...standard.phrasings];
    // Each sentence as the text before its {target} and the text after it.
    const sides = sentences.map((sentence) => {
      const [before = '', after = ''] = sentence.split('{target}');
      return { before, after };
    });
    profile = {
      standard,
      measure: contentStems(standard.measure),
      words: contentStems(sides.map(({ before, after }) => `${before} ${after}`).join(' ')),
      phrasings: sides.map(({ before, after }) => ({ before: tokensOf(before).map((t) => stemOf(t.word)), after: tokensOf(after).map((t) => stemOf(t.word)) })),
      frequency: sides.some(({ before }) => FREQUENCY_BEFORE.test(before)),
      near: new Set(
        sides.flatMap(({ before, after }) => [...nearestWords(before.split(CLAUSE_BREAK).at(-1) ?? ''), ...firstWords(after.split(CLAUSE_BREAK)[0] ?? '')]),
      ),
    };
    profiles.set(standard, profile as Profile<EditionStandard>);
  }
  return profile;
}

/**
 * Whether a standard's phrasing surrounds the quantity: the last words before {target} (up to
 * four) come right before it and the first words after it (up to three) right after it.
 */
function phrasingFits(profile: Profile<EditionStandard>, before: readonly string[], after: readonly string[]): boolean {
  return profile.phrasings.some((phrasing) => {
    const wantBefore = phrasing.before.slice(-4);
    const wantAfter = phrasing.after.slice(0, 3);
    if (wantBefore.length + wantAfter.length < 2) return false;
    const gotBefore = before.slice(-wantBefore.length);
    const gotAfter = after.slice(0, wantAfter.length);
    return (
      (wantBefore.length === 0 || (gotBefore.length === wantBefore.length && wantBefore.every((w, i) => w === gotBefore[i]))) &&
      (wantAfter.length === 0 || (gotAfter.length === wantAfter.length && wantAfter.every((w, i) => w === gotAfter[i])))
    );
  });
}

/** Right before a value that says how often something happens: "every two hours", "each 30 seconds". */
const FREQUENCY_BEFORE = /\b(?:every|each)\s+$/i;

/** Where one clause ends and the next begins. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s(?:or|but|while|whereas)\s/;

const isContentWord = (token: Token) => !/^\d/.test(token.word) && !STOP_WORDS.has(token.word.replace(/['’]s$/, ''));

/** The last two content words of a text, as stems: what comes right before a value. */
function nearestWords(text: string): string[] {
  return tokensOf(withPhrasesAsWords(text))
    .filter(isContentWord)
    .slice(-2)
    .map((t) => stemOf(t.word));
}

/** The first two content words of a text, as stems: what comes right after a value. */
function firstWords(text: string): string[] {
  return tokensOf(withPhrasesAsWords(text))
    .filter(isContentWord)
    .slice(0, 2)
    .map((t) => stemOf(t.word));
}

/** The touchpoints a text names. */
function touchpointsNamed(text: string, words: ReadonlyMap<string, readonly string[]>): Set<string> {
  const stems = new Set(tokensOf(text).map((t) => stemOf(t.word)));
  const named = new Set<string>();
  for (const [touchpoint, list] of words) if (list.some((word) => stems.has(stemOf(word)))) named.add(touchpoint);
  return named;
}

/**
 * The standards a sentence states, one per quantity that states one. Clauses about history are
 * passed over; so is a quantity that fits no standard, or two equally well.
 */
export function matchStatements<S extends EditionStandard>(sentence: string, standards: readonly S[], context: StatementContext): StatementMatch<S>[] {
  const quantities = findQuantities(sentence);
  if (quantities.length === 0) return [];
  const tokens = tokensOf(sentence);
  const matches: StatementMatch<S>[] = [];
  for (const quantity of quantities) {
    const clause = clauseAround(sentence, quantity.start);
    const clauseText = sentence.slice(clause.start, clause.end);
    if (isHistory(clauseText)) continue;
    const family = unitFamily(quantity.target.unit);
    const about = touchpointsAbout(sentence, clauseText, context);
    const pool = standards.filter((standard) => unitFamily(standard.target.unit) === family && (about === undefined || about.has(standard.touchpoint)));
    if (pool.length === 0) continue;
    const before = tokens.filter((t) => t.end <= quantity.start).map((t) => stemOf(t.word));
    const after = tokens.filter((t) => t.start >= quantity.end).map((t) => stemOf(t.word));
    const byPhrasing = pool.filter((standard) => phrasingFits(profileOf(standard), before, after));
    if (byPhrasing.length === 1) {
      matches.push({ standard: byPhrasing[0]!, quantity, by: 'phrasing' });
      continue;
    }
    // Without its own words around it, a value stands for a standard only in a sentence about that touchpoint.
    if (about === undefined) continue;
    const local = { start: clause.start, end: clause.end, quantity };
    const chosen = byWords(pool, sentence, local, quantities.length === 1, context);
    if (chosen) matches.push({ standard: chosen, quantity, by: 'words' });
  }
  return matches;
}

/**
 * The touchpoints a sentence is about: those it names (in the clause of the value first), else
 * the chapter's when it has only one; undefined when it cannot be told.
 */
function touchpointsAbout(sentence: string, clause: string, context: StatementContext): ReadonlySet<string> | undefined {
  const namedInClause = touchpointsNamed(clause, context.touchpointWords);
  const named = namedInClause.size > 0 ? namedInClause : touchpointsNamed(sentence, context.touchpointWords);
  if (named.size > 0) return named;
  return context.chapterTouchpoints.length === 1 ? new Set(context.chapterTouchpoints) : undefined;
}

/**
 * The one standard of the pool the words around a value are about, when there is one clearly:
 * the words right before or after the value are those around {target} in its own sentences, or
 * the sentence has two words of its measure (other than the words that name its touchpoint, which
 * every standard of the touchpoint shares); and it fits better by 2 than the next one (a measure
 * word or a word around the value counts 2, another shared word 1).
 */
function byWords<S extends EditionStandard>(
  pool: readonly S[],
  sentence: string,
  local: { start: number; end: number; quantity: StatedQuantity },
  aloneInSentence: boolean,
  context: StatementContext,
): S | undefined {
  const { quantity } = local;
  // Rings measure one thing: a sentence with a ring count states the touchpoint's ring standard.
  if (quantity.target.unit === 'rings') return pool.length === 1 ? pool[0] : undefined;
  const words = contentStems(aloneInSentence ? sentence : sentence.slice(local.start, local.end));
  // What follows "after" or "since" is when the clock starts ("within two days after the reply"), not what is measured.
  const following = sentence.slice(quantity.end, local.end);
  const near = [
    ...nearestWords(sentence.slice(local.start, quantity.start)),
    ...(/^\s*(?:after|since|following)\b/i.test(following) ? [] : firstWords(following)),
  ];
  const frequency = FREQUENCY_BEFORE.test(sentence.slice(Math.max(local.start, quantity.start - 16), quantity.start));
  const scored: { standard: S; score: number }[] = [];
  for (const standard of pool) {
    const profile = profileOf(standard);
    const naming = new Set((context.touchpointWords.get(standard.touchpoint) ?? []).map(stemOf));
    let measure = 0;
    let measureNamed = 0;
    let shared = 0;
    for (const word of words) {
      if (shares(profile.measure, word) && !naming.has(word)) measure++;
      else if (shares(profile.measure, word)) measureNamed++;
      else if (shares(profile.words, word)) shared++;
    }
    shared += measureNamed;
    const around = near.filter((word) => shares(profile.near, word)).length;
    // Words right around the value as its own sentences have them, or two words of its measure. A
    // value that says how often ("every five minutes") states a standard not itself written so
    // only with two words of its measure, its touchpoint's words included: "callers on hold hear
    // an update every two minutes" is about the hold standard, "the hold queue is checked every
    // five minutes" is not.
    if (frequency && !profile.frequency ? measure + measureNamed < 2 : around === 0 && measure < 2) continue;
    scored.push({ standard, score: 2 * measure + shared + 2 * around });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  // Two standards the words fit almost as well ("answer every chat": the first reply or each one?) are a guess.
  if (!best || (second && second.score > best.score - 2)) return undefined;
  return best.standard;
}
