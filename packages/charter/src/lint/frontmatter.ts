/**
 * The chapter's frontmatter for the checker's rules, read by the one frontmatter module
 * (src/lib/frontmatter.ts): the data as the site reads it and the source range of every field, so
 * every rule can put its message on the line of the field it is about.
 */
import type { Root } from 'mdast';
import { locateFrontmatter, type LocatedFrontmatter } from '../lib/frontmatter.ts';

export { keyRange, nodeRange, yamlNodeAt, type SourceRange } from '../lib/frontmatter.ts';

export type ParsedFrontmatter = LocatedFrontmatter;

/** The frontmatter of a parsed chapter (the tree is not needed; the signature is the rules'). */
export function readFrontmatter(_tree: Root, source: string): ParsedFrontmatter {
  return locateFrontmatter(source);
}
