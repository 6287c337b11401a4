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
import type { Root } from 'mdast';
import type { ChapterFormat } from './compiler.ts';
import type { GateProblem } from './problem.ts';
import type { ChapterReferences } from './references.ts';
import { siblingModule } from '../lib/engine-files.ts';
import type { ComponentPropValues } from '../lint/allowed-components.ts';

/** How long the parser may take for one chapter; real chapters take milliseconds. */
export const PARSE_TIME_LIMIT_MS = 10_000;

export interface BodyCheck {
  problems: GateProblem[];
  /** The compiler's parser refused the body (a syntax error, not a crash). */
  compilerFailed?: boolean;
  /** The body's links, images and heading ids, when the compiler read it. */
  references?: ChapterReferences | undefined;
}

/** The checker's parse of a file: its tree, or the syntax problem that stopped it. */
export interface TreeCheck {
  tree?: Root;
  problem?: GateProblem;
}

interface Reply {
  id: number;
  problems?: GateProblem[];
  compilerFailed?: boolean;
  references?: ChapterReferences;
  tree?: Root;
  problem?: GateProblem;
  failure?: string;
}

interface Pending {
  id: number;
  kind: 'body' | 'tree';
  text: string;
  format: ChapterFormat;
  propValues?: ComponentPropValues | undefined;
  resolve: (reply: Reply) => void;
}

const CHILD = fileURLToPath(siblingModule('compiler-process', import.meta.url));

let child: ChildProcess | undefined;
let current: { pending: Pending; timer: NodeJS.Timeout; worker: ChildProcess } | undefined;
const queue: Pending[] = [];
let nextId = 1;

/** The body's problems as the compiler's parser and the safety walk find them, out of process. */
export function checkBodyIsolated(body: string, format: ChapterFormat, propValues?: ComponentPropValues): Promise<BodyCheck> {
  const key = bodyKey(body, format, propValues);
  const early = asked.get(key);
  if (early) {
    asked.delete(key);
    return early;
  }
  return askForBody(body, format, propValues);
}

/**
 * Asks for a body's check before the gate needs it (see lint/readings.ts): the child parses while
 * this process checks another chapter, and checkBodyIsolated then takes the answer. Only a few are
 * kept: a body the gate never asks for (its frontmatter refused first) is let go.
 */
export function askAhead(body: string, format: ChapterFormat, propValues?: ComponentPropValues): void {
  const key = bodyKey(body, format, propValues);
  if (asked.has(key)) return;
  if (asked.size >= MAX_ASKED_AHEAD) asked.delete(asked.keys().next().value!);
  asked.set(key, askForBody(body, format, propValues));
}

const MAX_ASKED_AHEAD = 16;
const asked = new Map<string, Promise<BodyCheck>>();

function bodyKey(body: string, format: ChapterFormat, propValues: ComponentPropValues | undefined): string {
  return `${format}\u0000${JSON.stringify(propValues ?? null)}\u0000${body}`;
}

async function askForBody(body: string, format: ChapterFormat, propValues?: ComponentPropValues): Promise<BodyCheck> {
  const reply = await request('body', body, format, propValues);
  if (reply.problems) return { problems: reply.problems, compilerFailed: reply.compilerFailed === true, references: reply.references };
  return { problems: [refusal(reply.failure ?? 'the safety check gave no answer')] };
}

/** The checker's parse of a whole file, out of process: its parser slows down on some shapes. */
export async function checkerTreeIsolated(source: string, format: ChapterFormat): Promise<TreeCheck> {
  const reply = await request('tree', source, format);
  if (reply.failure !== undefined) return { problem: refusal(reply.failure, 'checker') };
  return { ...(reply.tree ? { tree: reply.tree } : {}), ...(reply.problem ? { problem: reply.problem } : {}) };
}

function request(kind: Pending['kind'], text: string, format: ChapterFormat, propValues?: ComponentPropValues): Promise<Reply> {
  return new Promise((resolve) => {
    queue.push({ id: nextId++, kind, text, format, propValues, resolve });
    pump();
  });
}

function pump(): void {
  if (current || queue.length === 0) return;
  const pending = queue.shift()!;
  const worker = ensureChild();
  const timer = setTimeout(
    () => fail(`the ${parserName(pending.kind)} ran for more than ${PARSE_TIME_LIMIT_MS / 1000} s without an answer`),
    PARSE_TIME_LIMIT_MS,
  );
  current = { pending, timer, worker };
  worker.send({ id: pending.id, kind: pending.kind, text: pending.text, format: pending.format, propValues: pending.propValues });
}

/**
 * Starts the child process now rather than at the first chapter: it takes about as long to load as
 * the checker, so a command that is about to check chapters starts it before loading the rest.
 */
export function startParserProcess(): void {
  ensureChild();
}

function ensureChild(): ChildProcess {
  if (child && child.connected) return child;
  const started = fork(CHILD, [], { execPath: process.execPath, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  started.on('message', (reply: Reply) => {
    if (!current || current.worker !== started || reply.id !== current.pending.id) return;
    const { pending, timer } = current;
    clearTimeout(timer);
    current = undefined;
    pending.resolve(reply.failure !== undefined ? { ...reply, failure: `the check failed (${reply.failure})` } : reply);
    pump();
  });
  started.on('exit', (code, signal) => {
    if (child === started) child = undefined;
    // Only a crash of the process serving the chapter in hand is that chapter's fault.
    if (current && current.worker === started) fail(`the ${parserName(current.pending.kind)} crashed on it (${signal ?? `exit code ${code}`})`);
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
  pending.resolve({ id: pending.id, failure: reason });
  pump();
}

function parserName(kind: Pending['kind']): string {
  return kind === 'body' ? "compiler's parser" : "checker's parser";
}

function refusal(reason: string, who: 'compiler' | 'checker' = 'compiler'): GateProblem {
  return {
    ruleId: 'content-limits',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `Unexpected chapter the ${who} cannot read safely (${reason}), expected plain Markdown and the handbook's components: look for very long or deeply nested expressions, tags, lists or runs of markup`,
  };
}
