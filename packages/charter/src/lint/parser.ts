/** The one MDX parser the checker, its indexes and `--fix` share: the same syntax the site accepts. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { mdxParser } from '../lib/mdx-parser.ts';

export { mdxParser, parseChapter } from '../lib/mdx-parser.ts';

/** Parses MDX; throws the parser's VFileMessage when the text is not valid MDX. */
export function parseMdx(file: VFile | string): Root {
  return mdxParser.parse(file);
}
