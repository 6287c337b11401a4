/**
 * The child process in which the gate lets the parsers read a chapter (see isolated.ts): the MDX
 * compiler's, for the body Astro compiles, and the checker's, for a large file. It answers each
 * request; if a parser crashes the process (a native stack overflow, a panic) or runs without
 * end, only this process is lost.
 */
import { checkBody } from './body.ts';
import type { ChapterFormat } from './compiler.ts';
import type { ComponentPropValues } from '../lint/allowed-components.ts';

interface Request {
  id: number;
  kind: 'body' | 'tree';
  text: string;
  format: ChapterFormat;
  /** The lists some props take their value from (the handbook's touchpoints among them). */
  propValues?: ComponentPropValues;
}

// The checker's parser is loaded only when a large file asks for it (see gate/index.ts): most
// runs never do, and the process starts sooner without it.
let checkerTree: typeof import('./index.ts').checkerTree | undefined;

process.on('message', async (request: Request) => {
  let reply: object;
  try {
    if (request.kind === 'tree') {
      checkerTree ??= (await import('./index.ts')).checkerTree;
      reply = { id: request.id, ...checkerTree(request.text, request.format) };
    } else {
      const result = checkBody(request.text, request.format, request.propValues);
      reply = { id: request.id, problems: result.problems, compilerFailed: result.compilerFailed === true, references: result.references };
    }
  } catch (error) {
    reply = { id: request.id, failure: (error as Error)?.message ?? String(error) };
  }
  process.send?.(reply);
});

// The gate that started this process is gone: so is the reason to run.
process.on('disconnect', () => process.exit(0));
