/**
 * The chapter's frontmatter, parsed once per file with the `yaml` library, which keeps source
 * ranges, so every rule can put its message on the line of the field it is about.
 */
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export interface SourceRange {
  start: number;
  end: number;
}

export interface ParsedFrontmatter {
  /** The mdast node of the block, when the file has one. */
  node: Yaml | undefined;
  /** The YAML document; its `errors` list syntax problems. */
  document: Document | undefined;
  /** The data as a plain object; undefined when missing, unparseable or not a mapping. */
  data: Record<string, unknown> | undefined;
  /** Source offset of the first character inside the block (after the opening `---`). */
  contentStart: number;
}

const parsed = new WeakMap<Root, ParsedFrontmatter>();

/** The frontmatter of a parsed chapter. */
export function readFrontmatter(tree: Root, source: string): ParsedFrontmatter {
  const known = parsed.get(tree);
  if (known) return known;
  const result = parseFrontmatter(tree, source);
  parsed.set(tree, result);
  return result;
}

function parseFrontmatter(tree: Root, source: string): ParsedFrontmatter {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node || node.position?.start.offset === undefined) return { node: undefined, document: undefined, data: undefined, contentStart: 0 };
  const contentStart = source.indexOf('\n', node.position.start.offset) + 1;
  const document = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const value: unknown = document.errors.length > 0 ? undefined : document.toJS();
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return { node, document, data, contentStart };
}

/** The YAML node at a path such as `['touchpoints', 1]`, when it is written. */
export function yamlNodeAt(frontmatter: ParsedFrontmatter, path: readonly PropertyKey[]): YamlNode | undefined {
  let current: unknown = frontmatter.document?.contents;
  for (const key of path) {
    if (isMap(current)) current = current.get(String(key), true);
    else if (isSeq(current) && typeof key === 'number') current = current.get(key, true);
    else return undefined;
  }
  return current && typeof current === 'object' && 'range' in current ? (current as YamlNode) : undefined;
}

/** Where the key of a top-level field is written, e.g. the `title` of `title: Telephone`. */
export function keyRange(frontmatter: ParsedFrontmatter, key: string): SourceRange | undefined {
  const contents = frontmatter.document?.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? { start: frontmatter.contentStart + range[0], end: frontmatter.contentStart + range[1] } : undefined;
}

/** Where a YAML node's value is written in the chapter's source. */
export function nodeRange(frontmatter: ParsedFrontmatter, node: YamlNode): SourceRange | undefined {
  return node.range ? { start: frontmatter.contentStart + node.range[0], end: frontmatter.contentStart + node.range[1] } : undefined;
}

/** The whole block, from the opening `---` to the closing one. */
export function blockRange(frontmatter: ParsedFrontmatter): SourceRange {
  const position = frontmatter.node?.position;
  return { start: position?.start.offset ?? 0, end: position?.end.offset ?? 0 };
}
