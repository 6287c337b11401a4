/**
 * The one reader of the content folder's YAML data files (editions.yaml, sections.yaml,
 * glossary.yaml, …) for code that runs outside Astro's content layer: the checker, the CLI and the
 * build steps. Every entry is validated with its collection's schema, and every problem is located
 * at its line and column and worded as the frontmatter's problems are, so an editor reads one kind
 * of message whichever tool found it. All problems of a file come in one go.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { ContentRefused, displayPath, formatProblem, yamlSpanProblem, type GateProblem } from '../gate/problem.ts';
import { describeIssue, type Issue } from './validation.ts';

export const DATA_FILE_RULE = 'data-files';

export interface DataFileOptions {
  /**
   * A required file must exist; an optional one may be missing, which reads as an empty list. A
   * file that exists must hold entries either way (see OPTIONAL_DATA_FILES for why).
   */
  required: boolean;
  /** What the handbook uses the file for, for the message about a missing one: "its list of sections". */
  purpose: string;
}

export interface DataFile<T> {
  file: string;
  exists: boolean;
  entries: T[];
  problems: GateProblem[];
}

/** Reads a YAML list from the content folder and validates each entry. Never throws for bad content. */
export function readDataList<S extends z.ZodType>(contentDir: string, name: string, schema: S, options: DataFileOptions): DataFile<z.output<S>> {
  const file = path.join(contentDir, name);
  if (!existsSync(file)) {
    const problems = options.required
      ? [problemAt(1, 1, `Missing file ${name}: the handbook needs ${options.purpose}; create ${name} in the content folder`)]
      : [];
    return { file, exists: false, entries: [], problems };
  }
  return { file, exists: true, ...validateList(readFileSync(file, 'utf8'), name, schema, options) };
}

/** The entries and problems of a YAML list's text. */
export function validateList<S extends z.ZodType>(
  text: string,
  name: string,
  schema: S,
  options: DataFileOptions,
): { entries: z.output<S>[]; problems: GateProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      entries: [],
      problems: document.errors.map((error) => located(lines, error.pos[0], error.pos[1], `${name} is not valid YAML: ${error.message.split('\n')[0]}`)),
    };
  }
  const contents = document.contents;
  if (contents === null || (isSeq(contents) && contents.items.length === 0)) {
    const remedy = options.required
      ? `: the handbook needs ${options.purpose}`
      : `; or delete ${name} if the handbook has no ${options.purpose} (it is optional)`;
    return { entries: [], problems: [problemAt(1, 1, `Unexpected empty ${name}, expected at least one entry${remedy}`)] };
  }
  if (!isSeq(contents)) return { entries: [], problems: [problemAt(1, 1, `Unexpected ${name} that is not a list, expected one entry per "- " line`)] };
  const values = document.toJS() as unknown[];
  const entries: z.output<S>[] = [];
  const problems: GateProblem[] = [];
  for (const [index, item] of contents.items.entries()) {
    const result = schema.safeParse(values[index]);
    if (result.success) {
      entries.push(result.data);
      continue;
    }
    for (const issue of result.error.issues as Issue[]) {
      const node = nodeAt(item as YamlNode, issue.path) ?? (item as YamlNode);
      const [start, end] = node.range ?? [0, 0];
      problems.push(located(lines, start, end, `Entry ${index + 1}: ${describeIssue(issue)}`));
    }
  }
  return { entries, problems };
}

/** The entries of a data file, or a refusal listing every problem in it, located. */
export function readDataListOrRefuse<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
  options: DataFileOptions,
  root = process.cwd(),
): z.output<S>[] {
  const data = readDataList(contentDir, name, schema, options);
  if (data.problems.length > 0)
    throw new ContentRefused(dataFileRefusal(displayPath(root, data.file), data.problems), [{ file: data.file, problems: data.problems }]);
  return data.entries;
}

/** The one wording of a refused data file. */
export function dataFileRefusal(file: string, problems: readonly GateProblem[]): string {
  return `The content folder's data is not valid:\n  ${problems.map((problem) => formatProblem(file, problem)).join('\n  ')}`;
}

/** The YAML node an issue's path points at, inside one entry. */
function nodeAt(entry: YamlNode, issuePath: readonly PropertyKey[]): YamlNode | undefined {
  let node: unknown = entry;
  for (const key of issuePath) {
    if (!node || typeof node !== 'object' || !('get' in node) || typeof node.get !== 'function') return undefined;
    const next: unknown = (node as { get: (key: unknown, keepScalar: boolean) => unknown }).get(key, true);
    if (next === undefined) return node as YamlNode;
    node = next;
  }
  return node as YamlNode;
}

function located(lines: LineCounter, start: number, end: number, message: string): GateProblem {
  return yamlSpanProblem(lines, DATA_FILE_RULE, start, end, message);
}

function problemAt(line: number, column: number, message: string): GateProblem {
  return { ruleId: DATA_FILE_RULE, line, column, endLine: line, endColumn: column, message };
}

/**
 * The data files a handbook can do without: a missing one is an empty list, and what needs it (glossary links, the checker's terminology, synonyms for
 * search, reading paths) simply has nothing to show or check. But a file that exists and holds no
 * entry is refused, by the build and the checker alike: deleting the file says "none"; an empty
 * file is far more often a bad merge or a half-finished edit, and a silently empty glossary would
 * switch the checker's terminology rules off without a word.
 */
export const OPTIONAL_DATA_FILES = {
  'glossary.yaml': 'glossary terms',
  'phrases.yaml': 'phrases to avoid',
  'search-phrases.yaml': 'search phrases',
  'paths.yaml': 'reading paths',
} as const;

export type OptionalDataFile = keyof typeof OPTIONAL_DATA_FILES;

/** The options of an optional data file. */
export const optionalFile = (name: OptionalDataFile): DataFileOptions => ({ required: false, purpose: OPTIONAL_DATA_FILES[name] });
