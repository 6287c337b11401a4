/**
 * Validates the frontmatter with `chapterFrontmatter` from src/lib/schemas.ts, the schema the site
 * builds with, and reports each problem at the line of the field it is about.
 *
 * Why: a chapter with bad frontmatter breaks the build (or worse, lands in the wrong place in the
 * navigation). One schema means the checker and the site never disagree about what is allowed.
 *
 * How: part of the build's gate (src/gate/), so it cannot be turned off and the build reports
 * exactly these messages: the frontmatter must have the one shape every reader splits the same
 * way (`---` alone on the first line and on its closing line; LF or CRLF line endings), its YAML
 * may not use tags or anchors, and the data is what the site builds with (js-yaml, as Astro
 * reads it). YAML syntax errors are reported where the parser stops. Each schema issue is reported at its
 * field (a wrong list item at the item, an unknown field at its key); a missing field at the
 * opening `---`. A file without frontmatter gets one message on line 1.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ---
 *   title: Telephone
 *   description: How to answer, hold and close every call the same way.
 *   type: procedure
 *   touchpoints: [telephone]
 *   audience: [frontline]
 *   owner: Customer Contact Team
 *   reviewed: 2026-01-12
 *   ---
 *
 *   Text.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   ---
 *   title: Telephone
 *   description: How to answer, hold and close every call the same way.
 *   type: policy
 *   touchpoints: [telephone, fax]
 *   audience: [frontline]
 *   reviewed: 2026-01-12
 *   colour: blue
 *   ---
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1-9:4: owner is required: the team that keeps this chapter true
 *   4:7-4:13: type: "policy" is not a known chapter type; use one of "creed", "principle", "skill", "procedure", "guide", "reference"
 *   5:26-5:29: touchpoints.1: "fax" is not a known touchpoint; use one of "telephone", "face-to-face", "email", "website", "mail", "live-chat"
 *   8:1-8:7: unknown field "colour"; allowed fields are title, description, type, touchpoints, audience, owner, reviewed, reviewEvery, order, redirectFrom, shortLink, standards
 */
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
