/**
 * Prose suggestions from the retext ecosystem: `prose:repeated-words` ("the the") and
 * `prose:equality` (inconsiderate or exclusive wording, from retext-equality).
 *
 * Why: small slips and wording that leaves some readers out are easy to miss in review and cheap to
 * fix. These are suggestions, not rules: they rank below warnings inside the checker, and the JSON
 * and GitHub outputs report them as warnings with the rule id `prose:<name>`.
 *
 * How: the chapter's prose as the checker reads it (its paragraphs, list items, quotes, headings and
 * the text inside components; code, expressions, tables, image text, props and frontmatter are left
 * out; see text/prose-spans.ts) is parsed into a retext tree (text/span-sentences.ts), and the
 * retext plugins run on it; their messages keep their place in the file. Words that
 * retext-equality flags but that are plain and kind in a service handbook ("easy", "simply",
 * "hang up") are ignored, from `src/lint/data/prose.yaml`. In `lint` comments the rules are named
 * `repeated-words` and `equality`.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   It is easy to call the team, and the chair of the meeting will hang up last.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   Give the the customer a call, and let the chairman know.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:6-1:13: Unexpected repeated `the`, remove one occurrence
 *   1:43-1:51: Unexpected potentially insensitive use of `chairman`, in somes cases `chair`, `head`, `chairperson`, `coordinator`, `committee head`, `moderator`, `presiding officer` may be better
 */
import type { Root } from 'mdast';
import type { Root as NlcstRoot, RootContent as NlcstContent } from 'nlcst';
import retextEquality from 'retext-equality';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { readLintData } from '../source-files.ts';
import type { ProseSpan } from '../text/prose-spans.ts';
import { sentencesOfChapter } from '../text/span-sentences.ts';
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'suggestion';

/** A frozen retext pipeline without a parser: it only runs its plugins over a given tree. */
interface RetextPlugins {
  run(tree: NlcstRoot, file: VFile): Promise<unknown>;
}

/** The prose the suggestions read: running text and headings; tables, props and frontmatter are not. */
const PROSE_KINDS: ReadonlySet<ProseSpan['kind']> = new Set(['block', 'heading']);

/**
 * The retext tree of a chapter, made once and shared by both prose rules (neither plugin changes a
 * tree): its prose spans' sentences, parsed once for these rules and readability alike.
 */
const nlcstTrees = new WeakMap<Root, { source: string; nlcst: NlcstRoot }>();

function nlcstOf(tree: Root, file: VFile): NlcstRoot {
  const source = String(file.value);
  let known = nlcstTrees.get(tree);
  if (known?.source !== source) {
    known = { source, nlcst: sentencesOfChapter(tree, source, PROSE_KINDS) };
    nlcstTrees.set(tree, known);
  }
  return known.nlcst;
}

/**
 * A lint rule that runs retext plugins over the chapter's prose. `view` may regroup the retext tree
 * for a plugin (without changing or copying its nodes).
 */
function proseRule(name: string, plugins: RetextPlugins, view: (tree: NlcstRoot) => NlcstRoot | Promise<NlcstRoot> = (tree) => tree) {
  return lintRule<Root>({ origin: `prose:${name}` }, async (tree, file) => {
    await plugins.run(await view(nlcstOf(tree, file)), file);
  });
}

function equalityIgnore(): string[] {
  const data = readLintData('prose.yaml') as { equality?: { ignore?: unknown } } | null;
  const ignore = data?.equality?.ignore;
  return Array.isArray(ignore) ? ignore.map(String) : [];
}

/**
 * The chapter's paragraphs as one paragraph, for retext-equality. The plugin searches each
 * paragraph separately and, for every paragraph, first indexes its whole phrase list (about 900
 * phrases) by first word; that index was 90% of its time, repeated for the 30 to 60 paragraphs of a
 * chapter. Its findings do not depend on the grouping: a phrase only matches inside one sentence,
 * "he or she" pairs are only made inside one sentence, and the sentences keep their own nodes and
 * positions. Only the order in which it reports changes, and the checker sorts messages.
 *
 * With `firstWords`, only the sentences that hold every word of one of its phrases are handed over:
 * the plugin matches a phrase only inside one sentence, so the others cannot give a message, and
 * walking them was most of what was left of its time.
 */
export function asOneParagraph(tree: NlcstRoot, firstWords?: FirstWords): NlcstRoot {
  const children: NlcstContent[] = [];
  const collect = (node: NlcstRoot | NlcstContent): void => {
    if (node.type === 'ParagraphNode')
      children.push(...node.children.filter((child) => !firstWords || child.type !== 'SentenceNode' || mayMatch(child, firstWords)));
    else if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  return { type: 'RootNode', children: [{ type: 'ParagraphNode', children: children as never }] };
}

/**
 * retext-equality's phrases by first word, each with the words that follow it, normalized the two
 * ways it compares words.
 */
export interface FirstWords {
  /** As nlcst-normalize does by default: lowercase, curly apostrophes straight, no hyphens or apostrophes. */
  plain: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The same, keeping apostrophes (its "he's"/"she'll" patterns). */
  keepingApostrophes: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const PLAIN_WORD = /^[a-z0-9]*$/;

/** nlcst-normalize's comparison form of a word (see FirstWords). */
export function normalizeWord(word: string, keepApostrophes: boolean): string {
  // Most words are already in that form; this is asked for every word of every sentence.
  if (PLAIN_WORD.test(word)) return word;
  const result = word.toLowerCase().replace(/’/g, "'").replace(/-/g, '');
  return keepApostrophes ? result : result.replace(/'/g, '');
}

/** The phrases by first word; undefined when a phrase begins with a wildcard, which any word starts. */
export function firstWordsOf(phrases: readonly string[]): FirstWords | undefined {
  const split = phrases.map((phrase) => phrase.split(' '));
  if (split.some((words) => words[0] === '*')) return undefined;
  const index = (keep: boolean) => {
    const map = new Map<string, string[][]>();
    for (const [first = '', ...rest] of split) {
      const key = normalizeWord(first, keep);
      const list = map.get(key) ?? [];
      list.push(rest.filter((word) => word !== '*').map((word) => normalizeWord(word, keep)));
      map.set(key, list);
    }
    return map;
  };
  return { plain: index(false), keepingApostrophes: index(true) };
}

/**
 * Whether a sentence holds the first word of a phrase and, somewhere, every other word of it: a
 * match needs at least that (the plugin matches phrases only inside one sentence).
 */
function mayMatch(sentence: NlcstContent, firstWords: FirstWords): boolean {
  const words: string[] = [];
  const collect = (node: NlcstContent): void => {
    if (node.type === 'WordNode') words.push(textOf(node));
    else if ('children' in node) for (const child of node.children as NlcstContent[]) collect(child);
  };
  collect(sentence);
  return [false, true].some((keep) => {
    const phrases = keep ? firstWords.keepingApostrophes : firstWords.plain;
    const forms = words.map((word) => normalizedWord(word, keep));
    // Most sentences hold no phrase's first word at all.
    if (!forms.some((form) => phrases.has(form))) return false;
    const present = new Set(forms);
    for (const word of present) if (phrases.get(word)?.some((rest) => rest.every((next) => present.has(next)))) return true;
    return false;
  });
}

/**
 * normalizeWord, remembered: a chapter uses a few hundred distinct words, and every word of every
 * sentence is asked for in both forms. Bounded, for a long-running editor session.
 */
const normalized = [new Map<string, string>(), new Map<string, string>()];
const MAX_NORMALIZED = 50_000;

function normalizedWord(word: string, keepApostrophes: boolean): string {
  if (PLAIN_WORD.test(word)) return word;
  const known = normalized[keepApostrophes ? 1 : 0]!;
  let form = known.get(word);
  if (form === undefined) {
    if (known.size >= MAX_NORMALIZED) known.clear();
    known.set(word, (form = normalizeWord(word, keepApostrophes)));
  }
  return form;
}

function textOf(node: NlcstContent): string {
  return 'value' in node ? node.value : 'children' in node ? (node.children as NlcstContent[]).map(textOf).join('') : '';
}

/**
 * retext-equality's phrase list, read from the package's own data file, which it does not export.
 * Only an optimization (see asOneParagraph): when the file cannot be found or read as expected
 * (another layout, a bundle), every sentence is searched, as the plugin itself does.
 */
let equalityFirstWords: Promise<FirstWords | undefined> | undefined;

export function loadEqualityFirstWords(): Promise<FirstWords | undefined> {
  equalityFirstWords ??= (async () => {
    try {
      const data = new URL('./patterns-en.js', import.meta.resolve('retext-equality')).href;
      const { patterns } = (await import(/* @vite-ignore */ data)) as { patterns?: unknown };
      if (!Array.isArray(patterns)) return undefined;
      const phrases = patterns.flatMap((pattern: { inconsiderate?: unknown }) =>
        pattern.inconsiderate && typeof pattern.inconsiderate === 'object' ? Object.keys(pattern.inconsiderate) : [],
      );
      return phrases.length > 0 ? firstWordsOf(phrases) : undefined;
    } catch {
      return undefined;
    }
  })();
  return equalityFirstWords;
}

export const repeatedWords = proseRule('repeated-words', unified().use(retextRepeatedWords).freeze());
export const equality = proseRule('equality', unified().use(retextEquality, { ignore: equalityIgnore() }).freeze(), async (tree) =>
  asOneParagraph(tree, await loadEqualityFirstWords()),
);
