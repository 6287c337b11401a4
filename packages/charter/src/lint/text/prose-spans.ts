/**
 * The running text of a chapter as readers see it, in spans that each map every character back to
 * the source.
 *
 * A span is one block of prose (a paragraph, a heading, a table cell), a prose prop of a component
 * (a callout title) or a frontmatter field (title, description). Inline markup is flattened, so a
 * phrase split by a soft line break or by emphasis ("*web* site") reads as one; code, expressions,
 * images, autolinks and link destinations become a boundary character that no phrase can cross.
 * Hand-written because the rules need this one view with exact offsets: `mdast-util-to-string`
 * loses the offsets, and retext's conversion keeps them only per word, with code kept as text.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { isScalar } from 'yaml';
import { PROSE_PROPS } from '../allowed-components.ts';
import { readFrontmatter, yamlNodeAt } from '../frontmatter.ts';
import { alignValue, type CharSource } from './align.ts';

/** Stands for anything that is not prose (inline code, an expression): no phrase matches across it. */
export const BOUNDARY = '\uFFFC';

export type SpanKind = 'block' | 'heading' | 'table-cell' | 'frontmatter' | 'attribute';

/** Which text node a character came from, and the inline nodes around it (outermost first). */
export interface TextOrigin {
  node: Text;
  ancestors: readonly Parent[];
}

export interface ProseSpan {
  kind: SpanKind;
  text: string;
  /** Source range of each character of `text`; undefined for a boundary. */
  chars: readonly (CharSource | undefined)[];
  /** The text node of each character, for spans built from mdast (undefined elsewhere). */
  origins: readonly (TextOrigin | undefined)[];
}

/** Elements whose content is code or machine text, never prose. */
const NOT_PROSE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math']);
const SKIPPED_BLOCKS = new Set(['code', 'yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'html', 'definition']);
const FRONTMATTER_PROSE = ['title', 'description'];

const cache = new WeakMap<Root, ProseSpan[]>();

/** Every prose span of a chapter, in document order (frontmatter first). */
export function collectProseSpans(tree: Root, source: string): ProseSpan[] {
  const known = cache.get(tree);
  if (known) return known;
  const spans = [...frontmatterSpans(tree, source)];
  collectBlock(tree, source, spans);
  cache.set(tree, spans);
  return spans;
}

function collectBlock(node: Nodes, source: string, spans: ProseSpan[]): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const kind = node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'table-cell' : 'block';
    spans.push(phrasingSpan(kind, node, source, spans));
    return;
  }
  if (SKIPPED_BLOCKS.has(node.type)) return;
  if (node.type === 'mdxJsxFlowElement') {
    if (isNotProse(node)) return;
    spans.push(...attributeSpans(node, source));
  }
  if ('children' in node) for (const child of node.children) collectBlock(child, source, spans);
}

class SpanBuilder {
  text = '';
  chars: (CharSource | undefined)[] = [];
  origins: (TextOrigin | undefined)[] = [];

  addText(node: Text, ancestors: readonly Parent[], source: string): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return this.addBoundary();
    const origin: TextOrigin = { node, ancestors };
    this.text += node.value;
    for (const place of alignValue(node.value, source, start, end)) this.chars.push(place);
    for (let index = 0; index < node.value.length; index++) this.origins.push(origin);
  }

  addChar(char: string, place: CharSource | undefined): void {
    this.text += char;
    this.chars.push(place);
    this.origins.push(undefined);
  }

  addBoundary(): void {
    // One boundary is enough between two pieces of prose.
    if (!this.text.endsWith(BOUNDARY)) this.addChar(BOUNDARY, undefined);
  }

  build(kind: SpanKind): ProseSpan {
    return { kind, text: this.text, chars: this.chars, origins: this.origins };
  }
}

/** The span of one heading, paragraph or cell on its own (prose props inside it are left out). */
export function spanOfPhrasing(node: Parent, source: string, kind: SpanKind = 'block'): ProseSpan {
  return phrasingSpan(kind, node, source, []);
}

/** The span of a frontmatter field such as `title`, when it is a string. */
export function spanOfFrontmatterField(tree: Root, source: string, key: string): ProseSpan | undefined {
  const frontmatter = readFrontmatter(tree, source);
  const node = yamlNodeAt(frontmatter, [key]);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const from = frontmatter.contentStart + node.range[0];
  const to = frontmatter.contentStart + node.range[1];
  // Escapes (`\u0063`, `\n`) and doubled quotes (`''`) spell characters otherwise than they read,
  // so the characters cannot be found one by one: each is placed on the whole value instead, which
  // puts a message on the right field and offers no fix (see wording.ts canRewrite).
  const written = source.slice(from, to);
  const spelledOtherwise = (node.type === 'QUOTE_DOUBLE' && written.includes('\\')) || (node.type === 'QUOTE_SINGLE' && written.slice(1, -1).includes("''"));
  const chars = spelledOtherwise
    ? [...node.value].flatMap((char) => Array.from(char, () => ({ start: from, end: to })))
    : alignValue(node.value, source, from, to);
  return plainSpan('frontmatter', node.value, chars);
}

function phrasingSpan(kind: SpanKind, block: Parent, source: string, spans: ProseSpan[]): ProseSpan {
  const builder = new SpanBuilder();
  for (const child of block.children) addInline(child as PhrasingContent, [], builder, source, spans);
  return builder.build(kind);
}

function addInline(node: PhrasingContent, ancestors: readonly Parent[], builder: SpanBuilder, source: string, spans: ProseSpan[]): void {
  switch (node.type) {
    case 'text':
      return builder.addText(node, ancestors, source);
    case 'break': {
      const place = node.position ? { start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0 } : undefined;
      return builder.addChar('\n', place);
    }
    case 'link':
      if (isAutolink(node, source)) return builder.addBoundary();
      return addChildren(node, ancestors, builder, source, spans);
    case 'mdxJsxTextElement':
      if (isNotProse(node) || node.children.length === 0) return builder.addBoundary();
      spans.push(...attributeSpans(node, source));
      return addChildren(node, ancestors, builder, source, spans);
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'linkReference':
      return addChildren(node, ancestors, builder, source, spans);
    default:
      // inline code, expressions, images, footnote references: not prose.
      return builder.addBoundary();
  }
}

function addChildren(node: Parent, ancestors: readonly Parent[], builder: SpanBuilder, source: string, spans: ProseSpan[]): void {
  const inside = [...ancestors, node];
  for (const child of node.children) addInline(child as PhrasingContent, inside, builder, source, spans);
}

/** A bare URL turned into a link (`https://…`, `www.…`): its text is the address, not prose. */
function isAutolink(node: Link, source: string): boolean {
  const start = node.position?.start.offset;
  return start === undefined || source[start] !== '[';
}

function isNotProse(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  return node.name !== null && NOT_PROSE_ELEMENTS.has(node.name.toLowerCase());
}

/** Spans for the prose props of a component, such as a callout's `title`. */
function attributeSpans(node: MdxJsxFlowElement | MdxJsxTextElement, source: string): ProseSpan[] {
  const names = (node.name && PROSE_PROPS[node.name]) || [];
  return node.attributes
    .filter(
      (attribute): attribute is MdxJsxAttribute & { value: string } =>
        attribute.type === 'mdxJsxAttribute' && names.includes(attribute.name) && typeof attribute.value === 'string',
    )
    .flatMap((attribute) => {
      const start = attribute.position?.start.offset;
      const end = attribute.position?.end.offset;
      if (start === undefined || end === undefined) return [];
      // The value starts after `name=` and its opening quote.
      const open = source.slice(start, end).search(/["']/);
      if (open < 0) return [];
      return [plainSpan('attribute', attribute.value, alignValue(attribute.value, source, start + open + 1, end))];
    });
}

/** Spans for the frontmatter fields readers see: the title and the description. */
function frontmatterSpans(tree: Root, source: string): ProseSpan[] {
  return FRONTMATTER_PROSE.flatMap((key) => spanOfFrontmatterField(tree, source, key) ?? []);
}

function plainSpan(kind: SpanKind, text: string, chars: CharSource[]): ProseSpan {
  return { kind, text, chars, origins: chars.map(() => undefined) };
}

/** The source range of `span.text.slice(start, end)`. */
export function spanRange(span: ProseSpan, start: number, end: number): { start: number; end: number } {
  return placedRange(span, start, end) ?? { start: 0, end: 0 };
}

/**
 * The source range of `span.text.slice(from, to)`, from its first placed character to its last;
 * undefined when none is placed (a boundary alone). A loop, not slices: it is asked for every word.
 */
export function placedRange(span: ProseSpan, from: number, to: number): { start: number; end: number } | undefined {
  let first: number | undefined;
  let last = 0;
  for (let index = from; index < to; index++) {
    const place = span.chars[index];
    if (!place) continue;
    first ??= place.start;
    last = place.end;
  }
  return first === undefined ? undefined : { start: first, end: last };
}
