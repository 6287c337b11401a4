/**
 * Carrying a correction from the current edition into the draft: a three-way merge of the draft's
 * copy (ours), the corrected current file (theirs) and the file as the current edition was
 * released (the common base). Changes on both sides that touch the same lines are conflicts and
 * are reported, never guessed.
 */
import { diff3Merge } from 'node-diff3';

export interface CarryConflict {
  /** 1-based line in the draft file where the conflict starts. */
  draftLine: number;
  draft: string[];
  current: string[];
  base: string[];
}

export type CarryResult = { status: 'unchanged' } | { status: 'merged'; text: string } | { status: 'conflict'; conflicts: CarryConflict[] };

const lines = (text: string) => text.split('\n');

/** Merges the current edition's corrections into the draft text. */
export function carryIntoDraft(base: string, current: string, draft: string): CarryResult {
  if (current === base) return { status: 'unchanged' };
  const regions = diff3Merge(lines(draft), lines(base), lines(current), { excludeFalseConflicts: true });
  const merged: string[] = [];
  const conflicts: CarryConflict[] = [];
  for (const region of regions) {
    if (region.ok) merged.push(...region.ok);
    else if (region.conflict) {
      const c = region.conflict;
      conflicts.push({ draftLine: c.aIndex + 1, draft: c.a, current: c.b, base: c.o });
    }
  }
  if (conflicts.length > 0) return { status: 'conflict', conflicts };
  const text = merged.join('\n');
  return text === draft ? { status: 'unchanged' } : { status: 'merged', text };
}
