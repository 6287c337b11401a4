/** The one MDX parser the checker, its indexes and `--fix` share: the same syntax the site accepts. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';

export const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Parses MDX; throws the parser's VFileMessage when the text is not valid MDX. */
export function parseMdx(file: VFile | string): Root {
  return mdxParser.parse(file);
}
