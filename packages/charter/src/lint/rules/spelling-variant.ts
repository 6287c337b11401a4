/**
 * Holds the handbook to the spelling of its language: an `en-GB` handbook to British spelling
 * ("color" → "colour", "organize" → "organise"), an `en-US` handbook to American spelling
 * ("colour" → "color", "cancelled" → "canceled").
 *
 * Why: a handbook is written in one locale, so that readers and search meet one spelling of each
 * word. The locale is the site config's `lang`; for any other language the rule does nothing.
 *
 * How: the pairs come from `src/lint/data/spelling-variants.yaml`. Pairs whose American form is also
 * a correct British word ("check", "practice", "program") are checked in en-US handbooks only.
 * Plurals and possessives of a listed word are found too, and so are words inside hyphenated
 * compounds ("colour-coded"). Words match whole, in any capitalization, and the suggestion keeps
 * the capitalization (Colour → Color). Quoted mentions, code and URLs are left alone. `--fix`
 * writes the suggestion.
 *
 * Options: none; the language comes from the site config (`lang`).
 *
 * @example
 *   {"name": "us-ok.mdx", "config": {"lang": "en-US"}}
 *
 *   Organize the catalog by color, and practice the greeting.
 *
 *   Write "color", not "colour".
 *
 * @example
 *   {"name": "us-bad.mdx", "label": "input", "config": {"lang": "en-US"}}
 *
 *   Organise the catalogue by colour.
 *
 * @example
 *   {"name": "us-bad.mdx", "label": "output"}
 *
 *   1:1-1:9: Unexpected "Organise", expected "Organize" (the handbook's lang is en-US: American spelling)
 *   1:14-1:23: Unexpected "catalogue", expected "catalog" (the handbook's lang is en-US: American spelling)
 *   1:27-1:33: Unexpected "colour", expected "color" (the handbook's lang is en-US: American spelling)
 *
 * @example
 *   {"name": "gb-ok.mdx", "config": {"lang": "en-GB"}}
 *
 *   Organise the catalogue by colour, and check the practice rota.
 *
 *   Write "colour", not "color".
 *
 * @example
 *   {"name": "gb-bad.mdx", "label": "input", "config": {"lang": "en-GB"}}
 *
 *   Organize the catalog by color.
 *
 * @example
 *   {"name": "gb-bad.mdx", "label": "output"}
 *
 *   1:1-1:9: Unexpected "Organize", expected "Organise" (the handbook's lang is en-GB: British spelling)
 *   1:14-1:21: Unexpected "catalog", expected "catalogue" (the handbook's lang is en-GB: British spelling)
 *   1:25-1:30: Unexpected "color", expected "colour" (the handbook's lang is en-GB: British spelling)
 *
 * @example
 *   {"name": "other-language.mdx", "config": {"lang": "de-DE"}}
 *
 *   Die Farbe (colour, color) steht im Katalog.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { contextOf } from '../file-context.ts';
import { readLintData } from '../source-files.ts';
import { inflectPhrase, PhraseMatcher } from '../text/phrase-matcher.ts';
import { collectProseSpans } from '../text/prose-spans.ts';
import { findWording, fitCase, reportReplacement } from '../text/wording.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

/** The spellings a handbook can be held to, by its `lang`. */
type Variety = 'british' | 'american';
const VARIETY_OF_LANG: Record<string, Variety> = { 'en-GB': 'british', 'en-US': 'american' };
const VARIETY_NAME: Record<Variety, string> = { british: 'British', american: 'American' };

const matchers = new Map<Variety, PhraseMatcher<string>>();

const spellingVariant = lintRule<Root>({ origin: 'handbook:spelling-variant' }, (tree, file) => {
  const { lang } = contextOf(file);
  const variety = VARIETY_OF_LANG[lang];
  if (!variety) return;
  const matcher = matcherFor(variety);
  const why = `the handbook's lang is ${lang}: ${VARIETY_NAME[variety]} spelling`;
  for (const wording of findWording(collectProseSpans(tree, String(file.value)), matcher)) {
    const wanted = inflectPhrase(wording.hit.pattern.data, wording.hit.inflection, wording.hit.apostrophe);
    reportReplacement(file, wording, fitCase(wanted, wording.actual), why, why);
  }
});

export default spellingVariant;

/** Finds the other variety's spellings; each pattern's data is the wanted spelling. */
function matcherFor(variety: Variety): PhraseMatcher<string> {
  let matcher = matchers.get(variety);
  if (!matcher) {
    const entries = Object.entries(wrongToWanted(readSpellingData(), variety)).map(([wrong, wanted]) => ({ text: wrong, inflect: true, data: wanted }));
    matchers.set(variety, (matcher = new PhraseMatcher(entries, { hyphenEndsWord: true })));
  }
  return matcher;
}

interface SpellingData {
  /** British: American, checked both ways. */
  pairs: Record<string, string>;
  /** British: American, checked in American handbooks only. */
  usOnly: Record<string, string>;
}

/** The spellings to flag for a variety, each with the spelling to write instead. */
export function wrongToWanted(data: SpellingData, variety: Variety): Record<string, string> {
  if (variety === 'american') return { ...data.pairs, ...data.usOnly };
  const british: Record<string, string> = {};
  for (const [gb, us] of Object.entries(data.pairs)) {
    if (british[us] !== undefined)
      throw new Error(
        `spelling-variants.yaml: "${us}" is the American form of both "${british[us]}" and "${gb}"; expected each American form once in pairs (move one to usOnly).`,
      );
    british[us] = gb;
  }
  return british;
}

function readSpellingData(): SpellingData {
  const data = readLintData('spelling-variants.yaml') as Partial<Record<keyof SpellingData, unknown>> | null;
  const map = (key: keyof SpellingData): Record<string, string> => {
    const value = data?.[key];
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new Error(`spelling-variants.yaml: expected "${key}" to be a map of British: American spellings.`);
    return Object.fromEntries(Object.entries(value).map(([gb, us]) => [gb, String(us)]));
  };
  return { pairs: map('pairs'), usOnly: map('usOnly') };
}
