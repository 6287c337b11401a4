/**
 * What a chapter points at, read from the compiler's own tree: every link and image address with
 * its place, and the ids its headings get. The build and the checker both check links against
 * this one reading, so they cannot disagree about which links a page has or what its anchors are.
 *
 * Heading ids are made as the site's Markdown processor makes them: GitHub-style slugs of each
 * heading's text after smart punctuation, repeats numbered `-1`, `-2`.
 */
import GithubSlugger from 'github-slugger';
import { attributeText, type TreeNode } from './check-tree.ts';
import { pointAt } from './problem.ts';
import { readRawHtml } from './raw-html.ts';

export interface Reference {
  /** `link` for pages and downloads, `image` for what the page shows, `term` for a `<Term id>`, `standard` for a `<Standard id>`. */
  kind: 'link' | 'image' | 'term' | 'standard';
  /** The address as written; for a term, its glossary id; for a standard, its id. */
  url: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ChapterReferences {
  references: Reference[];
  /** The ids of the chapter's headings, in order. */
  anchors: string[];
}

/** The links, images and heading ids of a compiler tree of `body`. */
export function chapterReferences(tree: TreeNode, body: string): ChapterReferences {
  const references: Reference[] = [];
  const anchors: string[] = [];
  const slugger = new GithubSlugger();
  const definitions = new Map<string, TreeNode>();
  const imageLabels = new Set<string>();
  const add = (kind: Reference['kind'], url: string, place: TreeNode['position']) => {
    const start = place?.start ?? { line: 1, column: 1 };
    const end = place?.end ?? start;
    references.push({ kind, url, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  };
  const stack: TreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'heading':
        anchors.push(slugger.slug(textOf(node)));
        break;
      case 'link':
        add('link', node.url ?? '', node.position);
        break;
      case 'image':
        add('image', node.url ?? '', node.position);
        break;
      case 'definition':
        if (node.identifier) definitions.set(node.identifier.toLowerCase(), node);
        break;
      case 'imageReference':
        if (node.identifier) imageLabels.add(node.identifier.toLowerCase());
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsxReferences(node, add);
        break;
      case 'html':
        rawHtmlReferences(node, body, add);
        break;
      default:
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  // A definition is where a reference-style link or image gets its address.
  for (const [label, definition] of definitions) add(imageLabels.has(label) ? 'image' : 'link', definition.url ?? '', definition.position);
  references.sort((a, b) => a.line - b.line || a.column - b.column);
  return { references, anchors };
}

/** A heading's text as the page shows it: text and code, inside emphasis, links and components. */
function textOf(node: TreeNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

type Add = (kind: Reference['kind'], url: string, place: TreeNode['position']) => void;

function jsxReferences(node: TreeNode, add: Add): void {
  const attribute = node.name === 'a' ? 'href' : node.name === 'img' ? 'src' : node.name === 'Term' || node.name === 'Standard' ? 'id' : undefined;
  if (!attribute) return;
  const text = attributeText(node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute)?.value);
  if (attribute === 'id') add(node.name === 'Term' ? 'term' : 'standard', typeof text === 'string' ? text : '', node.position);
  else if (typeof text === 'string') add(attribute === 'href' ? 'link' : 'image', text, node.position);
}

function rawHtmlReferences(node: TreeNode, body: string, add: Add): void {
  const value = node.value ?? '';
  if (!/<(?:a|img)\b/i.test(value)) return;
  const start = node.position?.start.offset;
  const mapped = start !== undefined && body.slice(start, start + value.length) === value;
  for (const element of readRawHtml(value).elements) {
    const attribute = element.name === 'a' ? 'href' : element.name === 'img' ? 'src' : undefined;
    const url = attribute && element.attributes.find((a) => a.name === attribute)?.value;
    if (url === undefined || url === '') continue;
    const place = mapped ? { start: pointAt(body, start + element.start), end: pointAt(body, start + element.end) } : node.position;
    add(attribute === 'href' ? 'link' : 'image', url, place);
  }
}
