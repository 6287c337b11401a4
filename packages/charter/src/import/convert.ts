/**
 * One imported page turned into a Markdown chapter: its frontmatter kept where Charter knows the
 * field and completed where it is missing, its first heading made the title, the syntax of other
 * tools (Hugo shortcodes, Docusaurus and MkDocs admonitions, MDX) turned into plain Markdown, its
 * raw HTML repaired (html.ts), and its links and images pointed at the new files. Edits are made
 * on the text itself, so everything the importer does not touch stays exactly as it was written.
 * Every change is listed, and everything removed is kept in `removedText` for the word check.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { commonmarkParser, mdxParser } from '../lib/mdx-parser.ts';
import { classifyUrl, decodeCharacterReferences, imageSourceProblem } from '../gate/urls.ts';
import { repairHtml } from './html.ts';

export interface PageEdits {
  /** The page's body as Markdown, without frontmatter. */
  body: string;
  title: string | undefined;
  /** The first paragraph's text, for the description. */
  firstParagraph: string | undefined;
  /** Frontmatter fields as the page had them. */
  frontmatter: Record<string, unknown>;
  changes: string[];
  /** Things a person should look at, with the line in the source page (or, with `inChapter`, in the chapter written). */
  needs: { line: number; message: string; inChapter?: true }[];
  removedText: string[];
}

/** What a link or image address becomes (the same address when it needs no change). */
export type Rewrite = (kind: 'link' | 'image', url: string) => string;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Reads and converts one page. `format` is how the source was written. */
export function convertPage(source: string, format: 'md' | 'mdx', rewrite: Rewrite): PageEdits {
  const result: PageEdits = { body: '', title: undefined, firstParagraph: undefined, frontmatter: {}, changes: [], needs: [], removedText: [] };
  const { data, body, bodyLine } = readFrontmatter(source, result);
  result.frontmatter = data;
  const lineOf = (offsetLine: number) => offsetLine + bodyLine - 1;
  let text = normalizeLineEnds(body);
  text = otherToolsSyntax(text, result, lineOf);
  let tree: Root;
  let mdx = false;
  if (format === 'mdx') {
    try {
      tree = mdxParser.parse(text);
      mdx = true;
    } catch (error) {
      tree = commonmarkParser.parse(text);
      result.changes.push(`read as plain Markdown: it is not valid MDX (${String((error as Error).message).split('\n')[0]})`);
    }
  } else {
    tree = commonmarkParser.parse(text);
  }
  const edits: Edit[] = [];
  takeTitle(tree, text, result, edits);
  // The first paragraph with words of its own: a row of badges (images in links) says nothing.
  const first = tree.children
    .map((node) => (node.type === 'paragraph' ? squash(toString(node, { includeImageAlt: false })) : ''))
    .find((text) => text.length >= 20);
  if (first) result.firstParagraph = first;
  collectEdits(tree, text, rewrite, result, edits, lineOf, mdx);
  result.body = applyEdits(text, edits).replace(/^\s*\n/, '');
  return result;
}

/**
 * A page's body as its own tool shows it, before any conversion: admonition bodies read as text
 * (plain Markdown would take MkDocs' indented ones for code), shortcodes and template tags as
 * what they stand for rather than as words. The word check counts the source's words in this.
 */
export function toolReading(source: string): string {
  const scratch: PageEdits = { body: '', title: undefined, firstParagraph: undefined, frontmatter: {}, changes: [], needs: [], removedText: [] };
  return otherToolsSyntax(normalizeLineEnds(readFrontmatter(source, scratch).body), scratch, (line) => line);
}

function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The frontmatter: YAML between `---` lines, or TOML between `+++` lines (Hugo). */
function readFrontmatter(source: string, result: PageEdits): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length;
  const body = text.slice(match[0].length);
  try {
    // Placeholders such as {{date:YYYY-MM-DD}} read as odd keys; the warnings would only be noise, the fields are checked below.
    const data = match[1] === '---' ? parseYaml(match[2]!, { logLevel: 'error' }) : readToml(match[2]!, result);
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, body, bodyLine };
    result.needs.push({ line: 1, message: 'frontmatter is not a list of fields: left out, the fields were filled in' });
  } catch (error) {
    result.needs.push({
      line: 1,
      message: `frontmatter could not be read (${String((error as Error).message).split('\n')[0]}): left out, the fields were filled in`,
    });
  }
  return { data: {}, body, bodyLine };
}

/** The simple part of TOML that Hugo pages use: `key = "text"`, numbers, booleans and lists of strings. */
function readToml(text: string, result: PageEdits): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let table = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      table = `${header[1]!.trim()}.`;
      continue;
    }
    const field = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(trimmed);
    if (!field) {
      result.changes.push(`left out a frontmatter line it could not read: ${trimmed.slice(0, 60)}`);
      continue;
    }
    const [, key, raw] = field;
    let value: unknown;
    try {
      value = JSON.parse(raw!.replace(/^'(.*)'$/, (_, inner: string) => JSON.stringify(inner)));
    } catch {
      value = raw;
    }
    data[`${table}${key}`] = value;
  }
  return data;
}

/**
 * Syntax of other tools that plain Markdown would show as text or misread, outside code blocks:
 * Hugo and Jekyll shortcodes (a `ref` or `relref` keeps the file it names, as a link address),
 * Docusaurus admonitions (`:::note Title` … `:::`) and MkDocs admonitions (`!!! note "Title"`
 * with an indented body, which Markdown would read as code).
 */
function otherToolsSyntax(text: string, result: PageEdits, lineOf: (line: number) => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let admonitionIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch && admonitionIndent === undefined) {
      if (fence === undefined) fence = fenceMatch[1]![0]!.repeat(fenceMatch[1]!.length);
      else if (line.trim().startsWith(fence)) fence = undefined;
      out.push(line);
      continue;
    }
    if (fence !== undefined) {
      out.push(line);
      continue;
    }
    if (admonitionIndent !== undefined) {
      if (line.trim() === '' || /^( {4}|\t)/.test(line)) {
        out.push(line.replace(/^( {4}|\t)/, ''));
        continue;
      }
      admonitionIndent = undefined;
    }
    const mkdocs = /^(!!!|\?\?\?\+?)\s+([A-Za-z-]+)(?:\s+"([^"]*)")?\s*$/.exec(line);
    if (mkdocs) {
      out.push(`**${mkdocs[3] || capitalize(mkdocs[2]!)}**`);
      if (mkdocs[3]) result.removedText.push(mkdocs[2]!);
      admonitionIndent = 4;
      result.changes.push(`turned a "${mkdocs[2]}" admonition into a bold line and its text`);
      continue;
    }
    const docusaurus = /^\s*:::\s*([A-Za-z-]+)?(?:\[(.*)\]|\s+(.*))?\s*$/.exec(line);
    if (docusaurus) {
      const label = docusaurus[2] ?? docusaurus[3];
      if (docusaurus[1] || label) {
        out.push(`**${(label && label.trim()) || capitalize(docusaurus[1]!)}**`);
        if (label && docusaurus[1]) result.removedText.push(docusaurus[1]);
        result.changes.push(`turned a "${docusaurus[1] ?? 'note'}" admonition into a bold line and its text`);
      } else {
        out.push('');
      }
      continue;
    }
    out.push(outsideCode(line, (part) => shortcodes(part, result, lineOf(i + 1))));
  }
  return out.join('\n');
}

/** Applies `change` to the parts of a line outside inline code spans. */
function outsideCode(line: string, change: (part: string) => string): string {
  if (!line.includes('`')) return change(line);
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}

/** Hugo and Jekyll shortcodes and template tags in a part of a line, removed and reported; a `ref` keeps the file it names. */
function shortcodes(text: string, result: PageEdits, line: number): string {
  const withoutShortcodes = text.replace(/\{\{[<%]\s*(\/?)([A-Za-z0-9_-]+)([^]*?)[>%]\}\}/g, (shortcode, closing: string, name: string, args: string) => {
    result.removedText.push(shortcode);
    if (!closing && (name === 'ref' || name === 'relref')) {
      const target = /"([^"]+)"|'([^']+)'|(\S+)/.exec(args.trim());
      result.changes.push(`replaced the ${name} shortcode with the file it names`);
      return target ? (target[1] ?? target[2] ?? target[3]!) : '';
    }
    result.needs.push({ line, message: `shortcode ${shortcode.slice(0, 80)} removed: Charter has no shortcodes; its text, if any, stays` });
    return '';
  });
  return withoutShortcodes.replace(/\{%-?\s*([A-Za-z_]+)[^]*?-?%\}|\{\{-?\s*[^{}]+?\s*-?\}\}/g, (template) => {
    if (/^\{\{\s*\//.test(template)) return template;
    result.removedText.push(template);
    result.needs.push({ line, message: `template tag ${template.slice(0, 80)} removed: pages are not templates` });
    return '';
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first heading, when it is a level-1 heading before any other text: the page's title, taken out of the body. */
function takeTitle(tree: Root, text: string, result: PageEdits, edits: Edit[]): void {
  const first = tree.children.find((node) => node.type !== 'html' || !/^<!--/.test(node.value));
  // A title written in HTML (a centred <h1> above the text) names the page; the HTML stays as it is.
  const htmlTitle = first?.type === 'html' ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(first.value)?.[1] : undefined;
  if (htmlTitle !== undefined) {
    const title = squash(decodeCharacterReferences(htmlTitle.replace(/<[^>]*>/g, '')));
    if (title) result.title = title;
    return;
  }
  if (!first || first.type !== 'heading' || first.depth !== 1 || !first.position) return;
  result.title = squash(toString(first));
  const start = first.position.start.offset!;
  const end = text.indexOf('\n', first.position.end.offset!);
  edits.push({ start, end: end === -1 ? text.length : end + 1, text: '' });
  result.changes.push('took the title from the first heading, which the page shows above the text');
}

/** Collapses runs of whitespace, for titles and descriptions. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function collectEdits(tree: Root, text: string, rewrite: Rewrite, result: PageEdits, edits: Edit[], lineOf: (line: number) => number, mdx: boolean): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const place = node.position;
    const start = place?.start.offset;
    const end = place?.end.offset;
    if (start !== undefined && end !== undefined) {
      switch (node.type) {
        case 'link':
        case 'image':
        case 'definition': {
          const kind = node.type === 'image' ? 'image' : 'link';
          const rewritten = rewrite(kind, node.url);
          if (node.type === 'image' && classifyUrl(node.url).kind === 'other-host') {
            // The site shows nothing from other hosts: the image becomes a link to it, for a person to download.
            edits.push({ start, end: start + 1, text: '' });
            result.changes.push('turned an image from another host into a link to it');
            result.needs.push({
              line: lineOf(place!.start.line),
              message: `image ${node.url}: download it into the content folder next to the chapter and show it from there`,
            });
            break;
          }
          if (rewritten !== node.url) {
            const edit = urlEdit(text, start, end, node.type === 'definition');
            if (edit) edits.push({ ...edit, text: formatUrl(rewritten) });
          }
          if (node.type === 'image' && imageSourceProblem(rewritten)) {
            // A file a browser cannot show as an image (.tiff, .bmp): offered as a download instead.
            edits.push({ start, end: start + 1, text: '' });
            result.changes.push('turned an image a browser cannot show into a link to the file');
          }
          break;
        }
        case 'html': {
          const repair = repairHtml(text.slice(start, end), rewrite);
          if (repair.html !== text.slice(start, end)) edits.push({ start, end, text: repair.html });
          result.changes.push(...repair.changes);
          result.needs.push(...repair.needs.map((message) => ({ line: lineOf(place!.start.line), message })));
          result.removedText.push(...repair.removedText);
          break;
        }
        case 'mdxjsEsm':
          edits.push({ start, end, text: '' });
          result.removedText.push(node.value);
          result.needs.push({ line: lineOf(place!.start.line), message: `removed "${squash(node.value).slice(0, 60)}": chapters import nothing` });
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression': {
          const comment = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(node.value);
          edits.push({ start, end, text: comment ? `<!--${comment[1]!.replace(/--/g, '- -')}-->` : '' });
          // A comment stays for editors, as an HTML comment; like every comment, it is not on the page.
          if (comment) result.removedText.push(comment[1]!);
          if (!comment) {
            result.removedText.push(node.value);
            result.needs.push({
              line: lineOf(place!.start.line),
              message: `removed the expression {${squash(node.value).slice(0, 60)}}: chapters hold text, not code`,
            });
          }
          break;
        }
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          if (mdx) unwrapJsx(node, text, edits, result, lineOf);
          break;
        default:
          break;
      }
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

/** An MDX component's tags go, its text stays (a Markdown chapter has no components). */
function unwrapJsx(
  node: Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>,
  text: string,
  edits: Edit[],
  result: PageEdits,
  lineOf: (line: number) => number,
): void {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const children = node.children.filter((child) => child.position);
  const name = node.name ?? 'fragment';
  if (children.length === 0) {
    edits.push({ start, end, text: '' });
    result.changes.push(`removed <${name}>`);
    result.needs.push({ line: lineOf(node.position!.start.line), message: `<${name}> removed: Markdown chapters have no components` });
    return;
  }
  const innerStart = children[0]!.position!.start.offset!;
  const innerEnd = children.at(-1)!.position!.end.offset!;
  // Tags on lines of their own separate blocks: a blank line keeps the blocks apart once they go.
  const gap = node.type === 'mdxJsxFlowElement' ? '\n\n' : '';
  edits.push({ start, end: innerStart, text: gap }, { start: innerEnd, end, text: gap });
  result.changes.push(`unwrapped <${name}>, keeping its text`);
  const opening = text.slice(start, innerStart);
  if (/\s[A-Za-z-]+=/.test(opening))
    result.needs.push({ line: lineOf(node.position!.start.line), message: `<${name}> unwrapped: its settings (${squash(opening).slice(0, 60)}) are gone` });
}

/** Where the address sits in a link, image or definition's text. */
function urlEdit(text: string, start: number, end: number, definition: boolean): { start: number; end: number } | undefined {
  const slice = text.slice(start, end);
  if (definition) {
    const match = /^\s*\[(?:[^\]\\]|\\.)*\]:\s*(<[^>\n]*>|\S+)/.exec(slice);
    if (!match) return undefined;
    const at = match.index + match[0].length - match[1]!.length;
    return { start: start + at, end: start + at + match[1]!.length };
  }
  let found: { start: number; end: number } | undefined;
  for (const match of slice.matchAll(/\]\(\s*(<[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)/g)) {
    const at = match.index + match[0].length - match[1]!.length;
    found = { start: start + at, end: start + at + match[1]!.length };
  }
  return found;
}

/** An address as Markdown writes it: in angle brackets when it has spaces or parentheses. */
function formatUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  let last = Infinity;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    // Edits inside a part already replaced (a link inside removed HTML) are moot.
    if (edit.end > last) continue;
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    last = edit.start;
  }
  return result;
}
