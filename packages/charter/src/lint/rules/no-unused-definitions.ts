/**
 * Warns about a link definition (`[form]: ./forms/returns.pdf`) that nothing refers to.
 *
 * Why: a definition nobody uses is usually a link that was meant to be there and is not, or one left behind when the text changed.
 *
 * How: remark-lint's own rule (remark-lint-no-unused-definitions), run by the checker like every other rule, with its
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
 *   See the policy.
 *
 *   [policy]: /reference/house-style/
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   3:1-3:34: Unexpected unused definition, expected no definition or one or more references to `policy`
 */
import type { RuleSeverity } from '../types.ts';

import rule from 'remark-lint-no-unused-definitions';
import { whenTextHas } from './when-text-has.ts';

// A definition (`[label]: …`, `[^note]: …`) is a label followed at once by a colon: a text without `]:` has none.
export default whenTextHas(/\]:/, rule);

export const severity: RuleSeverity = 'warning';
