/**
 * The HTML of one chapter's redline, section by section, with deleted words struck through and new
 * ones marked. The "what changed" pages (layouts/parts/Redline.astro) and `charter redline` both
 * render through this function, so a redline reads the same on the site and in a pull request. It
 * is a string of markup because the command line has no Astro to render a component with; every
 * piece of chapter text is escaped, since a chapter may quote `<script>`.
 *
 * The classes are those of styles/redline.css.
 */
import type { Translator } from '../../i18n/index.ts';
import type { BlockDiff, Piece, SectionDiff } from './redline.ts';

/** The words a redline shows besides the chapter's own, in the handbook's language. */
export interface RedlineLabels {
  /** The name of the text before a chapter's first heading. */
  introduction: string;
  newSection: string;
  removedSection: string;
  /** What a screen reader says before added and removed words. */
  addedMark: string;
  removedMark: string;
  unchangedBlocks: (count: number) => string;
  unchangedSections: (count: number) => string;
}

export interface RedlineHtmlOptions {
  /** Heading level of the section titles inside the chapter. */
  level?: 2 | 3 | 4;
  labels: RedlineLabels;
}

/** The redline's words from a translator: the site's, or the one the command line makes from the config. */
export function redlineLabels(i18n: Pick<Translator, 't'>): RedlineLabels {
  return {
    introduction: i18n.t('redline.introduction'),
    newSection: i18n.t('redline.newSection'),
    removedSection: i18n.t('redline.removedSection'),
    addedMark: i18n.t('redline.addedMark'),
    removedMark: i18n.t('redline.removedMark'),
    unchangedBlocks: (count) => i18n.t('redline.unchangedBlocks', { count }),
    unchangedSections: (count) => i18n.t('redline.unchangedSections', { count }),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content or a quoted attribute value, as Astro escapes it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const inserted = (text: string, labels: RedlineLabels) => `<ins data-mark="${escapeHtml(labels.addedMark)}">${escapeHtml(text)}</ins>`;
const deleted = (text: string, labels: RedlineLabels) => `<del data-mark="${escapeHtml(labels.removedMark)}">${escapeHtml(text)}</del>`;

function pieceHtml(piece: Piece, labels: RedlineLabels): string {
  if (piece.change === 'added') return inserted(piece.text, labels);
  if (piece.change === 'removed') return deleted(piece.text, labels);
  return escapeHtml(piece.text);
}

/** A section's title: a renamed one shows the old title struck through before the new one. */
function titleHtml(section: SectionDiff, labels: RedlineLabels): string {
  const name = (heading: string | null) => heading ?? labels.introduction;
  const renamed = section.previousHeading !== undefined && section.previousHeading !== section.heading;
  const title = renamed ? `${deleted(name(section.previousHeading!), labels)} ${inserted(name(section.heading), labels)}` : escapeHtml(name(section.heading));
  const tag = section.change === 'added' ? labels.newSection : section.change === 'removed' ? labels.removedSection : undefined;
  return tag === undefined ? title : `${title}<span class="tag">${escapeHtml(tag)}</span>`;
}

function blockHtml(block: BlockDiff, labels: RedlineLabels): string {
  const classes = escapeHtml(['block', block.kind, block.change].join(' '));
  return `<p class="${classes}">${block.pieces.map((piece) => pieceHtml(piece, labels)).join('')}</p>`;
}

const quiet = (text: string) => `<p class="quiet">${escapeHtml(text)}</p>`;

/** One changed section: its title, its changed blocks, and how many blocks stayed the same. */
function sectionHtml(section: SectionDiff, level: number, labels: RedlineLabels): string {
  const unchanged = section.blocks.filter((block) => block.change === 'same').length;
  return [
    `<section class="${escapeHtml(['section', section.change].join(' '))}">`,
    `<h${level}>${titleHtml(section, labels)}</h${level}>`,
    ...section.blocks.filter((block) => block.change !== 'same').map((block) => blockHtml(block, labels)),
    unchanged > 0 ? quiet(labels.unchangedBlocks(unchanged)) : '',
    '</section>',
  ].join('');
}

/** The redline of a chapter: only the sections that changed, and a count of the others. */
export function redlineHtml(sections: readonly SectionDiff[], { level = 3, labels }: RedlineHtmlOptions): string {
  const changed = sections.filter((section) => section.change !== 'same');
  const unchanged = sections.length - changed.length;
  return [
    '<div class="redline">',
    ...changed.map((section) => sectionHtml(section, level, labels)),
    unchanged > 0 ? quiet(labels.unchangedSections(unchanged)) : '',
    '</div>',
  ].join('');
}
