/**
 * Keeps archived editions as they were published: a chapter of an edition whose status in
 * `editions.yaml` is `archived` may not differ from the git base, unless the edition's
 * `corrections` list names the file.
 *
 * Why: an archived edition is the record of the standard staff followed at the time; changing it
 * quietly rewrites history. A real correction (a wrong phone number) is recorded in the manifest:
 *
 *     corrections:
 *       - file: procedures/telephone.mdx
 *         date: 2026-03-02
 *         note: Corrected the customer line's extension.
 *
 * How: active only when the checker has a base to compare with (`--changed`, or the `baseRef`
 * option); a file that did not exist at the base counts as a change. The message points at the
 * first line that differs.
 *
 * Options: none (see `baseRef` in the checker's options).
 *
 * @example
 *   {"name": "ok.mdx", "config": {"path": "editions/2025.1/procedures/telephone.mdx", "base": "Answer by the third ring.\n"}}
 *
 *   Answer by the third ring.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input", "config": {"path": "editions/2025.1/procedures/telephone.mdx", "base": "Answer by the third ring.\n"}}
 *
 *   Answer by the second ring.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output", "config": {"path": "editions/2025.1/procedures/telephone.mdx", "base": "Answer by the third ring.\n"}}
 *
 *   1:1-1:27: Unexpected change to archived edition 2025.1 (this file differs from the base), expected no change or a correction for "procedures/telephone.mdx" in editions.yaml
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { contextOf } from '../file-context.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';

const archivedFrozen = lintRule<Root>({ origin: 'handbook:archived-frozen' }, (_tree, file) => {
  const context = contextOf(file);
  const { editionEntry, chapterFile, baseSource } = context;
  if (editionEntry?.status !== 'archived' || !chapterFile || baseSource === undefined) return;
  const source = String(file.value);
  if (source === baseSource) return;
  if (editionEntry.corrections?.some((correction) => correction.file === chapterFile)) return;
  const line = firstDifferentLine(source, baseSource ?? '');
  const change = baseSource === null ? `this file is new since ${context.baseLabel}` : `this file differs from ${context.baseLabel}`;
  file.message(
    `Unexpected change to archived edition ${editionEntry.id} (${change}), expected no change or a correction for "${chapterFile}" in editions.yaml`,
    { place: { start: { line, column: 1 }, end: { line, column: (source.split('\n')[line - 1] ?? '').length + 1 } } },
  );
});

export default archivedFrozen;

function firstDifferentLine(source: string, base: string): number {
  const now = source.split('\n');
  const before = base.split('\n');
  const index = now.findIndex((line, i) => line !== before[i]);
  return index === -1 ? Math.max(1, now.length) : index + 1;
}
