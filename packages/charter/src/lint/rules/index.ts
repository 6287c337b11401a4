/**
 * Every rule of the checker, in the order they run. Each module is one rule created with
 * unified-lint-rule (the prose module holds two retext-based ones) and exports its default
 * severity; its doc comment is the rule's documentation and carries its tested examples.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified-lint-rule';
import type { RuleSeverity } from '../types.ts';
import archivedFrozen, { severity as archivedFrozenSeverity } from './archived-frozen.ts';
import carryPending, { severity as carryPendingSeverity } from './carry-pending.ts';
import { severity as frontmatterSeverity } from './frontmatter.ts';
import headingStyle, { severity as headingStyleSeverity } from './heading-style.ts';
import lintComments, { severity as lintCommentsSeverity } from './lint-comments.ts';
import { severity as linksSeverity } from './links.ts';
import { severity as mdxSafetySeverity } from './mdx-safety.ts';
import { severity as contentLimitsSeverity } from './content-limits.ts';
import { severity as chapterFilesSeverity } from './chapter-files.ts';
import { RULE_ID as MDX_SYNTAX, severity as mdxSyntaxSeverity } from './mdx-syntax.ts';
import phrasesToAvoid, { severity as phrasesToAvoidSeverity } from './phrases-to-avoid.ts';
import procedureStructure, { severity as procedureStructureSeverity } from './procedure-structure.ts';
import { equality, repeatedWords, severity as proseSeverity } from './prose.ts';
import reviewDue, { severity as reviewDueSeverity } from './review-due.ts';
import spellingVariant, { severity as spellingVariantSeverity } from './spelling-variant.ts';
import terminology, { severity as terminologySeverity } from './terminology.ts';
import noUndefinedReferences, { severity as noUndefinedReferencesSeverity } from './no-undefined-references.ts';
import noUnusedDefinitions, { severity as noUnusedDefinitionsSeverity } from './no-unused-definitions.ts';
import noDuplicateDefinitions, { severity as noDuplicateDefinitionsSeverity } from './no-duplicate-definitions.ts';
import noEmphasisAsHeading, { severity as noEmphasisAsHeadingSeverity } from './no-emphasis-as-heading.ts';
import noDuplicateHeadingsInSection, { severity as noDuplicateHeadingsInSectionSeverity } from './no-duplicate-headings-in-section.ts';
import noEmptyUrl, { severity as noEmptyUrlSeverity } from './no-empty-url.ts';
import headingIncrement, { severity as headingIncrementSeverity } from './heading-increment.ts';
import readability, { severity as readabilitySeverity } from './readability.ts';
import standardConsistency, { severity as standardConsistencySeverity } from './standard-consistency.ts';

export interface RuleModule {
  /** The id in messages and lint comments, e.g. `terminology` or `repeated-words`. */
  id: string;
  /** The id in reports: the same, or `prose:<id>` for prose suggestions. */
  reportId: string;
  /** The source file (below src/lint/rules) whose doc comment documents the rule. */
  docFile: string;
  severity: RuleSeverity;
  /** The unified plugin; undefined for the checks the build's gate makes (src/gate/). */
  plugin: Plugin<Root, unknown> | undefined;
  /**
   * The rule reads what differs between files with the same text: the edition, its status, the
   * chapter's place (its path, in the context or on the file) or the git base. Every other rule
   * reads only the tree, the text and the run's settings, and runs once for all the files of one
   * text (see shared-rules.ts).
   */
  perFile: boolean;
}

/** The rules that read a file's own context (see RuleModule.perFile). */
// readability and no-undefined-references take options per folder (ruleOptions).
// standard-consistency reads the standards of the file's edition.
const PER_FILE_RULES: ReadonlySet<string> = new Set([
  'review-due',
  'archived-frozen',
  'carry-pending',
  'readability',
  'no-undefined-references',
  'standard-consistency',
]);

const rule = (id: string, docFile: string, severity: RuleSeverity, plugin: RuleModule['plugin'], prefix = ''): RuleModule => ({
  id,
  reportId: `${prefix}${id}`,
  docFile,
  severity,
  plugin,
  perFile: PER_FILE_RULES.has(id),
});

/** The rules that check a parsed chapter, in running order. */
export const RULES: readonly RuleModule[] = [
  rule('procedure-structure', 'procedure-structure.ts', procedureStructureSeverity, procedureStructure as RuleModule['plugin']),
  rule('phrases-to-avoid', 'phrases-to-avoid.ts', phrasesToAvoidSeverity, phrasesToAvoid as RuleModule['plugin']),
  rule('terminology', 'terminology.ts', terminologySeverity, terminology as RuleModule['plugin']),
  rule('spelling-variant', 'spelling-variant.ts', spellingVariantSeverity, spellingVariant as RuleModule['plugin']),
  rule('heading-style', 'heading-style.ts', headingStyleSeverity, headingStyle as RuleModule['plugin']),
  rule('review-due', 'review-due.ts', reviewDueSeverity, reviewDue as RuleModule['plugin']),
  rule('archived-frozen', 'archived-frozen.ts', archivedFrozenSeverity, archivedFrozen as RuleModule['plugin']),
  rule('carry-pending', 'carry-pending.ts', carryPendingSeverity, carryPending as RuleModule['plugin']),
  rule('standard-consistency', 'standard-consistency.ts', standardConsistencySeverity, standardConsistency as RuleModule['plugin']),
  rule('no-undefined-references', 'no-undefined-references.ts', noUndefinedReferencesSeverity, noUndefinedReferences as RuleModule['plugin']),
  rule('no-unused-definitions', 'no-unused-definitions.ts', noUnusedDefinitionsSeverity, noUnusedDefinitions as RuleModule['plugin']),
  rule('no-duplicate-definitions', 'no-duplicate-definitions.ts', noDuplicateDefinitionsSeverity, noDuplicateDefinitions as RuleModule['plugin']),
  rule('no-emphasis-as-heading', 'no-emphasis-as-heading.ts', noEmphasisAsHeadingSeverity, noEmphasisAsHeading as RuleModule['plugin']),
  rule(
    'no-duplicate-headings-in-section',
    'no-duplicate-headings-in-section.ts',
    noDuplicateHeadingsInSectionSeverity,
    noDuplicateHeadingsInSection as RuleModule['plugin'],
  ),
  rule('no-empty-url', 'no-empty-url.ts', noEmptyUrlSeverity, noEmptyUrl as RuleModule['plugin']),
  rule('heading-increment', 'heading-increment.ts', headingIncrementSeverity, headingIncrement as RuleModule['plugin']),
  rule('readability', 'readability.ts', readabilitySeverity, readability as RuleModule['plugin']),
  rule('repeated-words', 'prose.ts', proseSeverity, repeatedWords as RuleModule['plugin'], 'prose:'),
  rule('equality', 'prose.ts', proseSeverity, equality as RuleModule['plugin'], 'prose:'),
];

/** Checks the lint comments themselves; runs after message control so it cannot be silenced. */
export const LINT_COMMENTS_RULE = rule('lint-comments', 'lint-comments.ts', lintCommentsSeverity, lintComments as RuleModule['plugin']);

/** The parser's own check, reported when a file does not parse. */
export const MDX_SYNTAX_RULE = rule(MDX_SYNTAX, 'mdx-syntax.ts', mdxSyntaxSeverity, undefined);

/**
 * The build's gate (src/gate/), run before the rules on the text the compiler receives. No lint
 * comment, option or rule selection turns these off; a comment that tries is an error.
 */
export const GATE_RULES: readonly RuleModule[] = [
  MDX_SYNTAX_RULE,
  rule('content-limits', 'content-limits.ts', contentLimitsSeverity, undefined),
  rule('frontmatter', 'frontmatter.ts', frontmatterSeverity, undefined),
  rule('mdx-safety', 'mdx-safety.ts', mdxSafetySeverity, undefined),
  rule('chapter-files', 'chapter-files.ts', chapterFilesSeverity, undefined),
  rule('links', 'links.ts', linksSeverity, undefined),
];

/** Every rule, for the catalog and the doc-example tests. */
export const ALL_RULES: readonly RuleModule[] = [...GATE_RULES, ...RULES, LINT_COMMENTS_RULE];

/** Rule ids a lint comment may name. */
export const CONTROLLABLE_RULE_IDS: readonly string[] = [...RULES, LINT_COMMENTS_RULE].map((r) => r.id);
