/**
 * Warns when a chapter's review has run out: `reviewed` plus `reviewEvery` months (12 by default)
 * lies before today.
 *
 * Why: a service standard nobody has checked for a year may no longer be what we do. The warning
 * asks the owner to re-read the chapter and, if it is still right, set `reviewed` to that day.
 *
 * How: dates come from the frontmatter; months are added the way the site's review page does
 * (src/lib/review.ts). "Today" is the real date, or CHARTER_TODAY=YYYY-MM-DD (or the checker's
 * `today` option) to pin it. Archived editions are frozen and never reviewed, so they are skipped.
 * The message sits on the `reviewed` line.
 *
 * Options: none (see `today` in the checker's options).
 *
 * @example
 *   {"name": "ok.mdx", "config": {"today": "2026-06-01"}}
 *
 *   ---
 *   reviewed: 2026-01-12
 *   reviewEvery: 12
 *   ---
 *
 * @example
 *   {"name": "bad.mdx", "label": "input", "config": {"today": "2026-06-01"}}
 *
 *   ---
 *   reviewed: 2025-01-12
 *   reviewEvery: 12
 *   ---
 *
 * @example
 *   {"name": "bad.mdx", "label": "output", "config": {"today": "2026-06-01"}}
 *
 *   2:11-2:21: Unexpected review date 2025-01-12, expected a review by 2026-01-12 (every 12 months); re-read the chapter and update reviewed
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { isoDate, reviewState } from '../../lib/review.ts';
import { contextOf } from '../file-context.ts';
import { nodeRange, readFrontmatter, yamlNodeAt } from '../frontmatter.ts';
import { rangePlace } from '../positions.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

const reviewDue = lintRule<Root>({ origin: 'handbook:review-due' }, (tree, file) => {
  const context = contextOf(file);
  if (context.editionEntry?.status === 'archived') return;
  const frontmatter = readFrontmatter(tree, String(file.value));
  const reviewed = toDate(frontmatter.data?.['reviewed']);
  const every = frontmatter.data?.['reviewEvery'] ?? 12;
  // A missing or malformed date or period is the frontmatter rule's to report.
  if (!reviewed || typeof every !== 'number' || !Number.isInteger(every) || every < 1) return;
  const state = reviewState(reviewed, every, context.today);
  if (state.status !== 'overdue') return;
  const node = yamlNodeAt(frontmatter, ['reviewed']);
  const range = node && nodeRange(frontmatter, node);
  file.message(
    `Unexpected review date ${isoDate(reviewed)}, expected a review by ${isoDate(state.due)} (every ${every} months); re-read the chapter and update reviewed`,
    { place: range ? rangePlace(file, range.start, range.end) : { line: 1, column: 1 } },
  );
});

export default reviewDue;

function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
