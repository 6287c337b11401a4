/**
 * Runs a command and measures it as a whole: wall time and the peak resident memory of its whole
 * process tree (Astro hands the Pagefind indexer to a child process, and a build's cost is both).
 * Memory is sampled from /proc, so this works on Linux only; elsewhere peak memory reads as 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  seconds: number;
  /** The highest sum of resident memory over the command and all its descendants, in bytes. */
  peakBytes: number;
  exitCode: number;
  /** The command's output, kept for the error message when it fails. */
  output: string;
}

/** Resident memory in bytes from the text of /proc/<pid>/status; 0 when the line is missing. */
export function residentBytesOf(statusText: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Parent pid from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parentPidOf(statText: string): number {
  const afterName = statText.slice(statText.lastIndexOf(')') + 2);
  return Number(afterName.split(' ')[1]);
}

/** `root` and every process below it, from a map of pid → parent pid. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // The process ended between listing and reading.
  }
}

function treeResidentBytes(root: number): number {
  if (!existsSync('/proc')) return 0;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), parentPidOf(stat));
  }
  return descendantsOf(root, parents).reduce((sum, pid) => sum + residentBytesOf(readOrEmpty(`/proc/${pid}/status`)), 0);
}

/** Runs `command` with `args`, sampling the tree's memory every `intervalMs`. */
export function measureCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeResidentBytes(child.pid));
    };
    const timer = setInterval(sample, options.intervalMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakBytes: peak, exitCode: code ?? 1, output });
    });
  });
}
