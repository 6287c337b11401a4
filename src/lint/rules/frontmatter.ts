/**
 * Validates the frontmatter with `chapterFrontmatter` from src/lib/schemas.ts, the schema the site
 * builds with, and reports each problem at the line of the field it is about.
 *
 * Why: a chapter with bad frontmatter breaks the build (or worse, lands in the wrong place in the
 * navigation). One schema means the checker and the site never disagree about what is allowed.
 *
 * How: YAML syntax errors are reported where the parser stops. Each schema issue is reported at its
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
 *   8:1-8:7: unknown field "colour"; allowed fields are title, description, type, touchpoints, audience, owner, reviewed, reviewEvery, order, redirectFrom, shortLink
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { chapterFrontmatter } from '../../lib/schemas.ts';
import { blockRange, keyRange, nodeRange, readFrontmatter, yamlNodeAt, type ParsedFrontmatter, type SourceRange } from '../frontmatter.ts';
import { rangePlace } from '../positions.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string | undefined;
  keys?: string[] | undefined;
}

const frontmatter = lintRule<Root>({ origin: 'handbook:frontmatter' }, (tree, file) => {
  const parsed = readFrontmatter(tree, String(file.value));
  if (!parsed.node || !parsed.document) {
    file.message('Missing frontmatter, expected a block between two "---" lines at the top with title, description, type, audience, owner and reviewed', {
      place: { line: 1, column: 1 },
    });
    return;
  }
  if (parsed.document.errors.length > 0) {
    for (const error of parsed.document.errors) {
      const start = parsed.contentStart + error.pos[0];
      file.message(`Frontmatter is not valid YAML: ${error.message.split('\n')[0]}`, { place: rangePlace(file, start, parsed.contentStart + error.pos[1]) });
    }
    return;
  }
  const result = chapterFrontmatter.safeParse(parsed.document.toJS() ?? {});
  if (result.success) return;
  for (const issue of result.error.issues as Issue[]) {
    const range = rangeOfIssue(parsed, issue);
    file.message(describe(issue), { place: rangePlace(file, range.start, range.end) });
  }
});

export default frontmatter;

/** The field an issue is about, its first unknown key, or the whole block for a missing field. */
function rangeOfIssue(parsed: ParsedFrontmatter, issue: Issue): SourceRange {
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) {
    const range = keyRange(parsed, issue.keys[0]);
    if (range) return range;
  }
  const node = issue.path.length > 0 ? yamlNodeAt(parsed, issue.path) : undefined;
  return (node && nodeRange(parsed, node)) ?? blockRange(parsed);
}

/** "title is required: …", "type: "policy" is not a known chapter type; …". */
function describe(issue: Issue): string {
  const field = issue.path.map(String).join('.');
  if (!field) return issue.message;
  return /^(is|must|needs) /.test(issue.message) ? `${field} ${issue.message}` : `${field}: ${issue.message}`;
}
