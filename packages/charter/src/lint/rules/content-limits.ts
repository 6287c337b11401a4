/**
 * Refuses chapters too large or too deeply nested for the parsers to read safely.
 *
 * Why: the MDX compiler and the checker's parser recurse into nested content; thousands of nested
 * `>` or `- ` on one line crash the compiler without naming the file, and a very long paragraph
 * makes the checker's parser run for minutes. No chapter written for people comes near the limits.
 *
 * How: a scan of the raw text before any parser runs (src/gate/limits.ts), and a measure of the
 * compiler's tree before anything walks it. The limits: 1,000,000 characters a chapter; 100,000
 * characters a block (lines without a blank line between them); 20 levels of nested blockquotes
 * and lists; 48 levels of nested elements and components; 5,000 elements; expressions of at most
 * 2,000 characters, 16 levels of brackets and 8 tags (comments count); 1,000 emphasis marks
 * (`*`, `_`, `~`) a block; 16 levels of square brackets a block (`\[` is text); 500 lines of only
 * `=` or `-`; 100 levels in the parsed tree. A parse
 * that crashes a parser or takes more than 10 s refuses the chapter too. Part of the build's gate: it cannot be turned off.
 *
 * Options: none.
 *
 * @example
 *   {"name": "ok.mdx"}
 *
 *   > A quotation
 *   >
 *   > > with a reply quoted inside it.
 *
 *   - A list
 *     - with a nested item.
 *
 * @example
 *   {"name": "bad.mdx", "label": "input"}
 *
 *   > > > > > > > > > > > > > > > > > > > > > Too deep.
 *
 * @example
 *   {"name": "bad.mdx", "label": "output"}
 *
 *   1:1: Unexpected blockquotes or lists nested 21 deep, expected at most 20 levels
 *
 * @example
 *   {"name": "brackets.md", "label": "input", "config": {"path": "editions/2026.1/reference/rule-example.md"}}
 *
 *   See [[[[[[[[[[[[[[[[[the list]]]]]]]]]]]]]]]]] of [[depots]].
 *
 * @example
 *   {"name": "brackets.md", "label": "output"}
 *
 *   1:1: Unexpected square brackets nested more than 16 deep, expected fewer: write a bracket that is text as \[
 */
import type { RuleSeverity } from '../types.ts';

export const severity: RuleSeverity = 'error';
