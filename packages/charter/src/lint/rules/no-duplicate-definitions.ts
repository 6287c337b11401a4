/**
 * Warns about two link definitions with the same label.
 *
 * Why: only the first one counts; a reader following the link lands where the second one's author did not mean.
 *
 * How: remark-lint's own rule (remark-lint-no-duplicate-definitions), run by the checker like every other rule, with its
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
 *   See [the policy][policy].
 *
 *   [policy]: /reference/house-style/
 *   [policy]: /reference/glossary/
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   4:1-4:31: Unexpected definition with an already defined identifier (`policy`), expected unique identifiers
 */
import type { RuleSeverity } from '../types.ts';

import rule from 'remark-lint-no-duplicate-definitions';
import { whenTextHas } from './when-text-has.ts';

// A definition (`[label]: …`, `[^note]: …`) is a label followed at once by a colon: a text without `]:` has none.
export default whenTextHas(/\]:/, rule);

export const severity: RuleSeverity = 'warning';
