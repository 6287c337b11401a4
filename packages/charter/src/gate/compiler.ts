/**
 * The MDX compiler as the site runs it, shared by the build and the gate so that the gate parses
 * with exactly the parser and features the compiler uses.
 */
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';

/**
 * Parser features of the site's Markdown and MDX: Astro's defaults, written out so that the gate
 * and the site's processor use the same ones (smart punctuation changes where bare web addresses
 * end, so it changes which text becomes a link).
 */
export const COMPILER_FEATURES: Features = { gfm: true, smartPunctuation: true };

import type { ChapterFormat } from '../lib/chapter-files.ts';

export type { ChapterFormat } from '../lib/chapter-files.ts';
export { chapterFormatOf as formatOf } from '../lib/chapter-files.ts';

/** The compiler's own tree of a body; throws the compiler's parse error. */
export function compilerTree(body: string, format: ChapterFormat): unknown {
  return format === 'mdx' ? mdxToMdast(body, { features: COMPILER_FEATURES }) : markdownToMdast(body, { features: COMPILER_FEATURES });
}
