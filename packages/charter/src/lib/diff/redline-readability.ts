/**
 * How readable a branch leaves each chapter it changed: the Flesch reading ease of both versions,
 * the threshold the readability rule holds the chapter to, and the sections that fell below it in
 * this change. Scores, sections and thresholds are the rule's own (lint/text/readability.ts and
 * rules/readability.ts), so the pull request's summary never disagrees with `charter lint`.
 *
 * Only for English handbooks: the caller leaves the figures out otherwise, as the rule does.
 */
import type { Root } from 'mdast';
import type { Translator } from '../../i18n/index.ts';
import { audiencesOf, thresholdFor, type Threshold } from '../../lint/rules/readability.ts';
import type { ReadabilitySettings } from '../../lint/rule-settings.ts';
import { readabilityOf, type ChapterReadability, type SectionReadability } from '../../lint/text/readability.ts';
import { parseChapter } from '../mdx-parser.ts';
import type { ChangedChapter, ChapterVersion } from './changed-chapters.ts';
import type { SectionDiff } from './redline.ts';

/** How one version of a chapter or a section reads: its score, or why it has none. */
export type Reading = { kind: 'scored'; score: number } | { kind: 'short' } | { kind: 'unreadable' };

/** A section the rule warns about now and did not before. */
export interface SectionDrop {
  /** The heading's text; undefined for the opening (the prose before the first heading). */
  heading: string | undefined;
  /** The section before; undefined when there was none (a new section, or a new chapter). */
  before: Reading | undefined;
  /** Whether the section is new in a chapter that was there before. */
  newSection: boolean;
  /** Its score now, below the threshold. */
  after: number;
}

export interface ReadabilityChange {
  /** The earlier version; undefined for an added chapter. */
  before?: Reading;
  /** This branch's version; undefined for a removed chapter. */
  after?: Reading;
  /** What the rule holds this branch's version to; undefined when there is none that could be read. */
  threshold?: Threshold;
  /** Sections below the threshold now that were not before, in reading order. */
  drops: SectionDrop[];
}

/** A version as the rule reads it: its scores and its threshold; undefined when it does not parse. */
interface Measured {
  readability: ChapterReadability;
  threshold: Threshold;
}

/** Parsed once for both the scores and the audiences, as the rule gets them from one tree. */
function measure(version: ChapterVersion, settings: ReadabilitySettings | undefined): Measured | undefined {
  let tree: Root;
  try {
    tree = parseChapter(version.source, version.format);
  } catch {
    // The redline says why it could not be read; here it is only a version without a score.
    return undefined;
  }
  return { readability: readabilityOf(tree, version.source), threshold: thresholdFor(audiencesOf(tree, version.source), settings) };
}

/** A chapter's or a section's score, or why it has none. */
function readingOf(scored: { score: number | undefined } | undefined): Reading {
  if (!scored) return { kind: 'unreadable' };
  return scored.score === undefined ? { kind: 'short' } : { kind: 'scored', score: scored.score };
}

const isBelow = (score: number | undefined, threshold: Threshold): score is number => score !== undefined && score < threshold.minimum;

/** A heading as the redline names it: its text on one line. */
const headingText = (heading: string | undefined) => (heading ?? '').replace(/\s+/g, ' ').trim();

/**
 * Sections are matched by their heading and level, and by which of the sections so named it is, so
 * that two "Example" sections of a chapter are told apart.
 */
function sectionKeys(sections: readonly SectionReadability[], headingOf: (section: SectionReadability) => string = (s) => headingText(s.heading)): string[] {
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const name = `${section.depth}\u0000${headingOf(section)}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name}\u0000${count}`;
  });
}

/**
 * The sections the redline shows as renamed (its sections are the top two heading levels), new
 * heading to old: the figures then compare the same section, as the redline does, not a new one.
 */
function renamedSections(sections: readonly SectionDiff[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const section of sections) {
    const { heading, previousHeading } = section;
    if (heading !== null && previousHeading && previousHeading !== heading) renames.set(heading, previousHeading);
  }
  return renames;
}

/**
 * The sections below the threshold now that were not before: those that fell below it, and those
 * that had no score before or did not exist. Every such section is listed, an outer one as well as
 * one inside it, since each says where the text got harder.
 */
function droppedSections(before: Measured | undefined, after: Measured, hadBefore: boolean, renames: ReadonlyMap<string, string>): SectionDrop[] {
  const earlier = new Map<string, SectionReadability>();
  if (before) {
    const keys = sectionKeys(before.readability.sections);
    before.readability.sections.forEach((section, index) => earlier.set(keys[index]!, section));
  }
  const sections = after.readability.sections;
  const keys = sectionKeys(sections);
  // The same sections under the names they had before, where the redline saw them renamed.
  const oldKeys = sectionKeys(sections, (section) => {
    const text = headingText(section.heading);
    return section.depth <= 2 ? (renames.get(text) ?? text) : text;
  });
  return sections.flatMap((section, index): SectionDrop[] => {
    if (!isBelow(section.score, after.threshold)) return [];
    const old = earlier.get(keys[index]!) ?? earlier.get(oldKeys[index]!);
    if (before && old && isBelow(old.score, before.threshold)) return [];
    // An earlier version that did not parse leaves its sections unknown, not new.
    const known = before !== undefined;
    return [
      {
        heading: section.heading,
        before: !hadBefore ? undefined : !known ? { kind: 'unreadable' } : old ? readingOf(old) : undefined,
        newSection: hadBefore && known && !old,
        after: section.score,
      },
    ];
  });
}

/** The reading ease of a changed chapter's two versions, for the summary and the page. */
export function readabilityChange(chapter: ChangedChapter, settings: ReadabilitySettings | undefined): ReadabilityChange {
  const { before, after } = chapter;
  const old = before && measure(before, settings);
  const now = after && measure(after, settings);
  const change: ReadabilityChange = { drops: now ? droppedSections(old, now, before !== undefined, renamedSections(chapter.sections)) : [] };
  if (before) change.before = readingOf(old?.readability);
  if (after) change.after = readingOf(now?.readability);
  if (now) change.threshold = now.threshold;
  return change;
}

/** The marks after a "—" that point to the note saying why there is no score. */
export const NO_SCORE_MARKS = { short: '*', unreadable: '†' } as const;

/**
 * A score as the rule's messages give it: rounded down, so that a score just below the threshold
 * never reads as the threshold itself.
 */
const shownScore = (score: number) => Math.floor(score);

function readingText(reading: Reading, i18n: Translator): string {
  return reading.kind === 'scored' ? i18n.number(shownScore(reading.score)) : `—${NO_SCORE_MARKS[reading.kind]}`;
}

/** ▲ or ▼ when the shown score went up or down; nothing when it stayed or either has none. */
function trend(before: Reading | undefined, after: Reading | undefined): string {
  if (before?.kind !== 'scored' || after?.kind !== 'scored') return '';
  const difference = shownScore(after.score) - shownScore(before.score);
  return difference > 0 ? ' ▲' : difference < 0 ? ' ▼' : '';
}

/**
 * Before → after, with the trend and, when this branch's score is below the threshold, which:
 * `58 → 64 ▲`, `71 → 49 ▼ below 50`. One side only for an added or a removed chapter, and a single
 * "—" when neither side has a score for the same reason.
 */
export function readingChangeText(before: Reading | undefined, after: Reading | undefined, threshold: Threshold | undefined, i18n: Translator): string {
  const sides = [before, after].filter((reading) => reading !== undefined).map((reading) => readingText(reading, i18n));
  const unscored = before?.kind !== 'scored' && after?.kind !== 'scored';
  const figures = unscored && sides.length === 2 && sides[0] === sides[1] ? sides[0]! : sides.join(' → ');
  const below =
    after?.kind === 'scored' && threshold && isBelow(after.score, threshold)
      ? ` ${i18n.t('redlinePage.belowThreshold', { minimum: i18n.number(threshold.minimum) })}`
      : '';
  return `${figures}${trend(before, after)}${below}`;
}

/** The readings a change shows, its sections' included: which "—" notes it needs. */
export function readingsShown(change: ReadabilityChange): Reading[] {
  return [change.before, change.after, ...change.drops.map((drop) => drop.before)].filter((reading) => reading !== undefined);
}
