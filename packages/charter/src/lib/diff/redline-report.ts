/**
 * What `charter redline` reports, and the words its page and its job summary share: what the
 * branch is compared with, the columns of the table of changed chapters, and the notes below it.
 * A new figure is one more entry in CHAPTER_COLUMNS: each column reads what it needs from the
 * chapter, both versions' text included, and gives plain text that each format escapes its own way.
 */
import type { Translator } from '../../i18n/index.ts';
import { MIN_WORDS } from '../../lint/text/readability.ts';
import type { ChangedChapter, ChapterChangeKind } from './changed-chapters.ts';
import { NO_SCORE_MARKS, readingChangeText, readingsShown, type ReadabilityChange } from './redline-readability.ts';

/** A changed chapter as reported: with its reading ease when the handbook is in English. */
export interface ReportedChapter extends ChangedChapter {
  readability?: ReadabilityChange;
}

export interface RedlineReport {
  /** The ref named on the command line (or found: main, origin/main). */
  ref: string;
  /** The commit compared with. */
  commit: string;
  /** Whether that commit is where the branch left the ref (else the ref's own commit: no shared history). */
  mergeBase: boolean;
  /** The changed chapters, in reading order. */
  chapters: ReportedChapter[];
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
  value: (chapter: ReportedChapter, i18n: Translator) => string;
  /** Right-aligned, as figures are. */
  numeric?: boolean;
  /** The column that names the chapter: on the page, it links to the chapter's redline. */
  names?: boolean;
  /** Whether a report has this column at all; every report has it when not given. */
  shownIn?: (report: RedlineReport) => boolean;
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

/** The chapter's reading ease before and after; empty for a chapter without figures (see below). */
function readabilityValue(chapter: ReportedChapter, i18n: Translator): string {
  const change = chapter.readability;
  return change ? readingChangeText(change.before, change.after, change.threshold, i18n) : '';
}

/**
 * Chapters carry their reading ease only when the handbook is in English (the caller decides, as
 * the rule does), so the column is there exactly then: never a column of blanks.
 */
const hasReadability = (report: RedlineReport) => report.chapters.some((chapter) => chapter.readability !== undefined);

export const CHAPTER_COLUMNS: readonly ChapterColumn[] = [
  { header: (i18n) => i18n.t('redlinePage.edition'), value: (chapter) => chapter.edition },
  { header: (i18n) => i18n.t('redlinePage.chapter'), value: (chapter) => chapter.title, names: true },
  { header: (i18n) => i18n.t('redlinePage.file'), value: fileValue },
  { header: (i18n) => i18n.t('redlinePage.change'), value: (chapter, i18n) => changeName(chapter.change, i18n) },
  { header: (i18n) => i18n.t('redlinePage.wordsAdded'), value: (chapter, i18n) => i18n.number(chapter.counts.wordsAdded), numeric: true },
  { header: (i18n) => i18n.t('redlinePage.wordsRemoved'), value: (chapter, i18n) => i18n.number(chapter.counts.wordsRemoved), numeric: true },
  { header: (i18n) => i18n.t('redlinePage.sectionsChanged'), value: (chapter, i18n) => i18n.number(chapter.counts.sectionsChanged), numeric: true },
  // Not right-aligned: the figures line up at their start, the marks after them vary in length.
  { header: (i18n) => i18n.t('redlinePage.readingEase'), value: readabilityValue, shownIn: hasReadability },
];

/** The columns a report's table has. */
export function columnsOf(report: RedlineReport, columns: readonly ChapterColumn[] = CHAPTER_COLUMNS): ChapterColumn[] {
  return columns.filter((column) => column.shownIn?.(report) ?? true);
}

/** Why a "—" has no score, each note once and only when the table or the section list shows its mark. */
export function noScoreNotes(report: RedlineReport, i18n: Translator): string[] {
  const kinds = new Set(report.chapters.flatMap((chapter) => (chapter.readability ? readingsShown(chapter.readability) : [])).map((reading) => reading.kind));
  const notes: string[] = [];
  if (kinds.has('short')) notes.push(`${NO_SCORE_MARKS.short} ${i18n.t('redlinePage.readingEaseShort', { count: i18n.number(MIN_WORDS) })}`);
  if (kinds.has('unreadable')) notes.push(`${NO_SCORE_MARKS.unreadable} ${i18n.t('redlinePage.readingEaseUnreadable')}`);
  return notes;
}

/** One line for a section that fell below its chapter's threshold, with its chapter. */
export interface SectionDropLine {
  /** The chapter's place in the report, for a link to its redline. */
  chapterIndex: number;
  text: string;
}

/**
 * The sections that fell below their threshold in this change, chapter by chapter: where a
 * reviewer should look. `Telephone (draft) › Steps: 62 → 41 ▼ below 50`.
 */
export function sectionDropLines(report: RedlineReport, i18n: Translator): SectionDropLine[] {
  return report.chapters.flatMap((chapter, chapterIndex) => {
    const change = chapter.readability;
    if (!change) return [];
    return change.drops.map((drop) => {
      const after = { kind: 'scored', score: drop.after } as const;
      const figures = readingChangeText(drop.before, after, change.threshold, i18n);
      const text = i18n.t('redlinePage.readingEaseSection', {
        chapter: chapter.title,
        edition: chapter.edition,
        section: drop.heading ?? i18n.t('redline.introduction'),
        figures: drop.newSection ? `${figures} (${i18n.t('redline.newSection')})` : figures,
      });
      return { chapterIndex, text };
    });
  });
}
