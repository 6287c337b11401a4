/**
 * Turns an MDX chapter into what a reader sees: sections (split at h2) of plain-text blocks. The
 * "what changed" pages diff this, not the MDX source, so markup and component syntax never show up
 * as changes.
 */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseChapter } from '../mdx-parser.ts';
import type { ChapterFormat } from '../chapter-files.ts';

export type BlockKind = 'paragraph' | 'item' | 'heading' | 'quote' | 'code' | 'row';

export interface TextBlock {
  kind: BlockKind;
  text: string;
}

export interface TextSection {
  /** The h2 text; `null` for the text before the first h2. */
  heading: string | null;
  blocks: TextBlock[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function attribute(node: { attributes?: unknown[] }, name: string): string | undefined {
  for (const attr of node.attributes ?? []) {
    const a = attr as { type: string; name?: string; value?: unknown };
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
  }
  return undefined;
}

/** Component names whose children are example words said to customers. */
const QUOTE_COMPONENTS = new Set(['SayThis', 'CreedStatement']);

/** Appends the reading text of one node of a chapter's tree to `into` (also used by material.ts). */
export function collectBlocks(node: RootContent, into: TextBlock[], inQuote = false): void {
  switch (node.type) {
    case 'paragraph': {
      const text = squash(toString(node));
      if (text) into.push({ kind: inQuote ? 'quote' : 'paragraph', text });
      return;
    }
    case 'heading':
      into.push({ kind: 'heading', text: squash(toString(node)) });
      return;
    case 'list':
      for (const item of node.children) {
        const parts: TextBlock[] = [];
        for (const child of item.children) collectBlocks(child, parts, inQuote);
        const text = squash(parts.map((p) => p.text).join(' '));
        if (text) into.push({ kind: 'item', text });
      }
      return;
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, into, true);
      return;
    case 'code':
      into.push({ kind: 'code', text: node.value });
      return;
    case 'table':
      for (const row of node.children) into.push({ kind: 'row', text: row.children.map((c) => squash(toString(c))).join(' | ') });
      return;
    case 'mdxJsxFlowElement': {
      const title = attribute(node, 'title') ?? attribute(node, 'context');
      if (title) into.push({ kind: 'heading', text: title });
      const quote = inQuote || QUOTE_COMPONENTS.has(node.name ?? '');
      const before = into.length;
      for (const child of node.children) collectBlocks(child as RootContent, into, quote);
      // A one-line component body (`<CreedStatement>I am…</CreedStatement>`) is inline text.
      if (into.length === before) {
        const text = squash(toString(node as Nodes));
        if (text) into.push({ kind: quote ? 'quote' : 'paragraph', text });
      }
      return;
    }
    default:
      // Frontmatter, MDX comments and expressions, thematic breaks and HTML carry no reading text.
      return;
  }
}

/** Parses a chapter's source, Markdown or MDX, into readable sections. */
export function chapterSections(source: string, format: ChapterFormat = 'mdx'): TextSection[] {
  const tree = parseChapter(source, format);
  const sections: TextSection[] = [{ heading: null, blocks: [] }];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      sections.push({ heading: squash(toString(node)), blocks: [] });
      continue;
    }
    collectBlocks(node, sections.at(-1)!.blocks);
  }
  return sections.filter((s) => s.heading !== null || s.blocks.length > 0);
}

/**
 * A chapter's text as it is written, one paragraph per run of lines between blank lines: what a
 * redline compares when a version of the chapter cannot be parsed, so that the change is still shown.
 */
export function plainTextSections(source: string): TextSection[] {
  const blocks = source
    .split(/\r?\n[ \t]*\r?\n/)
    .map(squash)
    .filter(Boolean)
    .map((text): TextBlock => ({ kind: 'paragraph', text }));
  return blocks.length > 0 ? [{ heading: null, blocks }] : [];
}
