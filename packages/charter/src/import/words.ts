/**
 * The check that an import lost no words: every word of a source page must be in the chapter made
 * from it (its title, its description or its text), or in what the report lists as removed. Words
 * are read from what a reader sees: the text, code, image descriptions and the text inside HTML;
 * addresses and markup are not words.
 */
import type { Nodes } from 'mdast';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { commonmarkParser, mdxParser } from '../lib/mdx-parser.ts';

/**
 * The words a reader sees in a Markdown or MDX text, lowercased, with how often each occurs. MDX
 * that does not parse is read as Markdown, as the import reads it.
 */
export function wordsOf(markdown: string, format: 'md' | 'mdx' = 'md'): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  const stack: Nodes[] = [parsed(markdown, format)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') add(node.value);
    else if (node.type === 'image' || node.type === 'imageReference') add(node.alt ?? '');
    else if (node.type === 'html') add(htmlText(node.value));
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return counts;
}

function parsed(text: string, format: 'md' | 'mdx'): Nodes {
  if (format === 'mdx') {
    try {
      return mdxParser.parse(text);
    } catch {
      // Read as Markdown below, as the import does.
    }
  }
  return commonmarkParser.parse(text);
}

/** Adds plain text's words to a count. */
export function addWords(counts: Map<string, number>, text: string): void {
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/** Words of the source that are in neither the result nor what was removed, each with how many are missing. */
export function lostWords(source: ReadonlyMap<string, number>, kept: ReadonlyMap<string, number>, removed: ReadonlyMap<string, number>): string[] {
  const lost: string[] = [];
  for (const [word, count] of source) {
    const missing = count - (kept.get(word) ?? 0) - (removed.get(word) ?? 0);
    if (missing > 0) lost.push(missing > 1 ? `${word} (×${missing})` : word);
  }
  return lost.sort();
}

type Node = DefaultTreeAdapterMap['node'];

/** The text inside HTML, as a browser shows it (comments are not text), with image descriptions. */
function htmlText(html: string): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('attrs' in node) for (const attribute of node.attrs) if (attribute.name === 'alt') parts.push(attribute.value);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html) as unknown as Node);
  return parts.join(' ');
}
