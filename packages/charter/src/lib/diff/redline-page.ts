/**
 * The page `charter redline` writes: one self-contained HTML file with the redline of every chapter
 * a branch changed, for a reviewer to open from a pull request's artifacts. Its styles are inline
 * and allowed by their hash alone; it has no script and asks for nothing from the network, so it
 * is safe to open from anywhere, whatever the chapters say.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Translator } from '../../i18n/index.ts';
import type { ChangedChapter, UnreadableVersion } from './changed-chapters.ts';
import { escapeHtml, redlineHtml, redlineLabels } from './redline-html.ts';
import {
  changeName,
  columnsOf,
  comparedWith,
  countSentence,
  noScoreNotes,
  previousPlace,
  sectionDropLines,
  shortCommit,
  type RedlineReport,
} from './redline-report.ts';

export interface RedlinePageOptions {
  /** The handbook's language, as a BCP 47 tag. */
  lang: string;
  /** The handbook's name, from the config. */
  siteTitle?: string | undefined;
  /** The page's whole stylesheet (see redlinePageStyles). */
  styles: string;
}

/** The page's own layout; the redline's styles and the theme's colours come from the site's sheets. */
const PAGE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: var(--surface); color: var(--text); font-family: var(--font-sans); font-size: 1.0625rem; line-height: 1.65; }
.site-header { border-bottom: 1px solid var(--border); padding: 0.75rem 1rem; }
.site-header p { margin: 0 auto; max-width: 58rem; font-weight: 600; }
main { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1rem 3rem; }
h1, h2, h3 { line-height: 1.25; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.lede { color: var(--text-muted); font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--border); text-align: start; vertical-align: top; overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--border-strong); }
tbody th { font-weight: 600; }
.number { text-align: end; font-variant-numeric: tabular-nums; }
code { font-family: var(--font-mono); font-size: 0.9em; overflow-wrap: anywhere; }
.chapter-change { margin-block: 1.5rem; padding: 1rem 1.25rem; border: 1px solid var(--border); border-radius: 0.6rem; }
.chapter-change > h2 { margin-top: 0; }
.where { color: var(--text-muted); font-size: 0.95rem; }
.note { border-inline-start: 4px solid var(--note); background: var(--note-bg); padding: 0.5rem 0.75rem; }
.quiet { color: var(--text-muted); }
@media print {
  :root { color-scheme: light; }
  body { font-size: 11pt; line-height: 1.45; background: #fff; color: #000; }
  .site-header { padding: 0 0 0.5rem; }
  .site-header p { max-width: none; }
  main { max-width: none; padding: 0; }
  a, a:visited { color: #000; }
  .lede, .where, .quiet { color: #333; }
  .chapter-change { border: none; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

/** The first `:root { … }` block of a stylesheet: the theme's colour and font variables. */
export function rootBlock(css: string): string {
  const block = /:root\s*\{[^}]*\}/.exec(css)?.[0];
  if (!block) throw new Error("The engine's stylesheet has no :root block of theme variables.");
  return block;
}

/**
 * The page's stylesheet: the site's theme variables (light and dark, from the system setting), the
 * redline's own sheet, which the site's "what changed" pages use too, and the page's layout. Read
 * from the files beside the code, in src/ as in dist/.
 */
export function redlinePageStyles(): string {
  const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
  return [rootBlock(read('../../styles/global.css')), read('../../styles/redline.css'), PAGE_CSS].join('\n');
}

/** The Content-Security-Policy of the page: nothing at all, apart from its own stylesheet. */
export function redlinePagePolicy(styles: string): string {
  const hash = createHash('sha256').update(styles).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}

/** Anchors for the chapters' redlines, from their places: readable in a link, and unique. */
export function chapterAnchors(chapters: readonly ChangedChapter[]): string[] {
  const seen = new Map<string, number>();
  return chapters.map((chapter) => {
    const base = `chapter-${`${chapter.edition}-${chapter.path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, '');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/** The table of changed chapters; the chapter's name is the row's header and links to its redline. */
function tableHtml(report: RedlineReport, anchors: readonly string[], i18n: Translator): string {
  const numberClass = (numeric: boolean | undefined) => (numeric ? ' class="number"' : '');
  const columns = columnsOf(report);
  const head = columns.map((column) => `<th scope="col"${numberClass(column.numeric)}>${escapeHtml(column.header(i18n))}</th>`).join('');
  const rows = report.chapters.map((chapter, index) => {
    const cells = columns.map((column) => {
      const text = escapeHtml(column.value(chapter, i18n));
      if (column.names) return `<th scope="row"><a href="#${anchors[index]}">${text}</a></th>`;
      return `<td${numberClass(column.numeric)}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/**
 * Below the table, as in the summary: why a "—" has no score, and the sections that fell below
 * their threshold, each linked to its chapter's redline.
 */
function readabilityNotesHtml(report: RedlineReport, anchors: readonly string[], i18n: Translator): string[] {
  const notes = noScoreNotes(report, i18n).map((note) => `<p class="quiet">${escapeHtml(note)}</p>`);
  const drops = sectionDropLines(report, i18n);
  if (drops.length === 0) return notes;
  const items = drops.map((drop) => `<li><a href="#${anchors[drop.chapterIndex]}">${escapeHtml(drop.text)}</a></li>`);
  return [...notes, `<h3>${escapeHtml(i18n.t('redlinePage.readingEaseDrops'))}</h3>`, `<ul>${items.join('\n')}</ul>`];
}

const FORMAT_NAMES = { md: 'Markdown', mdx: 'MDX' } as const;

function unreadableNote(version: UnreadableVersion, report: RedlineReport, i18n: Translator): string {
  const values = { format: FORMAT_NAMES[version.format], reason: version.reason };
  const text =
    version.side === 'before'
      ? i18n.t('redlinePage.unreadableBefore', { ...values, commit: shortCommit(report.commit) })
      : i18n.t('redlinePage.unreadableAfter', values);
  return `<p class="note">${escapeHtml(text)}</p>`;
}

/** Where the chapter is and what happened to it: edition, file, change, and its old place or title. */
function whereHtml(chapter: ChangedChapter, i18n: Translator): string {
  const parts = [escapeHtml(chapter.edition), `<code>${escapeHtml(chapter.path)}</code>`, escapeHtml(changeName(chapter.change, i18n))];
  const from = previousPlace(chapter);
  if (from !== undefined) parts.push(escapeHtml(i18n.t('redlinePage.movedFrom', { path: from })));
  if (chapter.previousTitle !== undefined) parts.push(escapeHtml(i18n.t('changes.wasTitle', { title: chapter.previousTitle })));
  return `<p class="where">${parts.join(' · ')}</p>`;
}

/** One chapter: its title, where it is, any note on how it was compared, and its redline. */
function chapterHtml(chapter: ChangedChapter, anchor: string, report: RedlineReport, i18n: Translator): string {
  const textChanged = chapter.sections.some((section) => section.change !== 'same');
  return [
    `<article class="chapter-change" id="${anchor}" aria-labelledby="${anchor}-title">`,
    `<h2 id="${anchor}-title">${escapeHtml(chapter.title)}</h2>`,
    whereHtml(chapter, i18n),
    ...chapter.unreadable.map((version) => unreadableNote(version, report, i18n)),
    textChanged
      ? redlineHtml(chapter.sections, { level: 3, labels: redlineLabels(i18n) })
      : `<p class="quiet">${escapeHtml(i18n.t('redlinePage.sameText'))}</p>`,
    '</article>',
  ].join('\n');
}

/** The whole page, escaped throughout. */
export function redlinePage(report: RedlineReport, i18n: Translator, options: RedlinePageOptions): string {
  const title = i18n.t('redlinePage.title', { ref: report.ref });
  const anchors = chapterAnchors(report.chapters);
  const chapters = report.chapters.length
    ? [
        `<section aria-labelledby="changed-chapters">`,
        `<h2 id="changed-chapters">${escapeHtml(i18n.t('redlinePage.chapters'))}</h2>`,
        tableHtml(report, anchors, i18n),
        ...readabilityNotesHtml(report, anchors, i18n),
        '</section>',
        ...report.chapters.map((chapter, index) => chapterHtml(chapter, anchors[index]!, report, i18n)),
      ]
    : [];
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(redlinePagePolicy(options.styles))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(options.siteTitle ? `${title} · ${options.siteTitle}` : title)}</title>`,
    `<style>${options.styles}</style>`,
    '</head>',
    '<body>',
    options.siteTitle ? `<header class="site-header"><p>${escapeHtml(options.siteTitle)}</p></header>` : '',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lede">${escapeHtml(comparedWith(report, i18n))} ${escapeHtml(countSentence(report, i18n))}</p>`,
    ...chapters,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
