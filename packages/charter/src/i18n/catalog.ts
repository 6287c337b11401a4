/**
 * The catalog API: the types every catalog follows (inferred from the English one), filling in
 * `{placeholders}`, choosing plural forms with `Intl.PluralRules`, and dates, numbers and lists in
 * the handbook's language. Pure and free of Node and Astro, so the search scripts use it in the
 * browser with the strings the page hands them.
 */
import type { en } from './en.ts';

/** The forms a plural string may have; `one` and `other` are required, as English needs both. */
export interface PluralForms {
  zero?: string | undefined;
  one: string;
  two?: string | undefined;
  few?: string | undefined;
  many?: string | undefined;
  other: string;
}
export type Message = string | PluralForms;

type English = typeof en;
export type MessageKey = keyof English;

/** A catalog in another language: every key of the English one, plural where English is plural. */
export type Catalog = { [K in MessageKey]: English[K] extends string ? string : PluralForms };

/** The `{names}` in a string, as a union of names. */
type NamesIn<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | NamesIn<Rest> : never;
type ValuesOf<M> = M extends string ? M : M[keyof M & keyof PluralForms];
/** The placeholders a key's English string uses. */
export type PlaceholdersOf<K extends MessageKey> = NamesIn<ValuesOf<English[K]>>;
export type Params<K extends MessageKey> = { [P in PlaceholdersOf<K>]: string | number };
/** A key without placeholders needs no second argument. */
type ParamArg<K extends MessageKey> = [PlaceholdersOf<K>] extends [never] ? [params?: Record<string, never>] : [params: Params<K>];

/** A piece of a string split around the placeholders left for markup (a link, a date). */
export type Segment = string | { slot: string };

export interface Translator {
  /** The BCP 47 tag the strings, dates and numbers follow. */
  readonly lang: string;
  t<K extends MessageKey>(key: K, ...params: ParamArg<K>): string;
  /**
   * The string split around placeholders not given in `params`, for markup in the middle of a
   * sentence: `segments('redirect.body', {})` is `['This chapter has moved to ', { slot: 'link' }, '.']`.
   */
  segments<K extends MessageKey>(key: K, params?: Partial<Params<K>>): Segment[];
  date(date: Date): string;
  number(value: number): string;
  /** "a, b and c" in the handbook's language. */
  list(items: readonly string[]): string;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a string or each form of a plural string uses. */
export function placeholdersIn(message: Message): Set<string> {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(forms.flatMap((form) => [...(form ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!)));
}

/** The form of a plural string that fits `count` in `lang`, falling back to `other`. */
export function pluralForm(message: Message, count: number, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  return message[rules.select(count)] ?? message.other;
}

/** Splits a string at its placeholders, filling those `values` has and leaving the rest as slots. */
export function splitMessage(text: string, values: Record<string, string>): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const before = text.slice(last, match.index);
    last = match.index + match[0].length;
    const value = values[name];
    if (value !== undefined) {
      segments.push(before + value);
    } else {
      segments.push(before, { slot: name });
    }
  }
  segments.push(text.slice(last));
  // Neighbouring text pieces join into one, and empty ones go.
  return segments.reduce<Segment[]>((out, s) => {
    const prev = out[out.length - 1];
    if (typeof s === 'string' && typeof prev === 'string') out[out.length - 1] = prev + s;
    else if (s !== '') out.push(s);
    return out;
  }, []);
}

/**
 * A translator over a table of messages (a whole catalog on the server, the few strings a script
 * needs in the browser). Numbers among the values are written the language's way.
 */
export function translatorFor(messages: Readonly<Record<string, Message>>, lang: string): Translator {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const lists = new Intl.ListFormat(lang, { style: 'long', type: 'unit' });
  const resolve = (key: string, params: Record<string, string | number> = {}) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`No interface string has the key "${key}".`);
    const count = params.count;
    const text = pluralForm(message, typeof count === 'number' ? count : 1, rules);
    const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? numbers.format(v) : v]));
    return { text, values };
  };
  return {
    lang,
    t(key, ...[params]) {
      const { text, values } = resolve(key, params as Record<string, string | number> | undefined);
      return splitMessage(text, values)
        .map((s) => (typeof s === 'string' ? s : `{${s.slot}}`))
        .join('');
    },
    segments(key, params) {
      const { text, values } = resolve(key, params as Record<string, string | number> | undefined);
      return splitMessage(text, values);
    },
    date: (date) => dates.format(date),
    number: (value) => numbers.format(value),
    list: (items) => lists.format(items),
  };
}

/** Only the keys a script in the browser needs, so a page carries no more of the catalog than that. */
export function pickMessages<K extends MessageKey>(messages: Readonly<Record<MessageKey, Message>>, keys: readonly K[]): Record<K, Message> {
  return Object.fromEntries(keys.map((k) => [k, messages[k]])) as Record<K, Message>;
}
