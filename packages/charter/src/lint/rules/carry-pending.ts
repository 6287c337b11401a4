/**
 * Reminds editors to carry a correction into the draft: a chapter of the current edition that
 * changed since the git base, while the draft's copy still lacks that change.
 *
 * Why: each edition is a full copy, so a fix made only to the current edition would be lost when
 * the draft is released. `npm run carry -- <chapter>` merges it into the draft.
 *
 * How: active only with a base to compare with (`--changed`, or the `baseRef` option). The change
 * counts as carried when a three-way merge of the draft with it would change nothing.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx", "config": {"path": "editions/2026.1/skills/listening.mdx", "base": "Listen first.\n"}}
 *
 *   Listen first.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input", "config": {"path": "editions/2026.1/skills/listening.mdx", "base": "Listen first.\n"}}
 *
 *   Listen first, then answer.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output", "config": {"path": "editions/2026.1/skills/listening.mdx", "base": "Listen first.\n"}}
 *
 *   1:1-1:27: Unexpected change to the current edition only, expected the same change in the draft: run npm run carry -- skills/listening.mdx
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { carryIntoDraft } from '../../lib/carry.ts';
import { contextOf } from '../file-context.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

const carryPending = lintRule<Root>({ origin: 'handbook:carry-pending' }, (_tree, file) => {
  const { editionEntry, chapterFile, baseSource, draftSource } = contextOf(file);
  if (editionEntry?.status !== 'current' || !chapterFile || typeof baseSource !== 'string' || typeof draftSource !== 'string') return;
  const source = String(file.value);
  if (source === baseSource) return;
  if (carryIntoDraft(baseSource, source, draftSource).status === 'unchanged') return;
  const now = source.split('\n');
  const before = baseSource.split('\n');
  const index = now.findIndex((line, i) => line !== before[i]);
  const line = index === -1 ? Math.max(1, now.length) : index + 1;
  file.message(`Unexpected change to the current edition only, expected the same change in the draft: run npm run carry -- ${chapterFile}`, {
    place: { start: { line, column: 1 }, end: { line, column: (now[line - 1] ?? '').length + 1 } },
  });
});

export default carryPending;
