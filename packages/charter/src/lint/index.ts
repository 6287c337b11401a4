/**
 * The wording checker's API, for the CLI (scripts/lint-content.ts), the dev server, the release
 * script and the House style page.
 *
 * - `checkFiles(paths, options)`: check chapters on disk (files or folders; the whole content tree
 *   when `paths` is empty).
 * - `checkSource(source, filePath, options)`: check text in memory as if it were `filePath`.
 * - `fixFiles(paths, options)`: apply terminology and spelling suggestions, then re-check.
 * - `ruleCatalog`: every rule's id, severity, summary and examples, from the rules' doc comments.
 */
import { buildRuleCatalog, type RuleCatalogEntry } from './rule-docs.ts';

export { checkFiles, checkSource, UsageError } from './check.ts';
export { fixFiles, FIXABLE_RULES, type FixResult } from './fix.ts';
export { ALLOWED_COMPONENTS } from './allowed-components.ts';
export type { CheckOptions, LintMessage, RuleSeverity, Severity } from './types.ts';
export type { RuleCatalogEntry } from './rule-docs.ts';

export const ruleCatalog: readonly RuleCatalogEntry[] = buildRuleCatalog();
