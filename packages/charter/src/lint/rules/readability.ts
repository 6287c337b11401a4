/**
 * Warns about a section whose Flesch reading ease is below what its chapter's readers need, at
 * the sentence that pulls the section down most.
 *
 * Why: a standard that staff cannot take in at a glance is not followed. Long sentences and long
 * words are what make a passage hard, and a score per section shows where to start.
 *
 * How: the reading ease of each section (a heading and everything up to the next heading of the
 * same or a higher level; the text before the first heading is a section too), on the chapter's
 * prose only: paragraphs, list items, quotes, table cells and the text inside components, link
 * text included. Headings, code, URLs, expressions, component props and the frontmatter are left
 * out, so markup does not move the score. Syllables are counted by `syllable`, the score is
 * `flesch`'s, sentences and words are split by retext-english. A section of fewer than 40 words is
 * not scored: a sentence or two says too little about how a passage reads. One message per
 * section below the threshold, on its hardest sentence: the one whose removal raises the score
 * most, with its length and its words of three syllables or more. When a section and one inside it
 * would point at the same sentence, only the inner one is named. Flesch reading ease is made for
 * English: the rule says nothing when the content's `lang` is another language. Archived editions
 * are not checked: nothing there can be rewritten.
 *
 * Options: `checker.readability` in charter.config.mjs. `audiences` gives a threshold per audience
 * (`{ frontline: 60 }`): a chapter takes the highest of its audiences' thresholds. `minimum` is
 * for chapters none of whose audiences has one. Without either the threshold is 50, where "fairly
 * difficult" text ends and "difficult" begins: 60 to 70 is plain English, 30 to 50 reads like a
 * university text. Each threshold is a number from 0 to 100. Turn the rule off or up like any
 * other in `checker.rules`, or for one passage with a `lint disable readability` comment.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ## Taking a call
 *
 *   Answer by the third ring. Say the company name and your own name, then ask how you can help.
 *
 *   Listen to the whole question before you answer. If you do not know, say so and find out. Write
 *   down the caller's name and number first. Call back when you said you would, even with no news.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   ## Refunds
 *
 *   Reimbursement of payments shall be authorised exclusively following verification of
 *   eligibility by an appropriately designated representative. Customers are told this at the
 *   counter. Applications submitted subsequent to the expiration of the stipulated notification
 *   period will ordinarily be considered inadmissible, irrespective of circumstances.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   5:10-6:82: Unexpected Flesch reading ease -33 in section "Refunds", expected 50 or more (the checker's default); its hardest sentence has 19 words, 12 of three syllables or more: use shorter words
 *
 * @example
 *   {"name": "frontline.mdx", "label": "input", "config": {"checker": {"readability": {"minimum": 40, "audiences": {"frontline": 60, "managers": 45}}}}}
 *
 *   ---
 *   title: Returns at the counter
 *   description: How to take back a tool that a customer returns early.
 *   type: procedure
 *   audience: [frontline, managers]
 *   owner: Hire Desk Team
 *   reviewed: 2026-05-01
 *   ---
 *
 *   ## Taking the tool back
 *
 *   Check the tool with the customer before they leave, and thank them.
 *
 *   When a customer returns equipment before the end of the agreed hire period, record the actual
 *   return date in HireDesk, inspect the tool for damage in the customer's presence, and explain
 *   how the early return affects the final charge.
 *
 * @example
 *   {"name": "frontline.mdx", "label": "output"}
 *
 *   14:1-16:47: Unexpected Flesch reading ease 48 in section "Taking the tool back", expected 60 or more for frontline chapters; its hardest sentence has 39 words, 6 of three syllables or more: split it
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { contextOf } from '../file-context.ts';
import { readFrontmatter } from '../frontmatter.ts';
import { rangePlace } from '../positions.ts';
import { DEFAULT_READABILITY_MINIMUM, type ReadabilitySettings } from '../rule-settings.ts';
import { readabilityOf, type SectionReadability, type SentenceReading } from '../text/readability.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

/** A sentence of more words than this is long (the common plain-language limit). */
export const LONG_SENTENCE_WORDS = 25;

/** The score a chapter's sections must reach, and how a message names where it comes from. */
export interface Threshold {
  minimum: number;
  /** E.g. "for frontline chapters" or "(the checker's default)". */
  source: string;
}

const readability = lintRule<Root>({ origin: 'handbook:readability' }, (tree, file) => {
  const context = contextOf(file);
  if (!isEnglish(context.lang) || context.editionEntry?.status === 'archived') return;
  const source = String(file.value);
  const threshold = thresholdFor(audiencesOf(tree, source), context.readability);
  for (const section of sectionsToReport(readabilityOf(tree, source).sections, threshold.minimum)) {
    const hardest = section.hardest!;
    file.message(messageFor(section, hardest, threshold), { place: rangePlace(file, hardest.start, hardest.end) });
  }
});

export default readability;

/** Whether a BCP 47 tag is English (`en`, `en-GB`, `en-US`…): the only language the score fits. */
export function isEnglish(lang: string): boolean {
  return /^en(?:-|$)/i.test(lang);
}

/** The chapter's audiences from its frontmatter; a malformed list is the frontmatter rule's to report. */
export function audiencesOf(tree: Root, source: string): string[] {
  const audience = readFrontmatter(tree, source).data?.['audience'];
  return Array.isArray(audience) ? audience.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The strictest threshold among the chapter's audiences; else the config's minimum; else the
 * default.
 */
export function thresholdFor(audiences: readonly string[], settings: ReadabilitySettings | undefined): Threshold {
  const own = audiences.flatMap((id) => {
    const minimum = settings?.audiences?.[id];
    return minimum === undefined ? [] : [{ id, minimum }];
  });
  const strictest = own.reduce<{ id: string; minimum: number } | undefined>((best, next) => (!best || next.minimum > best.minimum ? next : best), undefined);
  if (strictest) return { minimum: strictest.minimum, source: `for ${strictest.id} chapters` };
  if (settings?.minimum !== undefined) return { minimum: settings.minimum, source: "(the config's minimum)" };
  return { minimum: DEFAULT_READABILITY_MINIMUM, source: "(the checker's default)" };
}

/**
 * The scored sections below the threshold, one per hardest sentence: where an outer section and a
 * section inside it point at the same sentence, the inner one (the deeper heading) says more.
 */
export function sectionsToReport(sections: readonly SectionReadability[], minimum: number): SectionReadability[] {
  const bySentence = new Map<number, SectionReadability>();
  for (const section of sections) {
    if (section.score === undefined || section.score >= minimum || !section.hardest) continue;
    const known = bySentence.get(section.hardest.start);
    if (!known || section.depth > known.depth) bySentence.set(section.hardest.start, section);
  }
  return sections.filter((section) => [...bySentence.values()].includes(section));
}

function messageFor(section: SectionReadability, hardest: SentenceReading, threshold: Threshold): string {
  const where = section.heading === undefined ? "the chapter's opening" : `section "${section.heading}"`;
  // Rounded down, so that a score just below the threshold never reads as the threshold itself.
  const score = Math.floor(section.score!);
  return `Unexpected Flesch reading ease ${score} in ${where}, expected ${threshold.minimum} or more ${threshold.source}; ${sentenceProblem(hardest)}`;
}

/** What makes the sentence hard, and what to do: split a long one, and use shorter words. */
export function sentenceProblem(sentence: SentenceReading): string {
  const long = sentence.words > LONG_SENTENCE_WORDS;
  // Flesch weighs syllables per word far more than sentence length: a sentence that is not long is
  // hard by its words; a long one is also hard by them when a fifth or more of them are long.
  const wordy = !long || sentence.longWords * 5 >= sentence.words;
  const advice = long && wordy ? 'split it and use shorter words' : long ? 'split it' : 'use shorter words';
  const longWords = sentence.longWords > 0 ? `, ${sentence.longWords} of three syllables or more` : '';
  return `its hardest sentence has ${sentence.words} words${longWords}: ${advice}`;
}
