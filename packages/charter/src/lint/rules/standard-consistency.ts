/**
 * Checks that every chapter of an edition states its service standards as they are declared (the
 * `standards:` field of the chapter that explains each). Reported, per edition:
 * - as an error, a sentence that states a declared standard with another value ("answer by the
 *   second ring" where the standard says the third; "reply within 48 hours" where it says one
 *   working day), naming the declaration's file, line and column;
 * - as a warning, a sentence that states the right value by hand: `<Standard id="…" />` (the whole
 *   sentence) or `<Standard id="…" value />` (the value) follow the declaration when it changes;
 * - as an error, two declarations of the same measure for the same touchpoint with different
 *   targets, at each of them.
 *
 * Why: a handbook is only predictable if "the third ring" is the third ring on every page. A value
 * typed by hand goes stale the day the standard changes.
 *
 * How (lint/text/standard-statements.ts): numbers in digits and words ("30", "thirty", "half a",
 * "a"), units compared, not words ("60 seconds" is "one minute"; "48 hours" is not "one working
 * day", and working days are never hours), ordinal rings ("before the fourth ring" is by the
 * third). A sentence states a standard when the standard's `phrasings` (or its statement) surround
 * the value, or when the words around the value are about the standard's measure and touchpoint; a
 * sentence that fits two standards equally is left alone. A clause about an earlier edition ("the
 * first edition asked for four rings", "2025.1 allowed…", "used to", "previously") is history, not
 * a standard. Any other sentence that only looks like one is marked with a lint comment before its
 * paragraph: `{/* lint ignore standard-consistency *\/}`. Values in a Markdown chapter, a title or a
 * component's prop cannot use `<Standard>`, and an archived edition is not edited, so only a wrong
 * value is reported there. The release
 * refuses the errors, as it refuses every checker error.
 *
 * Options: none. The standards are read from the chapters of the file's edition.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   ---
 *   title: Telephone
 *   description: How the depots answer, hold and close every call the same way.
 *   type: guide
 *   touchpoints: [telephone]
 *   audience: [frontline]
 *   owner: Hire Desk Team
 *   reviewed: 2026-01-12
 *   standards:
 *     - id: phone-answer
 *       measure: time to answer
 *       target: { value: 3, unit: rings }
 *       statement: We answer every call by {target}.
 *   ---
 *
 *   <Standard id="phone-answer" />
 *
 *   Pick up by <Standard id="phone-answer" value />, and count to five before you put a caller
 *   through. A few extra seconds of patience help. The first edition asked for four rings.
 *
 *   {/* lint ignore standard-consistency *\/}
 *
 *   In 2019 the depots let the phone go to six rings.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   ---
 *   title: Telephone
 *   description: How the depots answer, hold and close every call the same way.
 *   type: guide
 *   touchpoints: [telephone]
 *   audience: [frontline]
 *   owner: Hire Desk Team
 *   reviewed: 2026-01-12
 *   standards:
 *     - id: phone-answer
 *       measure: time to answer
 *       target: { value: 3, unit: rings }
 *       statement: We answer every call by {target}.
 *     - id: phone-hold
 *       measure: time on hold without an update
 *       target: { value: 30, unit: seconds }
 *       statement: No caller waits on hold more than {target} without an update.
 *     - id: email-reply
 *       touchpoint: email
 *       measure: time to a full reply
 *       target: { value: 1, unit: working-days }
 *       statement: We send a full reply within {target}.
 *   ---
 *
 *   Always pick up before the fourth ring, and never by the second ring only.
 *
 *   Callers should never hold longer than half a minute; no caller is on hold for more than a minute.
 *
 *   Reply to every email within 48 hours.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   25:23-25:38: Unexpected "the fourth ring" written by hand for standard "phone-answer" (Telephone, time to answer), expected <Standard id="phone-answer" value /> or <Standard id="phone-answer" />, so that the value follows its declaration
 *   25:53-25:68: Unexpected "the second ring" for standard "phone-answer" (Telephone, time to answer), expected the third ring as declared at editions/2026.1/reference/rule-example.mdx:10:5
 *   27:39-27:52: Unexpected "half a minute" written by hand for standard "phone-hold" (Telephone, time on hold without an update), expected <Standard id="phone-hold" value /> or <Standard id="phone-hold" />, so that the value follows its declaration
 *   27:89-27:97: Unexpected "a minute" for standard "phone-hold" (Telephone, time on hold without an update), expected 30 seconds as declared at editions/2026.1/reference/rule-example.mdx:14:5
 *   29:29-29:37: Unexpected "48 hours" for standard "email-reply" (Email, time to a full reply), expected one working day as declared at editions/2026.1/reference/rule-example.mdx:18:5
 *
 * @example
 *   {"name": "conflict.mdx", "label": "input"}
 *
 *   ---
 *   title: Telephone
 *   description: How the depots answer, hold and close every call the same way.
 *   type: guide
 *   touchpoints: [telephone]
 *   audience: [frontline]
 *   owner: Hire Desk Team
 *   reviewed: 2026-01-12
 *   standards:
 *     - id: phone-answer
 *       measure: time to answer
 *       target: { value: 3, unit: rings }
 *       statement: We answer every call by {target}.
 *     - id: phone-pick-up
 *       measure: Time to answer
 *       target: { value: 2, unit: rings }
 *       statement: We pick up by {target}.
 *   ---
 *
 *   <Standard id="phone-answer" />
 *
 * @example
 *   {"name": "conflict.mdx", "label": "output"}
 *
 *   12:13-12:38: Unexpected target the third ring for Telephone, time to answer (standard "phone-answer"), expected one target per measure and touchpoint: standard "phone-pick-up" at editions/2026.1/reference/rule-example.mdx:14:5 declares the second ring
 *   16:13-16:38: Unexpected target the second ring for Telephone, Time to answer (standard "phone-pick-up"), expected one target per measure and touchpoint: standard "phone-answer" at editions/2026.1/reference/rule-example.mdx:10:5 declares the third ring
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { chapterFormatOf } from '../../lib/chapter-files.ts';
import { declaredStandardsOf, type DeclaredStandard, type TextPlace } from '../../lib/standard-declarations.ts';
import { formatTarget, measureKey, sameTarget } from '../../lib/standards.ts';
import { labelOf, type Vocabulary } from '../../lib/vocabulary.ts';
import { contextOf, type FileContext } from '../file-context.ts';
import { readFrontmatter } from '../frontmatter.ts';
import { collectProseSpans, spanRange } from '../text/prose-spans.ts';
import { placeOf } from '../text/wording.ts';
import { matchStatements, sentencesOf, type StatementContext } from '../text/standard-statements.ts';
import type { RuleSeverity } from '../types.ts';
import type { ForcedError } from './lint-comments.ts';

/** Values stated by hand are warnings; wrong values and conflicting declarations are forced to errors. */
export const severity: RuleSeverity = 'warning';

/** Words that can carry a value: without one, a text states no standard. */
const MAY_STATE_A_VALUE = /\b(?:rings?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|percent|cent)\b|%/i;

const standardConsistency = lintRule<Root>({ origin: 'handbook:standard-consistency' }, (tree, file) => {
  const context = contextOf(file);
  const source = String(file.value);
  const own = declaredStandardsOf(source, context.chapterFile ?? 'this chapter');
  const others = (context.index.standards?.() ?? []).filter((standard) => standard.file !== context.chapterFile);
  const standards = [...others, ...own];
  if (standards.length === 0) return;
  const where = (standard: DeclaredStandard) =>
    `${context.chapterFile === undefined && standard.file === 'this chapter' ? 'this chapter' : `editions/${context.edition}/${standard.file}`}:${standard.place.line}:${standard.place.column}`;
  reportConflicts(file, own, standards, context.handbook.vocabulary, where);
  if (!MAY_STATE_A_VALUE.test(source)) return;
  reportStatements(tree, file, standards, context, where);
});

export default standardConsistency;

/** Two declarations of one measure for one touchpoint with different targets, reported at the chapter's own. */
function reportConflicts(
  file: VFile,
  own: readonly DeclaredStandard[],
  all: readonly DeclaredStandard[],
  vocabulary: Vocabulary,
  where: (standard: DeclaredStandard) => string,
): void {
  for (const standard of own) {
    for (const other of all) {
      if (other === standard || measureKey(other) !== measureKey(standard) || sameTarget(other.target, standard.target)) continue;
      error(
        file,
        `Unexpected target ${formatTarget(standard.target)} for ${labelOf(vocabulary, 'touchpoints', standard.touchpoint)}, ${standard.measure} (standard "${standard.id}"), expected one target per measure and touchpoint: standard "${other.id}" at ${where(other)} declares ${formatTarget(other.target)}`,
        standard.targetPlace,
      );
    }
  }
}

function reportStatements(
  tree: Root,
  file: VFile,
  standards: readonly DeclaredStandard[],
  context: FileContext,
  where: (standard: DeclaredStandard) => string,
): void {
  const vocabulary = context.handbook.vocabulary;
  const source = String(file.value);
  const touchpoints = readFrontmatter(tree, source).data?.['touchpoints'];
  const statementContext: StatementContext = {
    chapterTouchpoints: Array.isArray(touchpoints) ? touchpoints.filter((t): t is string => typeof t === 'string') : [],
    touchpointWords: touchpointWordsOf(vocabulary),
  };
  // A Markdown chapter has no components, a title or a prop is plain text, and an archived edition
  // is not edited: only a wrong value is reported there.
  const componentsAllowed =
    context.editionEntry?.status !== 'archived' &&
    (context.chapterFile === undefined ? file.extname !== '.md' : chapterFormatOf(context.chapterFile) === 'mdx');
  for (const span of collectProseSpans(tree, source)) {
    if (!MAY_STATE_A_VALUE.test(span.text)) continue;
    const handWarnings = componentsAllowed && span.kind !== 'frontmatter' && span.kind !== 'attribute';
    for (const sentence of sentencesOf(span.text)) {
      const text = span.text.slice(sentence.start, sentence.end);
      for (const match of matchStatements(text, standards, statementContext)) {
        const { standard, quantity } = match;
        const range = spanRange(span, sentence.start + quantity.start, sentence.start + quantity.end);
        const what = `standard "${standard.id}" (${labelOf(vocabulary, 'touchpoints', standard.touchpoint)}, ${standard.measure})`;
        if (!sameTarget(quantity.target, standard.target)) {
          const message = file.message(
            `Unexpected "${quantity.text}" for ${what}, expected ${formatTarget(standard.target)} as declared at ${where(standard)}`,
            {
              place: placeOf(file, range),
            },
          );
          (message as ForcedError).forcedError = true;
        } else if (handWarnings) {
          file.message(
            `Unexpected "${quantity.text}" written by hand for ${what}, expected <Standard id="${standard.id}" value /> or <Standard id="${standard.id}" />, so that the value follows its declaration`,
            { place: placeOf(file, range) },
          );
        }
      }
    }
  }
}

function error(file: VFile, reason: string, place: TextPlace): void {
  const message = file.message(reason, { place: { start: { line: place.line, column: place.column }, end: { line: place.endLine, column: place.endColumn } } });
  (message as ForcedError).forcedError = true;
}

const wordLists = new WeakMap<Vocabulary, ReadonlyMap<string, readonly string[]>>();

/** The words that name each touchpoint in a sentence: its id's parts, its label's words and its vocabulary words. */
function touchpointWordsOf(vocabulary: Vocabulary): ReadonlyMap<string, readonly string[]> {
  let words = wordLists.get(vocabulary);
  if (!words) {
    words = new Map(
      vocabulary.touchpoints.map((touchpoint) => [
        touchpoint.id,
        [...touchpoint.id.split('-'), ...touchpoint.label.toLowerCase().split(/\s+/), ...(touchpoint.words ?? [])].filter(
          (word) => word.length >= 3 && word !== 'the',
        ),
      ]),
    );
    wordLists.set(vocabulary, words);
  }
  return words;
}
