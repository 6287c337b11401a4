/**
 * Flags British spellings and suggests the US spelling: "colour" → "color", "organise" →
 * "organize", "cancelled" → "canceled".
 *
 * Why: the handbook is written in one locale, US English, so that readers and search meet one
 * spelling of each word.
 *
 * How: the pairs come from `src/lint/data/us-spelling.yaml`; plurals and possessives of a listed
 * word are found too, and so are words inside hyphenated compounds ("colour-coded"). Words match
 * whole, in any capitalization, and the suggestion keeps the
 * capitalization (Colour → Color). Quoted mentions, code and URLs are left alone. `--fix` writes
 * the suggestion.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   Organize the catalog by color, and practice the greeting.
 *
 *   Write "color", not "colour".
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   Organise the catalogue by colour.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:9: Unexpected "Organise", expected "Organize"
 *   1:14-1:23: Unexpected "catalogue", expected "catalog"
 *   1:27-1:33: Unexpected "colour", expected "color"
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { readLintData } from '../source-files.ts';
import { inflectPhrase, PhraseMatcher } from '../text/phrase-matcher.ts';
import { collectProseSpans } from '../text/prose-spans.ts';
import { findWording, fitCase, reportReplacement } from '../text/wording.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

let matcher: PhraseMatcher<string> | undefined;

const spellingVariant = lintRule<Root>({ origin: 'handbook:spelling-variant' }, (tree, file) => {
  matcher ??= new PhraseMatcher(
    Object.entries(readSpellingPairs()).map(([british, american]) => ({ text: british, inflect: true, data: american })),
    { hyphenEndsWord: true },
  );
  for (const wording of findWording(collectProseSpans(tree, String(file.value)), matcher)) {
    const american = inflectPhrase(wording.hit.pattern.data, wording.hit.inflection, wording.hit.apostrophe);
    reportReplacement(file, wording, fitCase(american, wording.actual), 'The handbook uses US spelling.');
  }
});

export default spellingVariant;

function readSpellingPairs(): Record<string, string> {
  const data = readLintData('us-spelling.yaml');
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('us-spelling.yaml: expected a map of British: American spellings.');
  return Object.fromEntries(Object.entries(data).map(([british, american]) => [british, String(american)]));
}
