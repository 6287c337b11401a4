/** Which chapters apply at which touchpoint, from each chapter's `touchpoints` frontmatter. */
import { TOUCHPOINTS, type Touchpoint } from './vocabulary.ts';

export interface MatrixChapter {
  slug: string;
  title: string;
  touchpoints: readonly Touchpoint[];
}

export interface MatrixRow<C extends MatrixChapter> {
  chapter: C;
  /** One flag per touchpoint, in the order of TOUCHPOINTS. */
  cells: boolean[];
}

/** Rows for chapters that apply to at least one touchpoint, in the order given. */
export function buildTouchpointMatrix<C extends MatrixChapter>(chapters: readonly C[]): MatrixRow<C>[] {
  return chapters
    .filter((c) => c.touchpoints.length > 0)
    .map((chapter) => ({ chapter, cells: TOUCHPOINTS.map((t) => chapter.touchpoints.includes(t)) }));
}

/** How many chapters apply at each touchpoint. */
export function countByTouchpoint(chapters: readonly MatrixChapter[]): Record<Touchpoint, number> {
  const counts = Object.fromEntries(TOUCHPOINTS.map((t) => [t, 0])) as Record<Touchpoint, number>;
  for (const c of chapters) for (const t of c.touchpoints) counts[t] += 1;
  return counts;
}
