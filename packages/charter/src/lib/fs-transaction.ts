/**
 * All-or-nothing file changes for the tools that write content (release, carry, new, --fix).
 * Every file is first written in full to a temporary file beside its target; only then are the
 * temporaries renamed into place, keeping a backup of what they replace. If anything fails,
 * including a rename halfway through, every target is put back as it was.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TransactionOptions {
  /** Test hook: throw after this many files have been moved into place. */
  failAfter?: number | undefined;
}

interface Staged {
  target: string;
  temp: string;
  backup: string | undefined;
  createdDirs: string[];
}

let counter = 0;
const tempName = (target: string, kind: string) => path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${process.pid}-${++counter}`);

function ensureDir(dir: string, created: string[]): void {
  if (existsSync(dir)) return;
  ensureDir(path.dirname(dir), created);
  mkdirSync(dir);
  created.push(dir);
}

/** Writes a set of files so that either all of them change or none does. */
export function writeFilesAtomically(files: ReadonlyMap<string, string | Buffer>, options: TransactionOptions = {}): void {
  const staged: Staged[] = [];
  const moved: Staged[] = [];
  try {
    for (const [target, content] of files) {
      const createdDirs: string[] = [];
      ensureDir(path.dirname(target), createdDirs);
      const temp = tempName(target, 'new');
      writeFileSync(temp, content);
      staged.push({ target, temp, backup: undefined, createdDirs });
    }
    for (const item of staged) {
      if (options.failAfter !== undefined && moved.length >= options.failAfter) {
        throw new Error(`Injected failure after ${moved.length} of ${staged.length} files (test hook).`);
      }
      if (existsSync(item.target)) {
        item.backup = tempName(item.target, 'old');
        renameSync(item.target, item.backup);
      }
      moved.push(item);
      renameSync(item.temp, item.target);
    }
  } catch (error) {
    rollBack(staged, moved);
    throw error;
  }
  for (const item of moved) if (item.backup) rmSync(item.backup, { force: true });
}

function rollBack(staged: readonly Staged[], moved: readonly Staged[]): void {
  for (const item of [...moved].reverse()) {
    if (item.backup) renameSync(item.backup, item.target);
    else rmSync(item.target, { force: true });
  }
  for (const item of staged) rmSync(item.temp, { force: true });
  for (const item of [...staged].reverse()) {
    for (const dir of [...item.createdDirs].reverse()) rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a text file, or undefined when it does not exist. */
export function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
