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
import { load as loadYaml, type YAMLException } from 'js-yaml';
import { describeIssue, type Issue } from './validation.ts';
import { CST, isMap, isScalar, isSeq, Lexer, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { pointAt, type GateProblem } from '../gate/problem.ts';
import { chapterFrontmatterFor } from './schemas.ts';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.ts';
import { ASTRO_FRONTMATTER, splitFrontmatter, type FrontmatterSplit } from './frontmatter-split.ts';

export { splitFrontmatter, type FrontmatterSplit } from './frontmatter-split.ts';

/** The text after the frontmatter, as the split finds it: for comparing bodies, not for positions. */
export function textAfterFrontmatter(source: string): string {
  const match = ASTRO_FRONTMATTER.exec(source);
  if (!match) return source;
  return source.slice(match.index + match[0].length).replace(/^\r?\n/, '');
}

const SHAPE_RULE = 'frontmatter';

/** Shapes of frontmatter (and line endings) that the site builder and the checker would read differently. */
export function frontmatterShapeProblems(source: string): GateProblem[] {
  const problems: GateProblem[] = [];
  const loneCr = /\r(?!\n)/.exec(source);
  if (loneCr) {
    problems.push(
      at(
        source,
        loneCr.index,
        'Unexpected line ending "\\r" alone (old Mac style), expected "\\n" or "\\r\\n": save the file with Unix or Windows line endings',
      ),
    );
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

/**
 * YAML constructs the readers of frontmatter disagree on, or that can expand without bound; and,
 * when there are none, the YAML errors of js-yaml, the reader Astro builds with, so a chapter the
 * build cannot read is refused here, located, with every other chapter's problems.
 */
export function yamlHazards(source: string, split: FrontmatterSplit): GateProblem[] {
  if (split.yaml === undefined) return [];
  const problems = referenceHazards(source, { ...split, yaml: split.yaml });
  if (problems.length > 0) return problems;
  const read = readWithJsYaml(split.yaml, true);
  if ('error' in read) {
    const { mark, reason } = read.error as YAMLException;
    const start = pointAt(source, split.yamlOffset);
    const line = start.line + (mark?.line ?? 0);
    const column = (mark?.line ?? 0) === 0 ? start.column + (mark?.column ?? 0) : (mark?.column ?? 0) + 1;
    return [{ ruleId: SHAPE_RULE, line, column, endLine: line, endColumn: column, message: `Frontmatter is not valid YAML: ${reason ?? String(read.error)}` }];
  }
  return [];
}

/**
 * js-yaml's reading of a frontmatter block. The gate reads each chapter's block twice, for its
 * errors (yamlHazards) and for its data (locateFrontmatter), one right after the other: the last
 * reading the first makes is kept for the second, which takes it: its value is handed out once.
 */
let lastRead: { yaml: string; result: { value: unknown } | { error: unknown } } | undefined;

function readWithJsYaml(yaml: string, keep = false): { value: unknown } | { error: unknown } {
  if (!keep && lastRead?.yaml === yaml) {
    const { result } = lastRead;
    lastRead = undefined;
    return result;
  }
  let result: { value: unknown } | { error: unknown };
  try {
    result = { value: loadYaml(yaml) };
  } catch (error) {
    result = { error };
  }
  if (keep) lastRead = { yaml, result };
  return result;
}

/** Each tag, and the first anchor or alias (one problem, however many references repeat it). */
function referenceHazards(source: string, split: FrontmatterSplit & { yaml: string }): GateProblem[] {
  const problems: GateProblem[] = [];
  let offset = split.yamlOffset;
  let first: { kind: string; token: string; offset: number } | undefined;
  let references = 0;
  for (const token of new Lexer().lex(split.yaml)) {
    const kind = CST.tokenType(token);
    if (kind === 'tag') {
      problems.push(
        at(
          source,
          offset,
          `Unexpected YAML tag "${token.slice(0, 30)}", expected plain values: frontmatter holds text, numbers, dates and lists`,
          token.length,
        ),
      );
    } else if (kind === 'anchor' || kind === 'alias') {
      first ??= { kind, token, offset };
      references++;
    }
    offset += token.length;
  }
  if (first) {
    const more = references > 1 ? ` (and ${references - 1} more anchors and aliases)` : '';
    problems.push(
      at(
        source,
        first.offset,
        `Unexpected YAML ${first.kind} "${first.token.slice(0, 30)}"${more}, expected each value written out: frontmatter may not repeat values by reference`,
        first.token.length,
      ),
    );
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A problem at a source offset, with its line and column. */
function at(source: string, offset: number, message: string, length = 0): GateProblem {
  const start = pointAt(source, offset);
  const end = pointAt(source, offset + length);
  return { ruleId: SHAPE_RULE, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message };
}

export interface SourceRange {
  start: number;
  end: number;
}

/** A chapter's frontmatter, read once: the data as the site reads it, and where each field is written. */
export interface LocatedFrontmatter {
  /** Whether the file has a frontmatter block at all. */
  present: boolean;
  /** The YAML document with source ranges (the `yaml` library), for locating fields. */
  document: Document | undefined;
  /** The data exactly as the site builder reads it (js-yaml, as Astro does); undefined when unreadable. */
  data: Record<string, unknown> | undefined;
  /** Source offset of the first character of the YAML (after the opening `---` line). */
  contentStart: number;
  /** The whole block, from the opening `---` to the end of the closing one. */
  block: SourceRange;
}

const located = new Map<string, LocatedFrontmatter>();

/** Reads the frontmatter of a chapter's text (remembering the last few texts asked about). */
export function locateFrontmatter(source: string): LocatedFrontmatter {
  const known = located.get(source);
  if (known) return known;
  const result = readLocated(source);
  // Rules ask about the file they check, several times; a small memory is enough.
  if (located.size > 16) located.clear();
  located.set(source, result);
  return result;
}

function readLocated(source: string): LocatedFrontmatter {
  const split = splitFrontmatter(source);
  if (split.yaml === undefined) return { present: false, document: undefined, data: undefined, contentStart: 0, block: { start: 0, end: 0 } };
  // Astro's text starts with the rest of the opening line; the fields start on the next line.
  const lineBreak = split.yaml.indexOf('\n');
  const yaml = split.yaml.slice(lineBreak + 1);
  const contentStart = split.yamlOffset + lineBreak + 1;
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const read = readWithJsYaml(split.yaml);
  const data = 'value' in read ? fieldsOf(read.value) : undefined;
  return { present: true, document, data, contentStart, block: { start: source.startsWith('\uFEFF') ? 1 : 0, end: split.yamlOffset + split.yaml.length + 3 } };
}

/** A block's data as fields: an empty block has none; a list or a lone value is no frontmatter. */
function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  if (value == null) return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The YAML node at a path such as `['touchpoints', 1]`, when it is written. */
export function yamlNodeAt(frontmatter: LocatedFrontmatter, path: readonly PropertyKey[]): YamlNode | undefined {
  let current: unknown = frontmatter.document?.contents;
  for (const key of path) {
    if (isMap(current)) current = current.get(String(key), true);
    else if (isSeq(current) && typeof key === 'number') current = current.get(key, true);
    else return undefined;
  }
  return current && typeof current === 'object' && 'range' in current ? (current as YamlNode) : undefined;
}

/** Where the key of a top-level field is written, e.g. the `title` of `title: Telephone`. */
export function keyRange(frontmatter: LocatedFrontmatter, key: string): SourceRange | undefined {
  const contents = frontmatter.document?.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? { start: frontmatter.contentStart + range[0], end: frontmatter.contentStart + range[1] } : undefined;
}

/** Where the key of a field inside a list or map is written, e.g. `goal` of `standards: [{ goal: 3 }]`. */
function nestedKeyRange(frontmatter: LocatedFrontmatter, path: readonly PropertyKey[], key: string): SourceRange | undefined {
  const node = yamlNodeAt(frontmatter, path);
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? { start: frontmatter.contentStart + range[0], end: frontmatter.contentStart + range[1] } : undefined;
}

/** Where a YAML node's value is written in the chapter's source. */
export function nodeRange(frontmatter: LocatedFrontmatter, node: YamlNode): SourceRange | undefined {
  return node.range ? { start: frontmatter.contentStart + node.range[0], end: frontmatter.contentStart + node.range[1] } : undefined;
}

/**
 * What is wrong with a chapter's frontmatter, located: missing, unreadable YAML, or fields the
 * schema refuses. The data checked is what the site builds with, so the checker and the build
 * report the same problems, in the same words, at the same places. The allowed types, touchpoints
 * and audiences are the handbook's vocabulary.
 */
export function frontmatterProblems(source: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): GateProblem[] {
  const frontmatter = locateFrontmatter(source);
  if (!frontmatter.present) {
    return [
      at(source, 0, 'Missing frontmatter, expected a block between two "---" lines at the top with title, description, type, audience, owner and reviewed'),
    ];
  }
  const errors = frontmatter.document?.errors ?? [];
  if (errors.length > 0) {
    return errors.map((error) =>
      span(
        source,
        frontmatter.contentStart + error.pos[0],
        frontmatter.contentStart + error.pos[1],
        `Frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      ),
    );
  }
  if (frontmatter.data === undefined) {
    return [
      span(
        source,
        frontmatter.block.start,
        frontmatter.block.end,
        'Unexpected frontmatter that is not a set of fields, expected "field: value" lines such as "title: Telephone"',
      ),
    ];
  }
  const dates = impossibleDates(source, frontmatter);
  if (dates.length > 0) return dates;
  const result = chapterFrontmatterFor(vocabulary).safeParse(frontmatter.data);
  if (result.success) return [];
  return (result.error.issues as Issue[]).map((issue) => {
    const range = rangeOfIssue(frontmatter, issue);
    return span(source, range.start, range.end, describeIssue(issue));
  });
}

/**
 * Dates written YYYY-MM-DD that no calendar has: js-yaml (and so the site) turns "2026-13-45" into
 * 14 February 2027 without a word.
 */
function impossibleDates(source: string, frontmatter: LocatedFrontmatter): GateProblem[] {
  const contents = frontmatter.document?.contents;
  if (!isMap(contents)) return [];
  return contents.items.flatMap((pair) => {
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !/^\d{4}-\d{1,2}-\d{1,2}$/.test(value.value)) return [];
    const [year, month, day] = value.value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return [];
    const range = nodeRange(frontmatter, value) ?? frontmatter.block;
    const key = isScalar(pair.key) ? String(pair.key.value) : 'date';
    return [
      span(source, range.start, range.end, `${key}: "${value.value}" is not a date on the calendar; write a real date as YYYY-MM-DD, for example 2026-01-15`),
    ];
  });
}

/** The field an issue is about, its first unknown key, or the whole block for a missing field. */
function rangeOfIssue(frontmatter: LocatedFrontmatter, issue: Issue): SourceRange {
  if (issue.code === 'unrecognized_keys' && issue.keys?.[0]) {
    const range = issue.path.length === 0 ? keyRange(frontmatter, issue.keys[0]) : nestedKeyRange(frontmatter, issue.path, issue.keys[0]);
    if (range) return range;
  }
  const node = issue.path.length > 0 ? yamlNodeAt(frontmatter, issue.path) : undefined;
  return (node && nodeRange(frontmatter, node)) ?? frontmatter.block;
}

function span(source: string, start: number, end: number, message: string): GateProblem {
  return at(source, start, message, end - start);
}
