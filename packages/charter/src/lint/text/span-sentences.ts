/**
 * The sentences and words of a chapter's prose: each prose span (prose-spans.ts) parsed by
 * retext-english into a retext (nlcst) tree, once per span, with every node placed in the source.
 *
 * Why: two kinds of rule read sentences and words, the prose suggestions (rules/prose.ts) and
 * readability (readability.ts). They used to parse the prose twice, once through remark-retext and
 * once span by span, and the two parses were a sixth of a whole-tree run. Reading the spans also
 * means both see the same prose: code, expressions, autolinks and image text are left out.
 *
 * A boundary (where code or an expression was) stays in the text the parser reads, as a symbol: it
 * separates the words on either side without being one, so "the `x` the" repeats no word.
 */
import type { Root } from 'mdast';
import type { Root as NlcstRoot, RootContent as NlcstContent } from 'nlcst';
import type { Point, Position } from 'unist';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { collectProseSpans, placedRange, type ProseSpan } from './prose-spans.ts';

/**
 * retext-english's parser itself: `processor.parse` would first wrap each of a chapter's dozens of
 * spans in a VFile, which the parser does not read.
 */
const parseEnglish = unified().use(retextEnglish).freeze().parser as unknown as (document: string) => NlcstRoot;

/**
 * Per checker tree (files with the same text share one, lint/readings.ts, and so its parses): the
 * source's line index and each span's parse.
 */
const chapters = new WeakMap<Root, { source: string; place: ReturnType<typeof location>; trees: WeakMap<ProseSpan, NlcstRoot> }>();

/** The retext tree of one of the chapter's spans, its positions in the chapter's source. */
export function sentencesOfSpan(tree: Root, source: string, span: ProseSpan): NlcstRoot {
  let known = chapters.get(tree);
  if (known?.source !== source) {
    known = { source, place: location(source), trees: new WeakMap() };
    chapters.set(tree, known);
  }
  let parsed = known.trees.get(span);
  if (!parsed) {
    parsed = parseEnglish(span.text);
    placeInSource(parsed, span, known.place.toPoint);
    known.trees.set(span, parsed);
  }
  return parsed;
}

/**
 * One retext tree of the spans of the given kinds, each span's paragraphs in document order. The
 * nodes are the spans' own (shared, never to be changed); only the root is new.
 */
export function sentencesOfChapter(tree: Root, source: string, kinds: ReadonlySet<ProseSpan['kind']>): NlcstRoot {
  const children = collectProseSpans(tree, source)
    .filter((span) => kinds.has(span.kind))
    .flatMap((span) => sentencesOfSpan(tree, source, span).children);
  return { type: 'RootNode', children };
}

/** Replaces each node's position in the span's text with its place in the source. */
function placeInSource(root: NlcstRoot, span: ProseSpan, toPoint: (offset: number) => Point | undefined): void {
  const visit = (node: NlcstRoot | NlcstContent): void => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from !== undefined && to !== undefined) {
      const range = sourceRange(span, from, to);
      const start = toPoint(range.start);
      const end = toPoint(range.end);
      const position: Position | undefined = start && end ? { start, end } : undefined;
      if (position) node.position = position;
      else delete node.position;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
}

/**
 * The source range of `span.text.slice(from, to)` (prose-spans.ts placedRange); a stretch with no
 * placed character (a boundary alone) is an empty range where it stands.
 */
export function sourceRange(span: ProseSpan, from: number, to: number): { start: number; end: number } {
  const placed = placedRange(span, from, to);
  if (placed) return placed;
  for (let index = from - 1; index >= 0; index--) {
    const place = span.chars[index];
    if (place) return { start: place.end, end: place.end };
  }
  for (let index = to; index < span.chars.length; index++) {
    const place = span.chars[index];
    if (place) return { start: place.start, end: place.start };
  }
  return { start: 0, end: 0 };
}
