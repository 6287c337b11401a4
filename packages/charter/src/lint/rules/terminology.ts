/**
 * Flags the glossary's variants and suggests its preferred term: "client" → "customer",
 * "e-mail" → "email".
 *
 * Why: the handbook promises the same words for the same things at every touchpoint; one term per
 * thing also keeps search and the glossary honest.
 *
 * How: words are matched whole (never inside "clientele", "client-portal.pdf" or an address), the
 * longest phrase first, and never inside a preferred term. Plurals and possessives are found
 * without listing them ("clients'" → "customers'"); a phrase split by a line break or emphasis is
 * still found; a variant that differs from its term only in case is matched in that exact case.
 * The suggestion keeps a sentence-initial capital. Checked: paragraphs, headings, table cells, link
 * text, the frontmatter title and description, and prose props (a callout's title). Not checked:
 * code, URLs, link destinations, expressions, and a word named in quotation marks (avoid “e-mail”).
 * `--fix` writes the suggestion.
 *
 * Options: none. The variants and terms come from `glossary.yaml` in the content folder.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   Every customer gets the same greeting, by email or on the website.
 *
 *   Our clientele has grown. The file client-portal.pdf and `client_id` stay as they are.
 *
 *   We say “email”, never “e-mail”.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   Clients can reach us by e-mail, via the *web* site or
 *   on livechat.
 *
 *   Check the client's order.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:8: Unexpected "Clients", expected "Customers"
 *   1:25-1:31: Unexpected "e-mail", expected "email"
 *   1:42-1:51: Unexpected "web site", expected "website"
 *   2:4-2:12: Unexpected "livechat", expected "live chat"
 *   4:11-4:19: Unexpected "client's", expected "customer's"
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { GlossaryEntry } from '../../lib/schemas.ts';
import { contextOf } from '../file-context.ts';
import { inflectPhrase, PhraseMatcher, type PhraseHit, type PhrasePattern } from '../text/phrase-matcher.ts';
import { collectProseSpans } from '../text/prose-spans.ts';
import { findWording, fitSentenceCase, isSentenceStart, reportReplacement } from '../text/wording.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

interface Variant {
  entry: GlossaryEntry;
  text: string;
  reason: string;
}

const matchers = new WeakMap<readonly GlossaryEntry[], PhraseMatcher<Variant | undefined>>();

const terminology = lintRule<Root>({ origin: 'handbook:terminology' }, (tree, file) => {
  const { handbook } = contextOf(file);
  const matcher = matcherFor(handbook.glossary);
  for (const wording of findWording(collectProseSpans(tree, String(file.value)), matcher)) {
    const variant = wording.hit.pattern.data;
    if (!variant) continue;
    const sentenceStart = isSentenceStart(wording.span.text, wording.hit.start);
    reportReplacement(file, wording, suggestionFor(variant, wording.hit, wording.actual, sentenceStart), variant.reason);
  }
});

export default terminology;

/** One matcher per glossary: every variant, and every preferred term as a protected phrase. */
function matcherFor(glossary: readonly GlossaryEntry[]): PhraseMatcher<Variant | undefined> {
  let matcher = matchers.get(glossary);
  if (!matcher) {
    matcher = new PhraseMatcher(glossaryPatterns(glossary));
    matchers.set(glossary, matcher);
  }
  return matcher;
}

function glossaryPatterns(glossary: readonly GlossaryEntry[]): PhrasePattern<Variant | undefined>[] {
  const patterns: PhrasePattern<Variant | undefined>[] = [];
  const seen = new Set<string>();
  for (const entry of glossary) {
    for (const variant of entry.variants) {
      const caseOnly = variant.text.toLowerCase() === entry.term.toLowerCase();
      // "E-mail" and "e-mail" are one pattern when matching ignores case.
      const key = caseOnly ? `=${variant.text}` : variant.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      patterns.push({ text: variant.text, caseSensitive: caseOnly, inflect: true, data: { entry, ...variant } });
    }
    patterns.push({ text: entry.term, protect: true, inflect: true, data: undefined });
  }
  return patterns;
}

function suggestionFor(variant: Variant, hit: PhraseHit<unknown>, actual: string, sentenceStart: boolean): string {
  const term = termInPlaceOf(variant.entry.term, variant.text);
  return fitSentenceCase(inflectPhrase(term, hit.inflection, hit.apostrophe), actual, sentenceStart);
}

/**
 * The term, keeping what a longer variant adds after it: "walk in customer" → "walk-in customer",
 * where the glossary's term is "walk-in".
 */
function termInPlaceOf(term: string, variant: string): string {
  const loose = (text: string) => text.toLowerCase().replace(/-/g, ' ');
  return loose(variant).startsWith(`${loose(term)} `) ? term + variant.slice(term.length) : term;
}
