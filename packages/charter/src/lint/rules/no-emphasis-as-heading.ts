/**
 * Warns about a paragraph of only bold or italic text that stands where a heading should.
 *
 * Why: it looks like a heading but is not one: it is missing from the page's contents, cannot be linked to, and the procedure-structure rule cannot find the section it starts.
 *
 * How: remark-lint's own rule (remark-lint-no-emphasis-as-heading), run by the checker like every other rule, with its
 * messages in the house's "Unexpected …, expected …" form. It can be turned off or set to error in
 * the config's `checker` settings, for the whole handbook or for some folders.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ## Steps
 *
 *   Take the caller's name.
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   **Steps**
 *
 *   Take the caller's name.
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   1:1-1:10: Unexpected strong introducing a section, expected a heading instead
 */
import type { RuleSeverity } from '../types.ts';

import rule from 'remark-lint-no-emphasis-as-heading';
import { whenTextHas } from './when-text-has.ts';

// Emphasis is written with `*` or `_`: a text without either has none.
export default whenTextHas(/[*_]/, rule);

export const severity: RuleSeverity = 'warning';
