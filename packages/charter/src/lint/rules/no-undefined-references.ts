/**
 * Warns about a reference-style link or image whose definition is missing: `[the policy][policy]` without a `[policy]: …` line.
 *
 * Why: Markdown shows such a link as its brackets and words ("[the policy][policy]"), not as a link; a reader sees the markup and cannot follow it.
 *
 * How: remark-lint's own rule (remark-lint-no-undefined-references), run by the checker like every other rule, with its
 * messages in the house's "Unexpected …, expected …" form. It can be turned off or set to error in
 * the config's `checker` settings, for the whole handbook or for some folders.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   See [the policy][policy].
 *
 *   [policy]: /reference/house-style/
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   See [the policy][policy] and [the form][form].
 *
 *   [policy]: /reference/house-style/
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   1:30-1:46: Unexpected reference to undefined definition, expected corresponding definition (`form`) for a link or escaped opening bracket (`\[`) for regular text
 */
import type { RuleSeverity } from '../types.ts';

export { default } from 'remark-lint-no-undefined-references';

export const severity: RuleSeverity = 'warning';
