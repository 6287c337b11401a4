/**
 * What changed between two editions: chapters added, removed, renamed (via `redirectFrom`) and
 * changed, with a redline for each changed or renamed chapter.
 */
import { redlineChapter, type SectionDiff } from './redline.ts';
import { frontmatterStandardsDiffer, markWithOverride, type ChangeMark, type ChapterText } from './material.ts';
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
  /** The whole file, frontmatter included, for the material-or-correction mark; `source` when not given. */
  text?: string;
}

/** The editor's marks from editions.yaml (`changeMarks`), by the chapter's path in the newer edition. */
export type ChangeMarkOverrides = Readonly<Record<string, ChangeMark>>;

export interface ChapterChange {
  slug: string;
  title: string;
  /** Set when the chapter moved: its path in the older edition. */
  previousSlug?: string;
  previousTitle?: string;
  sections: SectionDiff[];
  /** Whether staff must confirm having read it again (lib/diff/material.ts). */
  mark: ChangeMark;
}

export interface EditionComparison {
  added: { slug: string; title: string; mark: ChangeMark }[];
  removed: { slug: string; title: string }[];
  renamed: ChapterChange[];
  changed: ChapterChange[];
  unchanged: number;
}

/** The source without its frontmatter, so a new review date alone is not a change to the text. */
function bodyOf(source: string): string {
  return textAfterFrontmatter(source);
}

const textOf = (chapter: ComparableChapter): ChapterText => ({ source: chapter.text ?? chapter.source, format: chapter.format ?? 'mdx' });

export function compareEditions(
  before: readonly ComparableChapter[],
  after: readonly ComparableChapter[],
  overrides: ChangeMarkOverrides = {},
): EditionComparison {
  const old = new Map(before.map((c) => [c.slug, c]));
  const matched = new Set<string>();
  const result: EditionComparison = { added: [], removed: [], renamed: [], changed: [], unchanged: 0 };
  const byTitle = (x: { title: string }, y: { title: string }) => x.title.localeCompare(y.title, 'en');

  for (const chapter of after) {
    const same = old.get(chapter.slug);
    const previous = same ?? chapter.redirectFrom.map((s) => old.get(s)).find((c) => c && !after.some((a) => a.slug === c.slug));
    if (!previous) {
      result.added.push({ slug: chapter.slug, title: chapter.title, mark: markWithOverride(undefined, textOf(chapter), overrides[chapter.slug]) });
      continue;
    }
    matched.add(previous.slug);
    const textChanged =
      bodyOf(previous.source) !== bodyOf(chapter.source) ||
      previous.title !== chapter.title ||
      (previous.text !== undefined && chapter.text !== undefined && frontmatterStandardsDiffer(previous.text, chapter.text));
    // Only chapters whose text differs are parsed: at thousands of chapters, most are unchanged.
    const sections = textChanged ? redlineChapter(bodyOf(previous.source), bodyOf(chapter.source), { before: previous.format, after: chapter.format }) : [];
    // A chapter that only moved is a correction unless the editor says otherwise: its text is the same.
    const mark = textChanged ? markWithOverride(textOf(previous), textOf(chapter), overrides[chapter.slug]) : (overrides[chapter.slug] ?? 'correction');
    const change: ChapterChange = { slug: chapter.slug, title: chapter.title, sections, mark };
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

/** The chapters an edition's `changeMarks` names that did not change in it (a mark there would do nothing). */
export function strayChangeMarks(overrides: ChangeMarkOverrides, comparison: EditionComparison): string[] {
  const changed = new Set([...comparison.added, ...comparison.renamed, ...comparison.changed].map((c) => c.slug));
  return Object.keys(overrides).filter((slug) => !changed.has(slug));
}
