/**
 * The headings of a chapter's tree in document order (as unist-util-visit meets them), found once
 * per tree: the readability and heading-style rules both go through them, and the files that share
 * a text share its tree (see ../readings.ts).
 */
import type { Heading, Nodes, Root } from 'mdast';

const found = new WeakMap<Root, readonly Heading[]>();

export function headingsOf(tree: Root): readonly Heading[] {
  let headings = found.get(tree);
  if (!headings) {
    const list: Heading[] = [];
    const walk = (node: Nodes): void => {
      if (node.type === 'heading') list.push(node);
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    found.set(tree, (headings = list));
  }
  return headings;
}
