/**
 * Checks that links inside the handbook lead somewhere: site paths (`/skills/listening/`), links to
 * chapter files (`../skills/listening.mdx`, `./phone/index.md`), `#anchors`, images and files next
 * to the chapter (`./forms/refund.pdf`), `<Term id>` glossary ids and `<Standard id>` service standards.
 *
 * Why: a broken link is a dead end for a colleague looking for help in the middle of a call.
 * Editions are published side by side, so a link must work in the edition it is written in.
 *
 * How: src/lib/link-check.ts, on the links the build's gate reads in the compiler's own tree
 * (Markdown links and images, reference definitions, `<a href>` and `<img src>` in MDX and in a
 * Markdown chapter's HTML). A path must name a chapter of the same edition (or an old path it lists
 * in `redirectFrom`), a folder's page (`/procedures/`), or one of the site's own pages (search,
 * touchpoints, editions, review, reading paths, `/go/` short links); it is written without the
 * edition and with the trailing slash. A link to a chapter's file is resolved from the folder of
 * the file it is written in, and the published page links to that chapter's page. An `#anchor`
 * must be the id of a heading in the target chapter, as the site makes them: GitHub-style slugs of
 * the heading's text (lowercase, punctuation removed, spaces to hyphens, repeats numbered `-1`,
 * `-2`). An image or file must exist in the edition folder. A `<Term id>` must be a glossary id, and a
 * `<Standard id>` the id of a standard a chapter of the same edition declares (`standards:`).
 * Every message suggests the closest target that exists. External links (https:, mailto:, tel:)
 * are not followed. The build refuses every one of these problems, so the rule cannot be turned off.
 *
 * Options: none. Chapters are read from the edition folder.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ## Our standard
 *
 *   See [Listening](/skills/listening/), [our standard](#our-standard),
 *   [the glossary](../reference/glossary.mdx) and <Term id="customer">customers</Term>.
 *
 * @example
 *   {"name": "bad-files.md", "label": "input"}
 *
 *   See [the form](./forms/refund.pdf) and [hold music](../skills/hold-music.md).
 *
 *   ![The counter](./images/counter.png)
 *
 * @example
 *   {"name": "bad-files.md", "label": "output"}
 *
 *   1:5-1:35: Unexpected link to the file "./forms/refund.pdf" (no file editions/2026.1/reference/forms/refund.pdf), expected a file kept in the edition folder: copy it to editions/2026.1/reference/forms/refund.pdf, or correct the path
 *   1:40-1:77: Unexpected link to "../skills/hold-music.md" (no chapter file for "skills/hold-music" in edition 2026.1), expected "/skills/listening/"
 *   3:1-3:37: Unexpected image "./images/counter.png" (no file editions/2026.1/reference/images/counter.png), expected a file kept in the edition folder: copy it to editions/2026.1/reference/images/counter.png, or correct the path
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   See [Listening](/skills/listning/), [the steps](#step) and
 *   <Term id="custmer">customers</Term>.
 *
 *   <Standard id="phone-answer" />
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:5-1:35: Unexpected link to "/skills/listning/" (no such chapter in edition 2026.1), expected "/skills/listening/"
 *   1:37-1:55: Unexpected link to "#step" (no such heading in this chapter), expected a heading's id
 *   2:1-2:36: Unexpected glossary id "custmer" in <Term>, expected "customer"
 *   4:1-4:31: Unexpected standard id "phone-answer" in <Standard> (edition 2026.1 declares none), expected an id from the standards: field of a chapter of the same edition: declare the standard in the frontmatter of the chapter that explains it
 */
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
