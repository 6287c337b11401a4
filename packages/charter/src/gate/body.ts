/**
 * The gate's check of the body the compiler receives (its steps 3 and 4, see index.ts): the limits,
 * the compiler's own parse, the depth of its tree and the safety walk. The gate's parser process
 * (compiler-process.ts) runs it; a module of its own so that the process loads only what it needs.
 */
import { bundlerMarkerProblems, treeSafetyProblems, type TreeNode } from './check-tree.ts';
import { compilerTree, type ChapterFormat } from './compiler.ts';
import { limitProblems, treeDepthProblem } from './limits.ts';
import type { GateProblem } from './problem.ts';
import { chapterReferences, type ChapterReferences } from './references.ts';
import type { ComponentPropValues } from '../lint/allowed-components.ts';

/** Checks the body as the compiler receives it: limits, the compiler's parse and the safety walk. */
export function checkBody(
  body: string,
  format: ChapterFormat,
  propValues?: ComponentPropValues,
): { problems: GateProblem[]; compilerFailed?: true; references?: ChapterReferences } {
  const limits = limitProblems(body, format);
  if (limits.length > 0) return { problems: limits };
  let tree: TreeNode;
  try {
    tree = compilerTree(body, format) as TreeNode;
  } catch (error) {
    return { problems: [compilerSyntaxProblem(error)], compilerFailed: true };
  }
  const deep = treeDepthProblem(tree);
  if (deep) return { problems: [deep] };
  try {
    const problems = [...treeSafetyProblems(tree, body, propValues), ...bundlerMarkerProblems(body)].sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems, references: chapterReferences(tree, body) };
  } catch (error) {
    return { problems: [failure(`the safety check failed: ${(error as Error).message}`)] };
  }
}

/** The compiler reports `line:column: reason (code)`. */
function compilerSyntaxProblem(error: unknown): GateProblem {
  const text = String((error as Error)?.message ?? error);
  const match = /^(\d+):(\d+)(?:-(\d+):(\d+))?:\s*([\s\S]*)$/.exec(text);
  if (!match) return syntax(1, 1, undefined, undefined, `Could not parse MDX: ${text}`);
  const [, line, column, endLine, endColumn, reason] = match;
  return syntax(
    Number(line),
    Number(column),
    endLine ? Number(endLine) : undefined,
    endColumn ? Number(endColumn) : undefined,
    `Could not parse MDX: ${reason!.trim()}`,
  );
}

export function syntax(line: number, column: number, endLine: number | undefined, endColumn: number | undefined, message: string): GateProblem {
  return { ruleId: 'mdx-syntax', line, column, endLine: endLine ?? line, endColumn: endColumn ?? column, message };
}

export function failure(reason: string): GateProblem {
  return syntax(1, 1, undefined, undefined, `Could not check the chapter safely, so it is refused: ${reason}`);
}
