/**
 * Size and depth limits, checked on the raw text before any parser sees it.
 *
 * Why: the parsers recurse. Twenty thousand nested `>` on one line crash the MDX compiler with a
 * segmentation fault that names no file, and the checker's parser runs out of stack or runs for
 * minutes on the same input; one long paragraph costs the checker's parser time that grows with
 * the square of its length. A chapter written by a person stays far below these limits, so the
 * scan refuses what would crash or stall a parser, with a located message, and lets the rest through.
 *
 * How: one pass over the lines. Each estimate over-counts rather than under-counts, so a chapter
 * that passes is no deeper than the limit in any parser's reading:
 * - block nesting: the container markers (`>`, `-`, `+`, `*`, `1.`) that open a line, plus half
 *   its indentation when a marker follows it (lists nest by indentation);
 * - element nesting: opened minus closed JSX tags (MDX only: raw HTML in Markdown stays text);
 * - expressions (`{…}`): their length, bracket depth and tags, which the compiler's JavaScript
 *   parser recurses on or backtracks over;
 * - block size: characters in a run of non-blank lines (a paragraph, a table, a list item);
 * - emphasis marks in a block and underline lines in a chapter, which the checker's parser pairs
 *   and resolves at a cost that grows with the square of their number;
 * - square brackets nested in a block: each level is a possible reference that the parsers
 *   resolve and the reference rules report with its whole label, so the messages alone grow with
 *   the square of the depth.
 * After the compiler's parser has read the chapter, `treeDepthProblem` measures the real tree,
 * without recursion, before any recursive visitor walks it.
 */
import { splitFrontmatter } from '../lib/frontmatter-split.ts';
import type { GateProblem } from './problem.ts';

function blankFrontmatter(source: string): string {
  return splitFrontmatter(source).body;
}

export const LIMITS = {
  /** Characters in one chapter file (about 1 MB). */
  chapterCharacters: 1_000_000,
  /** Characters in one block: a run of lines without a blank line between them. */
  blockCharacters: 100_000,
  /** Nested blockquotes and lists. */
  blockDepth: 20,
  /** Nested elements and components. */
  elementDepth: 48,
  /** Nested brackets inside a `{…}` expression. */
  expressionDepth: 16,
  /** Nested square brackets in one block (link text inside link text…). */
  bracketDepth: 16,
  /** Characters of one `{…}` expression, its comments left out. */
  expressionCharacters: 2_000,
  /** Tags (`<b>`) inside one `{…}` expression. */
  expressionTags: 8,
  /** Elements and components in one chapter. */
  elements: 5_000,
  /** Emphasis and strikethrough marks (`*`, `_`, `~`) in one block. */
  emphasisMarks: 1_000,
  /** Lines made only of `=` or `-` (heading underlines and rules) in one chapter. */
  underlineLines: 500,
  /** Depth of the parsed tree, whatever made it deep (emphasis inside links inside lists…). */
  treeDepth: 100,
} as const;

const RULE = 'content-limits';

/** Container markers at the start of a line: a blockquote `>` or a list bullet or number. */
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** All the container markers and indentation a line starts with, for finding a fence after them. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;

interface Place {
  line: number;
  column: number;
  offset: number;
}

export function limitProblems(source: string, format: 'mdx' | 'md'): GateProblem[] {
  if (source.length > LIMITS.chapterCharacters) {
    return [
      problem(
        { line: 1, column: 1, offset: 0 },
        `Unexpected chapter of ${source.length.toLocaleString('en')} characters, expected at most ${LIMITS.chapterCharacters.toLocaleString('en')}: split it into several chapters`,
      ),
    ];
  }
  const problems: GateProblem[] = [];
  const found = new Set<string>();
  const report = (kind: string, place: Place, message: string) => {
    // One message per kind: the first place a limit is passed is where the editor starts.
    if (found.has(kind)) return;
    found.add(kind);
    problems.push(problem(place, message));
  };
  let offset = 0;
  let line = 1;
  let blockStart: Place | undefined;
  let blockLength = 0;
  let blockMarks = 0;
  let bracketDepth = 0;
  let underlines = 0;
  const fenced = fencedLines(source);
  for (const text of source.split('\n')) {
    const place = { line, column: 1, offset };
    if (text.trim() === '') {
      blockStart = undefined;
      blockLength = 0;
      blockMarks = 0;
      bracketDepth = 0;
    } else {
      blockStart ??= place;
      blockLength += text.length + 1;
      if (blockLength > LIMITS.blockCharacters) {
        report(
          'block',
          blockStart,
          `Unexpected paragraph or block of more than ${LIMITS.blockCharacters.toLocaleString('en')} characters, expected shorter blocks: add blank lines between paragraphs`,
        );
      }
      // The checker's parser pairs emphasis marks with a cost that grows with the square of their number.
      if (!fenced.has(line)) blockMarks += text.length - text.replace(/[*_~]/g, '').length;
      if (blockMarks > LIMITS.emphasisMarks) {
        report(
          'emphasis',
          blockStart,
          `Unexpected block with more than ${LIMITS.emphasisMarks.toLocaleString('en')} emphasis marks (*, _ or ~), expected fewer: split the block or write the marks in a code block`,
        );
      }
      if (!fenced.has(line)) {
        const deepest = deepestBracket(text, bracketDepth);
        bracketDepth = deepest.after;
        if (deepest.max > LIMITS.bracketDepth)
          report(
            'bracketDepth',
            place,
            `Unexpected square brackets nested more than ${LIMITS.bracketDepth} deep, expected fewer: write a bracket that is text as \\[`,
          );
      }
      if (!fenced.has(line) && /^[ \t]*(?:=+|-+)[ \t]*$/.test(text) && ++underlines > LIMITS.underlineLines) {
        report(
          'underlines',
          place,
          `Unexpected chapter with more than ${LIMITS.underlineLines} lines of only "=" or "-", expected fewer heading underlines and rules: write headings with "#"`,
        );
      }
    }
    const depth = fenced.has(line) ? 0 : blockDepthOf(text);
    if (depth > LIMITS.blockDepth) {
      report('blockDepth', place, `Unexpected blockquotes or lists nested ${depth} deep, expected at most ${LIMITS.blockDepth} levels`);
    }
    offset += text.length + 1;
    line++;
  }
  // Expressions and elements are the body's; a `{` in the frontmatter is YAML.
  if (format === 'mdx') problems.push(...nestingProblems(blankFrontmatter(source)));
  return problems;
}

/** The deepest square-bracket nesting on a line that starts at `depth`, and the depth after it; `\[` is text. */
function deepestBracket(text: string, depth: number): { max: number; after: number } {
  let max = depth;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') max = Math.max(max, ++depth);
    else if (char === ']' && depth > 0) depth--;
  }
  return { max, after: depth };
}

/**
 * Element and expression nesting in MDX. A tag is read up to its `>`, past quoted values and
 * braces, so a `/>` inside an attribute value does not count as a close. Code spans outside
 * expressions are skipped: they hold text. An expression (a `{…}` region) is measured apart: the compiler's JavaScript
 * parser recurses on brackets, operators and JSX inside it, and backtracks on unclosed JSX, so an
 * expression may be only so long, so deep and hold only so many tags, comments included. Chapters
 * may hold no expression but a comment anyway: these limits only decide whether it is safe to
 * parse the chapter far enough to say so. Fenced code blocks outside any expression hold text and
 * are skipped. The scan is a first line of defence with good messages; the parse itself runs in a
 * separate process (isolated.ts), so a shape the scan misses costs that process, not the build.
 */
function nestingProblems(source: string): GateProblem[] {
  const fenced = fencedLines(source);
  const text = source;
  const problems: GateProblem[] = [];
  const seen = new Set<string>();
  let elementDepth = 0;
  let line = 1;
  let lineStart = 0;
  // The current `{…}` region: where it started, its bracket depth, its length and tags outside comments.
  let region: { start: number; line: number; column: number; depth: number; length: number; tags: number } | undefined;
  let elements = 0;
  const report = (kind: string, offset: number, at: { line: number; column: number }, message: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    problems.push(problem({ line: at.line, column: at.column, offset }, message));
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      line++;
      lineStart = i + 1;
    }
    const here = { line, column: i - lineStart + 1 };
    if (fenced.has(line)) continue;
    if (region) {
      region.length++;
      if (char === '{' || char === '(' || char === '[') region.depth++;
      else if (char === ')' || char === ']') region.depth = Math.max(1, region.depth - 1);
      else if (char === '}') region.depth--;
      else if (char === '<' && /[A-Za-z>]/.test(text[i + 1] ?? '')) region.tags++;
      if (region.depth > LIMITS.expressionDepth) {
        report('expressionDepth', i, here, `Unexpected expression nested more than ${LIMITS.expressionDepth} brackets deep, expected text or a comment`);
      }
      if (region.tags > LIMITS.expressionTags) {
        report('expressionTags', region.start, region, `Unexpected expression holding more than ${LIMITS.expressionTags} tags, expected text or a comment`);
      }
      if (region.length > LIMITS.expressionCharacters) {
        report(
          'expressionLength',
          region.start,
          region,
          `Unexpected expression of more than ${LIMITS.expressionCharacters.toLocaleString('en')} characters (is a "{" never closed?), expected text or a comment`,
        );
      }
      if (region.depth <= 0) region = undefined;
      continue;
    }
    if (char === '`') {
      // A code span holds text. Inside an expression a backtick is JavaScript, so only out here.
      const run = /^`+/.exec(text.slice(i, i + 100))![0];
      const lineEnd = text.indexOf('\n', i);
      const close = text.indexOf(run, i + run.length);
      if (close !== -1 && (lineEnd === -1 || close < lineEnd)) i = close + run.length - 1;
      else i += run.length - 1;
    } else if (char === '{') {
      region = { start: i, line: here.line, column: here.column, depth: 1, length: 0, tags: 0 };
    } else if (char === '<') {
      const next = text[i + 1] ?? '';
      if (next === '/') elementDepth = Math.max(0, elementDepth - 1);
      else if (/[A-Za-z>]/.test(next) && !selfClosing(text, i)) elementDepth++;
      if (/[A-Za-z]/.test(next) && ++elements > LIMITS.elements) {
        report(
          'elements',
          i,
          here,
          `Unexpected chapter with more than ${LIMITS.elements.toLocaleString('en')} elements and components, expected fewer: split it into several chapters`,
        );
      }
      if (elementDepth > LIMITS.elementDepth) {
        report(
          'elementDepth',
          i,
          here,
          `Unexpected elements nested more than ${LIMITS.elementDepth} deep, expected at most ${LIMITS.elementDepth} levels: close elements before opening new ones`,
        );
      }
    }
  }
  return problems;
}

/**
 * Line numbers inside fenced code blocks (``` or ~~~ at the start of a line, closed by a fence of
 * the same character at least as long), the fence lines included.
 */
function fencedLines(text: string): Set<number> {
  const lines = new Set<number>();
  let open: { char: string; length: number } | undefined;
  let braces = 0;
  text.split('\n').forEach((content, index) => {
    // After any container markers (quotes, list items) and indentation; a backtick fence's info
    // string may not hold a backtick (CommonMark), or the line is text, not a fence.
    const rest = content.replace(CONTAINER_PREFIX, '');
    const fence = /^(`{3,}(?=[^`]*$)|~{3,})/.exec(rest)?.[1];
    if (open) {
      lines.add(index + 1);
      if (fence && fence[0] === open.char && fence.length >= open.length && /^[`~]+$/.test(rest.trim())) open = undefined;
      return;
    }
    // A fence inside an expression is JavaScript, not a code block.
    if (fence && braces === 0) {
      open = { char: fence[0]!, length: fence.length };
      lines.add(index + 1);
      return;
    }
    for (const char of content) braces = char === '{' ? braces + 1 : char === '}' ? Math.max(0, braces - 1) : braces;
  });
  return lines;
}

/** Whether the tag opening at `start` ends with `/>`, reading past quoted values and braces. */
function selfClosing(text: string, start: number): boolean {
  let quote = '';
  let braces = 0;
  // A tag longer than any real one counts as open, which can only over-count.
  const end = Math.min(text.length, start + 10_000);
  for (let i = start + 1; i < end; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '{') {
      braces++;
    } else if (char === '}') {
      braces = Math.max(0, braces - 1);
    } else if (char === '>' && braces === 0) {
      return text[i - 1] === '/';
    } else if (char === '<' && braces === 0) {
      // A new tag before this one closed: count this one as open (the parser will refuse it).
      return false;
    }
  }
  return false;
}

/** Containers a line opens: markers, and the indentation before a marker (two columns a level). */
function blockDepthOf(text: string): number {
  let rest = text;
  let depth = 0;
  let indentation = 0;
  for (let match = CONTAINER_MARKER.exec(rest); match; match = CONTAINER_MARKER.exec(rest)) {
    // The space after a marker belongs to it; only more than that can open a deeper level.
    const leading = /^[ \t]*/.exec(match[0])![0].replace(/\t/g, '    ').length;
    indentation += depth === 0 ? leading : Math.max(0, leading - 1);
    depth++;
    rest = rest.slice(match[0].length);
    // 40,000 markers on one line stop counting once past the limit: the answer is already known.
    if (depth > LIMITS.blockDepth * 2) break;
  }
  return depth === 0 ? 0 : depth + Math.floor(indentation / 2);
}

/** The depth of a parsed tree, measured without recursion; a problem when past the limit. */
export function treeDepthProblem(tree: TreeNode): GateProblem | undefined {
  const stack: [TreeNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > LIMITS.treeDepth) {
      const start = node.position?.start;
      return problem(
        { line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0 },
        `Unexpected content nested more than ${LIMITS.treeDepth} levels deep (emphasis, links, lists or elements inside each other), expected flatter content`,
      );
    }
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start?: { line?: number; column?: number; offset?: number } } | undefined;
}

function problem(place: Place, message: string): GateProblem {
  return { ruleId: RULE, line: place.line, column: place.column, endLine: place.line, endColumn: place.column, message };
}
