/**
 * Warns about a link or image with an empty address: `[the form]()`.
 *
 * Why: the link leads back to the same page and the image shows nothing: usually an address someone meant to fill in.
 *
 * How: remark-lint's own rule (remark-lint-no-empty-url), run by the checker like every other rule, with its
 * messages in the house's "Unexpected …, expected …" form. It can be turned off or set to error in
 * the config's `checker` settings, for the whole handbook or for some folders.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   Fill in [the form](./forms/returns.pdf).
 *
 * @example
 *   {"name": "bad.md", "label": "input"}
 *
 *   Fill in [the form]().
 *
 * @example
 *   {"name": "bad.md", "label": "output"}
 *
 *   1:9-1:21: Unexpected empty link URL referencing the current document, expected URL
 */
import type { RuleSeverity } from '../types.ts';

export { default } from 'remark-lint-no-empty-url';

export const severity: RuleSeverity = 'warning';
