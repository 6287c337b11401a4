/**
 * What changed between two editions: chapters added, removed, renamed (via `redirectFrom`) and
 * changed, with a redline for each changed or renamed chapter.
 */
import { redlineChapter, type SectionDiff } from './redline.ts';
import { textAfterFrontmatter } from '../frontmatter.ts';
import type { ChapterFormat } from '../chapter-files.ts';

export interface ComparableChapter {
  slug: string;
  title: string;
  redirectFrom: readonly string[];
  /** The chapter's source. */
  source: string;
  /** How the source is written; MDX when not given. */
  format?: ChapterFormat;
}

export interface ChapterChange {
  slug: string;
  title: string;
  /** Set when the chapter moved: its path in the older edition. */
  previousSlug?: string;
  previousTitle?: string;
  sections: SectionDiff[];
}

export interface EditionComparison {
  added: { slug: string; title: string }[];
  removed: { slug: string; title: string }[];
  renamed: ChapterChange[];
  changed: ChapterChange[];
  unchanged: number;
}

/** The source without its frontmatter, so a new review date alone is not a change to the text. */
function bodyOf(source: string): string {
  return textAfterFrontmatter(source);
}

export function compareEditions(before: readonly ComparableChapter[], after: readonly ComparableChapter[]): EditionComparison {
  const old = new Map(before.map((c) => [c.slug, c]));
  const matched = new Set<string>();
  const result: EditionComparison = { added: [], removed: [], renamed: [], changed: [], unchanged: 0 };
  const byTitle = (x: { title: string }, y: { title: string }) => x.title.localeCompare(y.title, 'en');

  for (const chapter of after) {
    const same = old.get(chapter.slug);
    const previous = same ?? chapter.redirectFrom.map((s) => old.get(s)).find((c) => c && !after.some((a) => a.slug === c.slug));
    if (!previous) {
      result.added.push({ slug: chapter.slug, title: chapter.title });
      continue;
    }
    matched.add(previous.slug);
    const textChanged = bodyOf(previous.source) !== bodyOf(chapter.source) || previous.title !== chapter.title;
    // Only chapters whose text differs are parsed: at thousands of chapters, most are unchanged.
    const sections = textChanged ? redlineChapter(bodyOf(previous.source), bodyOf(chapter.source), { before: previous.format, after: chapter.format }) : [];
    const change: ChapterChange = { slug: chapter.slug, title: chapter.title, sections };
    if (previous.title !== chapter.title) change.previousTitle = previous.title;
    if (previous.slug !== chapter.slug) {
      result.renamed.push({ ...change, previousSlug: previous.slug });
    } else if (textChanged) {
      result.changed.push(change);
    } else {
      result.unchanged += 1;
    }
  }
  for (const chapter of before) {
    if (!matched.has(chapter.slug)) result.removed.push({ slug: chapter.slug, title: chapter.title });
  }
  result.added.sort(byTitle);
  result.removed.sort(byTitle);
  result.renamed.sort(byTitle);
  result.changed.sort(byTitle);
  return result;
}
