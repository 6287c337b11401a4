import path from 'node:path';
import type { LineCounter } from 'yaml';

/** What the gate reports: a located problem under one of the checker's rule ids. */
export interface GateProblem {
  /** `mdx-safety`, `mdx-syntax`, `content-limits` or `frontmatter`. */
  ruleId: string;
  /** 1-based, in the chapter file as written (frontmatter included). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The problems of one file (an absolute path). */
export interface LocatedProblems {
  file: string;
  problems: readonly GateProblem[];
}

/** `file:line:column: message`, the one way the build names a content problem. */
export function formatProblem(file: string, problem: GateProblem): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message} (${problem.ruleId})`;
}

/** The one wording of a refusal by the build, for one file or many. */
export function refusalMessage(lines: readonly string[]): string {
  return `Chapters may not run code, load anything from another host or break the build. The build refuses:\n  ${lines.join('\n  ')}\nUse the handbook's components and Markdown only (see the Writing chapters page). Run \`npm run lint:content\` (charter lint) for every problem of every chapter, as the checker reports them.`;
}

/**
 * Content the build refuses. The message is the whole story (file, line, column, what to do), so
 * the error carries no stack: frames from inside the engine would only bury it.
 */
export class ContentRefused extends Error {
  /**
   * The located problems behind the refusal, when it came from files (a data file, the
   * vocabulary): the checker reports them as messages in the format asked for, so that a
   * machine reading `--format json` gets them as data instead of a sentence on stderr.
   */
  readonly located: readonly LocatedProblems[];
  constructor(message: string, located: readonly LocatedProblems[] = []) {
    super(message);
    this.name = 'ContentRefused';
    this.located = located;
    // No stack: the message is the whole story, and Astro prints a "Stack trace:" heading for any stack.
    this.stack = '';
  }
}

/** A path relative to `root`, with forward slashes; absolute when outside it. */
export function displayPath(root: string, absolutePath: string): string {
  const relative = path.relative(root, absolutePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath;
  return relative.split(path.sep).join('/');
}

/** The 1-based line and column of an offset in a text, with the offset itself. */
export function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

/** A problem between two offsets of a YAML file, placed by the yaml library's line counter. */
export function yamlSpanProblem(lines: LineCounter, ruleId: string, start: number, end: number, message: string): GateProblem {
  const from = lines.linePos(start);
  const to = lines.linePos(Math.max(start, end));
  return { ruleId, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, message };
}
