/**
 * The job summary of `charter redline`: Markdown for GitHub's `$GITHUB_STEP_SUMMARY`, a table of
 * the changed chapters. Chapter titles are the authors' words, so everything Markdown or HTML would
 * read as markup is escaped: a title with `|` must not split its row, nor one with `<` open a tag.
 */
import type { Translator } from '../../i18n/index.ts';
import {
  CHAPTER_COLUMNS,
  columnsOf,
  comparedWith,
  countSentence,
  noScoreNotes,
  sectionDropLines,
  type ChapterColumn,
  type RedlineReport,
} from './redline-report.ts';

/** The characters that start markup in a GitHub Markdown table cell; a backslash makes each plain. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&!#$]/g;

/** Text as Markdown that shows exactly that text, on one line. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The table: a header row, the alignment row (figures to the right), a row per chapter. */
export function markdownTable(report: RedlineReport, i18n: Translator, allColumns: readonly ChapterColumn[] = CHAPTER_COLUMNS): string[] {
  const columns = columnsOf(report, allColumns);
  return [
    tableRow(columns.map((column) => markdownText(column.header(i18n)))),
    tableRow(columns.map((column) => (column.numeric ? '---:' : '---'))),
    ...report.chapters.map((chapter) => tableRow(columns.map((column) => markdownText(column.value(chapter, i18n))))),
  ];
}

/**
 * What the table's readability figures need below it: why a "—" has no score (a paragraph each, as
 * lines in one paragraph would run together), then the sections that fell below their threshold.
 */
function readabilityNotes(report: RedlineReport, i18n: Translator): string[] {
  const lines = noScoreNotes(report, i18n).flatMap((note) => ['', markdownText(note)]);
  const drops = sectionDropLines(report, i18n);
  if (drops.length > 0) {
    lines.push('', `### ${markdownText(i18n.t('redlinePage.readingEaseDrops'))}`, '', ...drops.map((drop) => `- ${markdownText(drop.text)}`));
  }
  return lines;
}

/** The summary: a heading naming the base, what was compared, and the table when any chapter changed. */
export function redlineSummary(report: RedlineReport, i18n: Translator): string {
  const lines = [
    `## ${markdownText(i18n.t('redlinePage.title', { ref: report.ref }))}`,
    '',
    markdownText(`${comparedWith(report, i18n)} ${countSentence(report, i18n)}`),
  ];
  if (report.chapters.length > 0) lines.push('', ...markdownTable(report, i18n), ...readabilityNotes(report, i18n));
  return `${lines.join('\n')}\n`;
}
