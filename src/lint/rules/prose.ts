/**
 * Prose suggestions from the retext ecosystem: `prose:repeated-words` ("the the") and
 * `prose:equality` (inconsiderate or exclusive wording, from retext-equality).
 *
 * Why: small slips and wording that leaves some readers out are easy to miss in review and cheap to
 * fix. These are suggestions, not rules: they rank below warnings inside the checker, and the JSON
 * and GitHub outputs report them as warnings with the rule id `prose:<name>`.
 *
 * How: remark-retext turns the chapter's prose into a retext tree (code and frontmatter are left
 * out) and runs the retext plugins on it; their messages keep their place in the file. Words that
 * retext-equality flags but that are plain and kind in a service handbook ("easy", "simply",
 * "hang up") are ignored, from `src/lint/data/prose.yaml`. In `lint` comments the rules are named
 * `repeated-words` and `equality`.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   It is easy to call the team, and the chair of the meeting will hang up last.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   Give the the customer a call, and let the chairman know.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:6-1:13: Unexpected repeated `the`, remove one occurrence
 *   1:43-1:51: Unexpected potentially insensitive use of `chairman`, in somes cases `chair`, `head`, `chairperson`, `coordinator`, `committee head`, `moderator`, `presiding officer` may be better
 */
import type { Root } from 'mdast';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { lintRule } from 'unified-lint-rule';
import { readLintData } from '../source-files.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'suggestion';

type RetextProcessor = Parameters<typeof remarkRetext>[0];

/** A lint rule that runs a retext pipeline over the chapter's prose. */
function proseRule(name: string, retext: RetextProcessor) {
  const bridge = unified().use(remarkRetext, retext).freeze();
  return lintRule<Root>({ origin: `prose:${name}` }, async (tree, file) => {
    await bridge.run(tree, file);
  });
}

function equalityIgnore(): string[] {
  const data = readLintData('prose.yaml') as { equality?: { ignore?: unknown } } | null;
  const ignore = data?.equality?.ignore;
  return Array.isArray(ignore) ? ignore.map(String) : [];
}

export const repeatedWords = proseRule('repeated-words', unified().use(retextEnglish).use(retextRepeatedWords) as unknown as RetextProcessor);
export const equality = proseRule('equality', unified().use(retextEnglish).use(retextEquality, { ignore: equalityIgnore() }) as unknown as RetextProcessor);
