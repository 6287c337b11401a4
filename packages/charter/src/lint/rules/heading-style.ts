/**
 * Keeps headings in the house style: sentence case, no trailing punctuation, no skipped levels.
 *
 * Why: headings are how readers scan a chapter and how search shows it; one style makes every
 * chapter look like part of the same handbook.
 *
 * How: in a heading (and the frontmatter `title`), only the first word and words after a colon or a
 * full stop start with a capital. Also allowed: "I", acronyms (SLA, FAQs), names with inner
 * capitals (GitHub), the adopter's proper nouns (the organization's name from the site config,
 * the `names:` list of `<content>/vocabulary.yaml`, words the glossary writes with a capital) and
 * the generic names in `src/lint/data/heading-words.yaml` (days, months, a few products). The
 * title of a `type: creed` chapter may be in title case ("I Am Your Customer"); its headings may
 * not. A heading may not end in . , ; : or ! (a question mark or an ellipsis is fine). Levels go
 * one step at a time below the title, which is the page's h1: the first heading is an h2, an h4
 * needs an h3 above it, and `#` is not used in the body.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx", "config": {"organization": "Marlow Street Bakery"}}
 *
 *   ## Putting a caller on hold
 *
 *   ### Greet every caller with Marlow Street Bakery and your name
 *
 *   ## Why does the SLA matter?
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   ## Putting A Caller On Hold.
 *
 *   #### when the line is busy
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:12-1:13: Unexpected capital in "A", expected "a" (headings use sentence case)
 *   1:14-1:20: Unexpected capital in "Caller", expected "caller" (headings use sentence case)
 *   1:21-1:23: Unexpected capital in "On", expected "on" (headings use sentence case)
 *   1:24-1:28: Unexpected capital in "Hold", expected "hold" (headings use sentence case)
 *   1:28-1:29: Unexpected "." at the end of a heading, expected no trailing punctuation
 *   3:1-3:27: Unexpected h4 after h2, expected h3
 *   3:6-3:10: Unexpected "when", expected "When" (headings start with a capital)
 *
 * @example
 *   {"name": "unknown-name.mdx", "label": "input", "config": {"organization": "Another Company"}}
 *
 *   ## Greet every caller with Marlow Street Bakery and your name
 *
 * @example
 *   {"name": "unknown-name.mdx", "label": "output"}
 *
 *   1:28-1:34: Unexpected capital in "Marlow", expected "marlow" (headings use sentence case)
 *   1:35-1:41: Unexpected capital in "Street", expected "street" (headings use sentence case)
 *   1:42-1:48: Unexpected capital in "Bakery", expected "bakery" (headings use sentence case)
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { GlossaryEntry } from '../../lib/schemas.ts';
import type { HandbookData } from '../handbook-data.ts';
import { contextOf } from '../file-context.ts';
import { readFrontmatter } from '../frontmatter.ts';
import { rangePlace } from '../positions.ts';
import { readLintData } from '../source-files.ts';
import { PhraseMatcher } from '../text/phrase-matcher.ts';
import { headingsOf } from '../text/headings.ts';
import { spanOfFrontmatterField, spanOfPhrasing, spanRange, type ProseSpan } from '../text/prose-spans.ts';
import { capitalize, isSentenceStart } from '../text/wording.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'warning';

const TRAILING_PUNCTUATION = /[.,;:!]$/;
// Parts of a hyphenated word count as words: "Face-to-Face" is not sentence case.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

const headingStyle = lintRule<Root>({ origin: 'handbook:heading-style' }, (tree, file) => {
  const source = String(file.value);
  const context = contextOf(file);
  const names = namesFor(context.handbook, context.organization);
  checkLevels(tree, file);
  for (const heading of headingsOf(tree)) checkText(spanOfPhrasing(heading, source, 'heading'), file, names, true);
  const title = spanOfFrontmatterField(tree, source, 'title');
  if (title) {
    const creed = readFrontmatter(tree, source).data?.['type'] === 'creed';
    checkText(title, file, names, !creed);
  }
});

export default headingStyle;

function checkLevels(tree: Root, file: VFile): void {
  let previous = 1;
  for (const heading of headingsOf(tree)) {
    const place = heading.position;
    if (heading.depth === 1) {
      file.message("Unexpected h1, expected h2: the chapter's title is the page's h1", { place });
    } else if (heading.depth > previous + 1) {
      file.message(`Unexpected h${heading.depth} after h${previous}, expected h${previous + 1}`, { place });
    }
    previous = heading.depth;
  }
}

function checkText(span: ProseSpan, file: VFile, names: PhraseMatcher<true>, sentenceCase: boolean): void {
  if (sentenceCase) checkSentenceCase(span, file, names);
  const text = span.text.trimEnd();
  const last = text.at(-1);
  if (last && TRAILING_PUNCTUATION.test(last) && !text.endsWith('...')) {
    const message = file.message(`Unexpected "${last}" at the end of a heading, expected no trailing punctuation`, {
      place: placeOf(file, span, text.length - 1, text.length),
    });
    message.actual = last;
    message.expected = [''];
  }
}

function checkSentenceCase(span: ProseSpan, file: VFile, names: PhraseMatcher<true>): void {
  const named = names.find(span.text);
  let first = true;
  for (const word of span.text.matchAll(WORD)) {
    const [text] = word;
    const start = word.index;
    const isFirst = first;
    first = false;
    if (named.some((hit) => hit.start <= start && start < hit.end)) continue;
    if (isFirst && /^\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text)) {
      report(file, span, start, `Unexpected "${text}", expected "${capitalize(text)}" (headings start with a capital)`, text, capitalize(text));
    } else if (!isFirst && /^\p{Lu}/u.test(text) && !keepsCapital(text) && !isSentenceStart(span.text, start)) {
      const expected = text.toLowerCase();
      report(file, span, start, `Unexpected capital in "${text}", expected "${expected}" (headings use sentence case)`, text, expected);
    }
  }
}

function report(file: VFile, span: ProseSpan, start: number, reason: string, actual: string, expected: string): void {
  const message = file.message(reason, { place: placeOf(file, span, start, start + actual.length) });
  message.actual = actual;
  message.expected = [expected];
}

/** "I", acronyms (SLA, FAQs) and names with inner capitals (GitHub) keep their capitals anywhere. */
function keepsCapital(word: string): boolean {
  const bare = word.replace(/['’]s?$/, '');
  return bare === 'I' || /^I['’]/.test(word) || /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(bare) || /\p{Ll}\p{Lu}/u.test(bare);
}

function placeOf(file: VFile, span: ProseSpan, start: number, end: number) {
  const range = spanRange(span, start, end);
  return rangePlace(file, range.start, range.end);
}

const nameMatchers = new WeakMap<HandbookData, Map<string, PhraseMatcher<true>>>();

/**
 * Names that keep their capitals: the adopter's (the organization from the site config, the
 * `names:` of vocabulary.yaml, words the glossary capitalizes mid-sentence) and the engine's
 * generic list (days, months, a few product names).
 */
function namesFor(handbook: HandbookData, organization: string | undefined): PhraseMatcher<true> {
  let byOrganization = nameMatchers.get(handbook);
  if (!byOrganization) nameMatchers.set(handbook, (byOrganization = new Map()));
  let matcher = byOrganization.get(organization ?? '');
  if (!matcher) {
    const listed = readLintData('heading-words.yaml');
    const names = [
      ...(Array.isArray(listed) ? listed.map(String) : []),
      ...(organization ? [organization] : []),
      ...handbook.vocabulary.names,
      ...capitalizedInGlossary(handbook.glossary),
    ];
    matcher = new PhraseMatcher(names.map((text) => ({ text, caseSensitive: true, inflect: true, data: true as const })));
    byOrganization.set(organization ?? '', matcher);
  }
  return matcher;
}

function capitalizedInGlossary(glossary: readonly GlossaryEntry[]): string[] {
  const words = new Set<string>();
  for (const entry of glossary) {
    for (const text of [entry.term, entry.definition]) {
      for (const word of text.matchAll(WORD)) {
        if (/^\p{Lu}/u.test(word[0]) && !isSentenceStart(text, word.index)) words.add(word[0]);
      }
    }
  }
  return [...words];
}
