/**
 * The child process in which the gate lets the MDX compiler's parser read a chapter (see
 * isolated.ts). It answers each request with the body's problems; if the parser crashes the
 * process (a native stack overflow, a panic) or runs without end, only this process is lost.
 */
import { checkBody } from './index.ts';
import type { ChapterFormat } from './compiler.ts';

interface Request {
  id: number;
  body: string;
  format: ChapterFormat;
}

process.on('message', (request: Request) => {
  let reply: object;
  try {
    const result = checkBody(request.body, request.format);
    reply = { id: request.id, problems: result.problems, compilerFailed: result.compilerFailed === true };
  } catch (error) {
    reply = { id: request.id, failure: (error as Error)?.message ?? String(error) };
  }
  process.send?.(reply);
});

// The gate that started this process is gone: so is the reason to run.
process.on('disconnect', () => process.exit(0));
