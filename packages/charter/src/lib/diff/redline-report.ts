/**
 * What `charter redline` reports, and the words its page and its job summary share: what the
 * branch is compared with, and the columns of the table of changed chapters. A new figure (the
 * readability score before and after, say) is one more entry in CHAPTER_COLUMNS: each column reads
 * what it needs from the chapter, both versions' text included, and gives plain text that each
 * format escapes its own way.
 */
import type { Translator } from '../../i18n/index.ts';
import type { ChangedChapter, ChapterChangeKind } from './changed-chapters.ts';

export interface RedlineReport {
  /** The ref named on the command line (or found: main, origin/main). */
  ref: string;
  /** The commit compared with. */
  commit: string;
  /** Whether that commit is where the branch left the ref (else the ref's own commit: no shared history). */
  mergeBase: boolean;
  /** The changed chapters, in reading order. */
  chapters: ChangedChapter[];
}

/** The commit as people quote it: its first twelve characters. */
export const shortCommit = (commit: string) => commit.slice(0, 12);

/** What the branch is compared with, as a sentence. */
export function comparedWith(report: RedlineReport, i18n: Translator): string {
  const values = { ref: report.ref, commit: shortCommit(report.commit) };
  return report.mergeBase ? i18n.t('redlinePage.comparedMergeBase', values) : i18n.t('redlinePage.comparedCommit', values);
}

/** How many chapters changed, as a sentence; "No chapter changed." for none. */
export function countSentence(report: RedlineReport, i18n: Translator): string {
  const count = report.chapters.length;
  return count === 0 ? i18n.t('changes.noChange') : i18n.t('redlinePage.count', { count });
}

export interface ChapterColumn {
  header: (i18n: Translator) => string;
  /** The cell, as plain text. */
  value: (chapter: ChangedChapter, i18n: Translator) => string;
  /** Right-aligned, as figures are. */
  numeric?: boolean;
  /** The column that names the chapter: on the page, it links to the chapter's redline. */
  names?: boolean;
}

const CHANGE_KEYS = { added: 'changes.added', removed: 'changes.removed', changed: 'changes.changed', renamed: 'changes.renamed' } as const;

/** The change in the handbook's words: Added, Removed, Changed or Renamed. */
export function changeName(change: ChapterChangeKind, i18n: Translator): string {
  return i18n.t(CHANGE_KEYS[change]);
}

/** A renamed chapter's old place, with its edition when it moved between editions. */
export function previousPlace(chapter: ChangedChapter): string | undefined {
  const previous = chapter.previous;
  if (!previous) return undefined;
  return previous.edition === chapter.edition ? previous.path : `${previous.edition}/${previous.path}`;
}

function fileValue(chapter: ChangedChapter, i18n: Translator): string {
  const from = previousPlace(chapter);
  return from === undefined ? chapter.path : `${chapter.path}, ${i18n.t('redlinePage.movedFrom', { path: from })}`;
}

export const CHAPTER_COLUMNS: readonly ChapterColumn[] = [
  { header: (i18n) => i18n.t('redlinePage.edition'), value: (chapter) => chapter.edition },
  { header: (i18n) => i18n.t('redlinePage.chapter'), value: (chapter) => chapter.title, names: true },
  { header: (i18n) => i18n.t('redlinePage.file'), value: fileValue },
  { header: (i18n) => i18n.t('redlinePage.change'), value: (chapter, i18n) => changeName(chapter.change, i18n) },
  { header: (i18n) => i18n.t('redlinePage.wordsAdded'), value: (chapter, i18n) => i18n.number(chapter.counts.wordsAdded), numeric: true },
  { header: (i18n) => i18n.t('redlinePage.wordsRemoved'), value: (chapter, i18n) => i18n.number(chapter.counts.wordsRemoved), numeric: true },
  { header: (i18n) => i18n.t('redlinePage.sectionsChanged'), value: (chapter, i18n) => i18n.number(chapter.counts.sectionsChanged), numeric: true },
];
