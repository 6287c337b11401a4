/** Which chapters apply at which touchpoint, from each chapter's `touchpoints` frontmatter. */

export interface MatrixChapter {
  slug: string;
  title: string;
  touchpoints: readonly string[];
}

export interface MatrixRow<C extends MatrixChapter> {
  chapter: C;
  /** One flag per touchpoint, in the order of `touchpoints`. */
  cells: boolean[];
}

/** Rows for chapters that apply to at least one of the touchpoints (the handbook's ids, in order). */
export function buildTouchpointMatrix<C extends MatrixChapter>(chapters: readonly C[], touchpoints: readonly string[]): MatrixRow<C>[] {
  return chapters.filter((c) => c.touchpoints.length > 0).map((chapter) => ({ chapter, cells: touchpoints.map((t) => chapter.touchpoints.includes(t)) }));
}

/** How many chapters apply at each of the touchpoints. */
export function countByTouchpoint(chapters: readonly MatrixChapter[], touchpoints: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(touchpoints.map((t) => [t, 0]));
  for (const c of chapters) for (const t of c.touchpoints) if (t in counts) counts[t]! += 1;
  return counts;
}
