/**
 * Which catalog a handbook reads, and the adopter's overrides of single strings
 * (`strings:` in charter.config). English is the default; German is complete.
 */
import { en } from './en.ts';
import { de } from './de.ts';
import { placeholdersIn, translatorFor, type Catalog, type Message, type MessageKey, type Translator } from './catalog.ts';
import { closest } from '../lint/text/closest.ts';

export { en, de };
export type { Catalog, Message, MessageKey, Translator } from './catalog.ts';
export { translatorFor, pickMessages } from './catalog.ts';

/** Overrides by key, as written in the config: a string, or plural forms for a plural string. */
export type StringOverrides = Partial<Record<string, Message>>;

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** The catalog for a BCP 47 tag: German for `de` and its regional forms, English otherwise. */
export function catalogFor(lang: string): Catalog {
  return lang.toLowerCase().split('-')[0] === 'de' ? de : en;
}

/**
 * What is wrong with an override table, one line per problem: an unknown key (with the nearest
 * known one), a placeholder the string does not have, plural forms for a plain string.
 */
export function overrideProblems(overrides: Readonly<Record<string, unknown>>): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in en)) {
      const near = closest(key, MESSAGE_KEYS);
      problems.push({
        key,
        message: `"${key}" is not an interface string.${near ? ` Did you mean "${near}"?` : ''} The keys are listed in charter-handbook's src/i18n/en.ts; remove this entry or use one of them.`,
      });
      continue;
    }
    const original = en[key as MessageKey] as Message;
    if (typeof value === 'object' && value !== null && typeof original === 'string') {
      problems.push({ key, message: `"${key}" has no plural forms; give it a single string, for example ${JSON.stringify(original)}.` });
      continue;
    }
    const allowed = placeholdersIn(original);
    const unknown = [...placeholdersIn(value as Message)].filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      const list = allowed.size ? [...allowed].map((n) => `{${n}}`).join(', ') : 'none';
      problems.push({
        key,
        message: `"${key}" uses ${unknown.map((n) => `{${n}}`).join(', ')}, which this string does not have. Placeholders it may use: ${list}.`,
      });
    }
  }
  return problems;
}

/** The handbook's strings: the catalog of its language with the config's overrides on top. */
export function messagesFor(lang: string, overrides: StringOverrides = {}): Record<MessageKey, Message> {
  const messages: Record<string, Message> = { ...catalogFor(lang) };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && key in en) messages[key] = value;
  return messages as Record<MessageKey, Message>;
}

/** The translator pages use, for a language and the adopter's overrides. */
export function createTranslator(lang: string, overrides: StringOverrides = {}): Translator {
  return translatorFor(messagesFor(lang, overrides), lang);
}
