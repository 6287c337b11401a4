/**
 * The checker's rule ids by what may be done with them, in a module of their own so that the
 * config schema can name them without loading the rules.
 */

/** The rules the build refuses under: no lint comment or config turns them down. */
export const BUILD_RULE_IDS = ['mdx-syntax', 'mdx-safety', 'content-limits', 'frontmatter', 'chapter-files', 'links'] as const;

/** The rules a config may turn off or set to a level (rules/index.ts checks that this list is theirs). */
export const CONFIGURABLE_RULE_IDS: readonly string[] = [
  'procedure-structure',
  'phrases-to-avoid',
  'terminology',
  'spelling-variant',
  'heading-style',
  'review-due',
  'archived-frozen',
  'carry-pending',
  'standard-consistency',
  'no-undefined-references',
  'no-unused-definitions',
  'no-duplicate-definitions',
  'no-emphasis-as-heading',
  'no-duplicate-headings-in-section',
  'no-empty-url',
  'heading-increment',
  'readability',
  'repeated-words',
  'equality',
];
