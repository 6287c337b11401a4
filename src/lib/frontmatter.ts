/**
 * The one frontmatter splitter: where a chapter's frontmatter ends and its body begins, exactly as
 * the site builder decides it, and the shapes on which other readers would decide differently.
 *
 * Why: Astro ends frontmatter at the first line that *starts* with `---` or `+++`, allows blank
 * lines before the opening fence and TOML between `+++` fences; Markdown parsers (the checker's
 * remark-frontmatter among them) want exactly `---` on the first line. Wherever the two disagree,
 * the body one tool checks is not the body the other compiles. So the split mirrors Astro's
 * (`@astrojs/internal-helpers/frontmatter`, compared in tests/unit/frontmatter-split.test.ts), and
 * every shape on which the readers could disagree is refused with a message saying what to write.
 * The YAML may not use tags (`!!js/function`) or anchors and aliases: one YAML reader refuses what
 * another accepts, and aliases can expand a few lines into gigabytes.
 */
import { CST, Lexer } from 'yaml';
import type { GateProblem } from '../gate/problem.ts';

export interface FrontmatterSplit {
  /** The text between the fences, as Astro hands it to its YAML parser; undefined without frontmatter. */
  yaml: string | undefined;
  /** Offset in the source of the first character of `yaml`. */
  yamlOffset: number;
  /** The body the MDX compiler receives: the frontmatter blanked with spaces, so positions stay. */
  body: string;
}

/** Astro's own pattern (astro 7, internal-helpers 0.11): a fence of `---` or `+++`, anything, a newline, a fence. */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FENCE_KIND = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/** Splits as Astro does (its "empty-with-spaces" mode, which the MDX integration uses). */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const match = ASTRO_FRONTMATTER.exec(source);
  if (!match) return { yaml: undefined, yamlOffset: 0, body: source };
  const raw = match[1]!;
  const fence = ASTRO_FENCE_KIND.exec(source)?.[1] === '+++' ? '+++' : '---';
  const block = `${fence}${raw}${fence}`;
  const at = source.indexOf(block);
  // Astro replaces the first occurrence of fence + text + fence; when the fences differ there is
  // none, and the compiler receives the whole file.
  if (at === -1) return { yaml: raw, yamlOffset: match.index + match[0].indexOf(raw), body: source };
  const body = source.slice(0, at) + `   ${raw.replace(/[^\r\n]/g, ' ')}   ` + source.slice(at + block.length);
  return { yaml: raw, yamlOffset: at + fence.length, body };
}

const SHAPE_RULE = 'frontmatter';

/** Shapes of frontmatter (and line endings) that the site builder and the checker would read differently. */
export function frontmatterShapeProblems(source: string): GateProblem[] {
  const problems: GateProblem[] = [];
  const loneCr = /\r(?!\n)/.exec(source);
  if (loneCr) {
    problems.push(at(source, loneCr.index, 'Unexpected line ending "\\r" alone (old Mac style), expected "\\n" or "\\r\\n": save the file with Unix or Windows line endings'));
  }
  const astro = ASTRO_FRONTMATTER.exec(source);
  const opening = /^\uFEFF?([^\r\n]*)/.exec(source)![1]!;
  if (!astro) {
    if (/^(?:---|\+\+\+)/.test(opening)) {
      problems.push(at(source, 0, 'Unexpected frontmatter without its closing line, expected a line of exactly "---" after the fields'));
    }
    return problems;
  }
  if (!isCanonical(source, astro, opening)) problems.push(shapeProblem(source, astro, opening));
  return problems;
}

/**
 * The one shape every reader splits the same way: `---` alone on the very first line, and Astro's
 * closing fence is a line of exactly `---`.
 */
function isCanonical(source: string, astro: RegExpExecArray, opening: string): boolean {
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  if (opening !== '---' || astro.index !== 0 || !astro[0].startsWith('---', bom)) return false;
  return closingLine(source, astro) === '---';
}

/** The whole line on which Astro's closing fence stands, without its line ending. */
function closingLine(source: string, astro: RegExpExecArray): string {
  const start = astro.index + astro[0].length - 3;
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
}

function shapeProblem(source: string, astro: RegExpExecArray, opening: string): GateProblem {
  const fenceStart = astro.index + astro[0].search(/---|\+\+\+/);
  if (source.slice(fenceStart, fenceStart + 3) === '+++') {
    return at(source, fenceStart, 'Unexpected TOML frontmatter between "+++" lines, expected YAML between lines of exactly "---"');
  }
  if (fenceStart > (source.startsWith('\uFEFF') ? 1 : 0)) {
    return at(source, 0, 'Unexpected blank lines before the frontmatter, expected "---" on the very first line');
  }
  if (opening !== '---') {
    return at(source, 0, `Unexpected frontmatter opening "${opening.replace(/^\uFEFF/, '').slice(0, 20)}", expected a line of exactly "---"`);
  }
  const closeStart = astro.index + astro[0].length - 3;
  const closing = closingLine(source, astro);
  return at(
    source,
    closeStart,
    `Unexpected line "${closing.slice(0, 20)}" in the frontmatter: the site ends the frontmatter at any line starting with "---" or "+++", expected the closing line to be exactly "---" and no other line to start with "---" or "+++"`,
  );
}

/** YAML constructs the readers of frontmatter disagree on, or that can expand without bound. */
export function yamlHazards(source: string, split: FrontmatterSplit): GateProblem[] {
  if (split.yaml === undefined) return [];
  const problems: GateProblem[] = [];
  let offset = split.yamlOffset;
  for (const token of new Lexer().lex(split.yaml)) {
    const kind = CST.tokenType(token);
    if (kind === 'tag') {
      problems.push(at(source, offset, `Unexpected YAML tag "${token.slice(0, 30)}", expected plain values: frontmatter holds text, numbers, dates and lists`, token.length));
    } else if (kind === 'anchor' || kind === 'alias') {
      problems.push(at(source, offset, `Unexpected YAML ${kind} "${token.slice(0, 30)}", expected each value written out: frontmatter may not repeat values by reference`, token.length));
    }
    offset += token.length;
  }
  return problems;
}

/** A problem at a source offset, with its line and column. */
function at(source: string, offset: number, message: string, length = 0): GateProblem {
  const start = lineColumn(source, offset);
  const end = lineColumn(source, offset + length);
  return { ruleId: SHAPE_RULE, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message };
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
