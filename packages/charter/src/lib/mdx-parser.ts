/**
 * The one MDX parser the site's helpers and the checker share, and its cheaper twin for chapters
 * that use no MDX syntax at all.
 *
 * Why two: parsing with the MDX extensions costs about three times as much as plain Markdown, and
 * the checker, the "what changed" pages and the link index parse every chapter. A chapter without
 * JSX (`<`), expressions (`{`) or ESM (`import`/`export` at the start of a line) gives the same tree
 * either way, positions included, once indented code is turned off as MDX turns it off; the tests
 * compare both parsers on the shipped chapters.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import type { ChapterFormat } from './chapter-files.ts';

export const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** MDX reads indented lines as text, not code: the Markdown parser must do the same to agree with it. */
function noIndentedCode(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
}

export const markdownParser = unified().use(remarkParse).use(noIndentedCode).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** `.md` chapters: CommonMark and GFM as the compiler reads Markdown, indented code and raw HTML included. */
export const commonmarkParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

const MDX_SYNTAX = /[<{]|^[ \t]*(?:import|export)\b/m;

/** Whether a source may use MDX syntax, and so needs the MDX parser. */
export function usesMdxSyntax(source: string): boolean {
  return MDX_SYNTAX.test(source);
}

/**
 * Parses a chapter as the compiler reads its format: a `.md` chapter as Markdown, an `.mdx` one
 * with the cheapest parser that reads it as MDX would. Throws MDX syntax errors.
 */
export function parseChapter(file: VFile | string, format: ChapterFormat = 'mdx'): Root {
  if (format === 'md') return commonmarkParser.parse(file);
  const source = typeof file === 'string' ? file : String(file.value);
  return (usesMdxSyntax(source) ? mdxParser : markdownParser).parse(file);
}
