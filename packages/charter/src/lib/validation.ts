/**
 * The one wording of a schema's refusal, for frontmatter, data files and the site configuration:
 * "title is required: …", "type: "policy" is not a known chapter type; use one of …".
 */

/** The parts of a Zod issue the messages use. */
export interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[] | undefined;
}

/** A field and what is wrong with it, as one sentence an editor can act on. */
export function describeIssue(issue: Issue): string {
  const field = issue.path.map(String).join('.');
  if (!field) return issue.message;
  return /^(is|must|needs) /.test(issue.message) ? `${field} ${issue.message}` : `${field}: ${issue.message}`;
}
