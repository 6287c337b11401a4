/**
 * The compiler's parser, run in a child process on behalf of the gate.
 *
 * Why: the MDX compiler is native code, and hostile input can crash it in ways no `try` catches
 * (a segmentation fault on a long chain of operators inside `{…}`, an abort on a panic) or keep
 * it busy for minutes (unclosed JSX inside an expression backtracks exponentially). The size and
 * depth limits catch the known shapes, but a gate must not depend on knowing every shape: here a
 * crash or a run past the time limit costs one child process, and the chapter is refused with a
 * message that says why. A chapter the child parsed is then compiled by the build without trouble,
 * since the parser is deterministic.
 *
 * One child serves every request, one at a time, so a crash is always the current chapter's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChapterFormat } from './compiler.ts';
import type { GateProblem } from './problem.ts';

/** How long the parser may take for one chapter; real chapters take milliseconds. */
export const PARSE_TIME_LIMIT_MS = 10_000;

export interface BodyCheck {
  problems: GateProblem[];
  /** The compiler's parser refused the body (a syntax error, not a crash). */
  compilerFailed?: boolean;
}

interface Pending {
  id: number;
  body: string;
  format: ChapterFormat;
  resolve: (result: BodyCheck) => void;
}

interface Reply {
  id: number;
  problems?: GateProblem[];
  compilerFailed?: boolean;
  failure?: string;
}

const CHILD = fileURLToPath(new URL('./compiler-process.ts', import.meta.url));

let child: ChildProcess | undefined;
let current: { pending: Pending; timer: NodeJS.Timeout; worker: ChildProcess } | undefined;
const queue: Pending[] = [];
let nextId = 1;

/** The body's problems as the compiler's parser and the safety walk find them, out of process. */
export function checkBodyIsolated(body: string, format: ChapterFormat): Promise<BodyCheck> {
  return new Promise((resolve) => {
    queue.push({ id: nextId++, body, format, resolve });
    pump();
  });
}

function pump(): void {
  if (current || queue.length === 0) return;
  const pending = queue.shift()!;
  const worker = ensureChild();
  const timer = setTimeout(() => fail(`the compiler's parser ran for more than ${PARSE_TIME_LIMIT_MS / 1000} s without an answer`), PARSE_TIME_LIMIT_MS);
  current = { pending, timer, worker };
  worker.send({ id: pending.id, body: pending.body, format: pending.format });
}

function ensureChild(): ChildProcess {
  if (child && child.connected) return child;
  const started = fork(CHILD, [], { execPath: process.execPath, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  started.on('message', (reply: Reply) => {
    if (!current || current.worker !== started || reply.id !== current.pending.id) return;
    const { pending, timer } = current;
    clearTimeout(timer);
    current = undefined;
    pending.resolve(reply.problems ? { problems: reply.problems, compilerFailed: reply.compilerFailed === true } : { problems: [refusal(`the safety check failed (${reply.failure ?? 'no answer'})`)] });
    pump();
  });
  started.on('exit', (code, signal) => {
    if (child === started) child = undefined;
    // Only a crash of the process serving the chapter in hand is that chapter's fault.
    if (current && current.worker === started) fail(`the compiler's parser crashed on it (${signal ?? `exit code ${code}`})`);
  });
  // Neither the child nor its channel keeps the build or the checker from exiting.
  started.unref();
  (started.channel as { unref?: () => void } | undefined)?.unref?.();
  child = started;
  return started;
}

/** Refuses the chapter in hand and starts over with a new child for the rest. */
function fail(reason: string): void {
  if (!current) return;
  const { pending, timer } = current;
  clearTimeout(timer);
  current = undefined;
  const dead = child;
  child = undefined;
  dead?.kill('SIGKILL');
  pending.resolve({ problems: [refusal(reason)] });
  pump();
}

function refusal(reason: string): GateProblem {
  return { ruleId: 'content-limits', line: 1, column: 1, endLine: 1, endColumn: 1, message: `Unexpected chapter the compiler cannot read safely (${reason}), expected plain Markdown and the handbook's components: look for very long or deeply nested expressions, tags or lists` };
}
