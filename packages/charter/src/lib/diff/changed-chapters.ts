/**
 * The chapters a branch changed, each with its redline: what `charter redline` shows for a pull
 * request. Unlike the "what changed" pages, which compare two editions of the site, this compares
 * two versions of the same files, so a rename is what git saw as one, not a `redirectFrom`.
 */
import { frontmatterData } from '../content-files.ts';
import { splitFrontmatter, textAfterFrontmatter } from '../frontmatter.ts';
import type { ChapterFormat } from '../chapter-files.ts';
import { chapterSections, plainTextSections, type TextSection } from './chapter-text.ts';
import { diffSections, redlineCounts, type RedlineCounts, type SectionDiff } from './redline.ts';

export type ChapterChangeKind = 'added' | 'removed' | 'changed' | 'renamed';

/** One version of a chapter file. */
export interface ChapterVersion {
  /** The edition folder it is in (`draft`, `2026.1`). */
  edition: string;
  /** Its path below the edition folder (`procedures/telephone.mdx`). */
  path: string;
  source: string;
  format: ChapterFormat;
}

/** A version that could not be parsed, and why: its redline is then a plain text comparison. */
export interface UnreadableVersion {
  side: 'before' | 'after';
  format: ChapterFormat;
  reason: string;
}

export interface ChangedChapter {
  change: ChapterChangeKind;
  /** Where the chapter is now; for a removed one, where it was. */
  edition: string;
  path: string;
  /** A renamed chapter's place before. */
  previous?: { edition: string; path: string };
  /** The frontmatter's title (the file's path when it has none). */
  title: string;
  /** Set when the title changed. */
  previousTitle?: string;
  /** Both versions, kept for figures computed from the text (the summary's reading ease). */
  before?: ChapterVersion;
  after?: ChapterVersion;
  sections: SectionDiff[];
  counts: RedlineCounts;
  /** Versions that could not be parsed; empty when both were. */
  unreadable: UnreadableVersion[];
}

/** The frontmatter's title, or the path when there is none to read. */
export function chapterTitle(version: ChapterVersion): string {
  const title = frontmatterData(version.source)['title'];
  return typeof title === 'string' && title.trim() ? title.trim() : version.path;
}

/** The first line of a parser's complaint, with its line number when it has one. */
function reasonOf(error: unknown): string {
  const { message, line } = error as { message?: unknown; line?: unknown };
  const first = String(message ?? error)
    .split('\n')[0]!
    .trim();
  return typeof line === 'number' ? `line ${line}: ${first}` : first;
}

type Reading = { sections: TextSection[] } | { unreadable: UnreadableVersion };

/**
 * A version's readable sections: the body only, as a new review date alone is no change to the
 * text. The frontmatter is blanked rather than cut, so a parser's complaint names the file's line.
 */
function read(version: ChapterVersion | undefined, side: UnreadableVersion['side']): Reading {
  if (!version) return { sections: [] };
  try {
    return { sections: chapterSections(splitFrontmatter(version.source).body, version.format) };
  } catch (error) {
    return { unreadable: { side, format: version.format, reason: reasonOf(error) } };
  }
}

/**
 * The redline between two versions of a chapter. When either cannot be parsed, both are compared
 * as plain text, so the change is shown like for like and never left out.
 */
export function redlineVersions(
  before: ChapterVersion | undefined,
  after: ChapterVersion | undefined,
): { sections: SectionDiff[]; unreadable: UnreadableVersion[] } {
  const old = read(before, 'before');
  const now = read(after, 'after');
  if ('sections' in old && 'sections' in now) return { sections: diffSections(old.sections, now.sections), unreadable: [] };
  const plain = (version: ChapterVersion | undefined) => plainTextSections(version ? textAfterFrontmatter(version.source) : '');
  const unreadable = [old, now].flatMap((reading) => ('unreadable' in reading ? [reading.unreadable] : []));
  return { sections: diffSections(plain(before), plain(after)), unreadable };
}

function changeKind(before: ChapterVersion | undefined, after: ChapterVersion | undefined): ChapterChangeKind {
  if (!before) return 'added';
  if (!after) return 'removed';
  return before.edition === after.edition && before.path === after.path ? 'changed' : 'renamed';
}

/** A changed chapter from its version before and after; at least one must be given. */
export function compareChapter(before: ChapterVersion | undefined, after: ChapterVersion | undefined): ChangedChapter {
  const current = after ?? before;
  if (!current) throw new Error('compareChapter needs a version of the chapter.');
  const change = changeKind(before, after);
  const { sections, unreadable } = redlineVersions(before, after);
  const chapter: ChangedChapter = {
    change,
    edition: current.edition,
    path: current.path,
    title: chapterTitle(current),
    sections,
    counts: redlineCounts(sections),
    unreadable,
  };
  if (before) chapter.before = before;
  if (after) chapter.after = after;
  if (change === 'renamed') chapter.previous = { edition: before!.edition, path: before!.path };
  if (before && after && chapterTitle(before) !== chapter.title) chapter.previousTitle = chapterTitle(before);
  return chapter;
}

/** Chapters in the order a reviewer reads them: by edition, then by path. */
export function byPlace(a: ChangedChapter, b: ChangedChapter): number {
  return a.edition.localeCompare(b.edition, 'en') || a.path.localeCompare(b.path, 'en');
}
