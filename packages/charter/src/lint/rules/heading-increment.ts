/**
 * Warns about a heading more than one level below the one before it (`##` followed by `####`).
 *
 * Why: screen readers list headings by level, and a skipped level suggests a missing section; the page's contents show only levels 2 and 3.
 *
 * How: remark-lint's own rule (remark-lint-heading-increment), run by the checker like every other rule, with its
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
 *   ### On the phone
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   ## Steps
 *
 *   #### On the phone
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   3:1-3:18: Unexpected heading rank `4`, exected rank `3`
 */
import type { RuleSeverity } from '../types.ts';

export { default } from 'remark-lint-heading-increment';

export const severity: RuleSeverity = 'warning';
