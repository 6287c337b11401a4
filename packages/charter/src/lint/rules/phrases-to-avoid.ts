/**
 * Flags the phrases we never use with customers ("no problem", "calm down", "it's company
 * policy"…) and names what to say instead.
 *
 * Why: these phrases sound harmless to us but leave customers feeling dismissed, blamed or passed
 * around. They are errors, because the handbook teaches by example: a chapter that uses one teaches
 * it.
 *
 * How: the same matching as terminology (whole words, any spacing, straight or curly apostrophes,
 * any capitalization). Naming a phrase inside quotation marks to tell readers to avoid it is
 * allowed: Never tell a customer to "calm down". No automatic fix: the alternative usually needs
 * the sentence rewritten.
 *
 * Options: none. The phrases come from `phrases.yaml` in the content folder.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   Glad to help, I can do that today.
 *
 *   Say "glad to help" rather than "no problem".
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   No problem, I can do that. I'm sorry, it’s our policy.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-1:11: Avoid "No problem" with customers; instead: glad to help
 *   1:39-1:54: Avoid "it’s our policy" with customers; instead: here is the reason, and here is what I can do
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { PhraseToAvoid } from '../../lib/schemas.ts';
import { contextOf } from '../file-context.ts';
import { PhraseMatcher } from '../text/phrase-matcher.ts';
import { collectProseSpans } from '../text/prose-spans.ts';
import { findWording, placeOf } from '../text/wording.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

const matchers = new WeakMap<readonly PhraseToAvoid[], PhraseMatcher<PhraseToAvoid>>();

const phrasesToAvoid = lintRule<Root>({ origin: 'handbook:phrases-to-avoid' }, (tree, file) => {
  const { handbook } = contextOf(file);
  for (const wording of findWording(collectProseSpans(tree, String(file.value)), matcherFor(handbook.phrases))) {
    const phrase = wording.hit.pattern.data;
    const message = file.message(`Avoid "${wording.actual}" with customers; instead: ${phrase.instead}`, {
      place: placeOf(file, wording.range),
    });
    message.actual = wording.actual;
    message.note = phrase.reason;
  }
});

export default phrasesToAvoid;

function matcherFor(phrases: readonly PhraseToAvoid[]): PhraseMatcher<PhraseToAvoid> {
  let matcher = matchers.get(phrases);
  if (!matcher) {
    matcher = new PhraseMatcher(phrases.map((phrase) => ({ text: phrase.phrase, data: phrase })));
    matchers.set(phrases, matcher);
  }
  return matcher;
}
