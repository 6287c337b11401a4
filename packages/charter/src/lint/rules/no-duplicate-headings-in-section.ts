/**
 * Warns about two headings with the same text in the same section.
 *
 * Why: readers cannot tell them apart in the page's contents, and a link to the second one needs an anchor nobody guesses (`#steps-1`).
 *
 * How: remark-lint's own rule (remark-lint-no-duplicate-headings-in-section), run by the checker like every other rule, with its
 * messages in the house's "Unexpected …, expected …" form. It can be turned off or set to error in
 * the config's `checker` settings, for the whole handbook or for some folders.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ## Before the call
 *
 *   ### Steps
 *
 *   ## After the call
 *
 *   ### Steps
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   ## Before the call
 *
 *   ### Steps
 *
 *   ### Steps
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   5:1-5:10: Unexpected heading with equivalent text in section, expected unique headings
 */
import type { RuleSeverity } from '../types.ts';

export { default } from 'remark-lint-no-duplicate-headings-in-section';

export const severity: RuleSeverity = 'warning';
