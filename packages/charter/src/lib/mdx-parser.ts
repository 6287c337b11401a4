/**
 * The one MDX parser the site's helpers and the checker share, and its cheaper twins for chapters
 * that use no MDX syntax at all, or that cannot hold a GFM autolink literal.
 *
 * Why twins: parsing with the MDX extensions costs about three times as much as plain Markdown, and
 * the checker, the "what changed" pages and the link index parse every chapter. A chapter without
 * JSX (`<`), expressions (`{`) or ESM (`import`/`export` at the start of a line) gives the same tree
 * either way, positions included, once indented code is turned off as MDX turns it off; the tests
 * compare both parsers on the shipped chapters. Likewise GFM's autolink literals (a bare
 * `www.example.com`, `https://…` or e-mail address made a link) are half of what parsing a chapter
 * costs, as they are tried at every word; a text without the characters one needs gives the same
 * tree without them (see mayHoldAutolinkLiteral).
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

/** The constructs (micromark) and the tree transform (mdast) by which remark-gfm makes autolink literals. */
const AUTOLINK_CONSTRUCTS: ReadonlySet<string> = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);
const AUTOLINK_TRANSFORM = 'transformGfmAutolinkLiterals';

type Extensions = { micromark: unknown[]; fromMarkdown: unknown[] };

/**
 * remark-gfm's extensions without autolink literals, found by their names; undefined when a version
 * of remark-gfm names them otherwise, and every text is then parsed with all of GFM.
 */
export function gfmWithoutAutolinkLiterals(): Extensions | undefined {
  const data = unified().use(remarkGfm).freeze().data();
  let constructs = 0;
  let transforms = 0;
  const micromark = (data.micromarkExtensions ?? []).map((extension) =>
    Object.fromEntries(
      Object.entries(extension).map(([hook, map]) => {
        if (!map || typeof map !== 'object') return [hook, map];
        const kept = Object.entries(map as Record<string, unknown>).flatMap(([code, value]) => {
          const list = (Array.isArray(value) ? value : [value]) as { name?: string }[];
          const rest = list.filter((construct) => !AUTOLINK_CONSTRUCTS.has(construct?.name ?? ''));
          constructs += list.length - rest.length;
          return rest.length > 0 ? [[code, Array.isArray(value) ? rest : rest[0]]] : [];
        });
        return [hook, Object.fromEntries(kept)];
      }),
    ),
  );
  const fromMarkdown = (data.fromMarkdownExtensions ?? []).flat().map((extension) => {
    const all = (extension as { transforms?: ((...args: never[]) => unknown)[] }).transforms;
    if (!all) return extension;
    const rest = all.filter((transform) => transform.name !== AUTOLINK_TRANSFORM);
    transforms += all.length - rest.length;
    return { ...extension, transforms: rest };
  });
  // Every construct and the one transform, or the twin would not be the same parser less one feature.
  return constructs >= AUTOLINK_CONSTRUCTS.size && transforms === 1 ? { micromark, fromMarkdown } : undefined;
}

const withoutAutolinks = gfmWithoutAutolinkLiterals();

function gfmWithoutAutolinks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...(withoutAutolinks!.micromark as never[]));
  (data.fromMarkdownExtensions ??= []).push(...(withoutAutolinks!.fromMarkdown as never[]));
}

/** The same three parsers without autolink literals, for texts that cannot hold one; undefined when remark-gfm cannot be split. */
const literalFree = withoutAutolinks && {
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinks).freeze(),
  markdown: unified().use(remarkParse).use(noIndentedCode).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinks).freeze(),
  commonmark: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinks).freeze(),
};

/**
 * Whether a text may hold an autolink literal: an `@` (e-mail addresses, `mailto:`, `xmpp:`),
 * `www` or `http:`/`https:` in any case, or a backslash or `&`, since an escape or a character
 * reference can make any of those in the text the tree holds, which the autolink transform reads.
 */
export function mayHoldAutolinkLiteral(source: string): boolean {
  return /[@&\\]|www|https?:/i.test(source);
}

/** Whether parseChapter can use the parsers without autolink literals (false: remark-gfm could not be split). */
export const AUTOLINK_TWINS = literalFree !== undefined;

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
  const source = typeof file === 'string' ? file : String(file.value);
  const twins = literalFree && !mayHoldAutolinkLiteral(source) ? literalFree : undefined;
  if (format === 'md') return (twins?.commonmark ?? commonmarkParser).parse(file);
  if (usesMdxSyntax(source)) return (twins?.mdx ?? mdxParser).parse(file);
  return (twins?.markdown ?? markdownParser).parse(file);
}
