/** The few git questions the checker asks, through the git command line. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The top folder of the git work tree that holds `cwd`. */
export function repositoryRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/** The commit a ref names, failing with git's reason when it names none. */
export function resolveCommit(cwd: string, ref: string): string {
  // A commit's full id names it for good: asked once per folder (`--changed` resolves its base, then each run).
  if (knownCommits.has(`${cwd}\u0000${ref}`)) return ref;
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  if (commit === ref) knownCommits.add(`${cwd}\u0000${commit}`);
  return commit;
}

/** `<folder>\0<commit id>` for the commits known to exist in the repository of that folder. */
const knownCommits = new Set<string>();

export interface ChangedBase {
  commit: string;
  /** How messages name the commit: "the merge base with main", or the ref itself. */
  label: string;
  /** The ref the commit was found from. */
  ref: string;
  /** Whether the commit is where HEAD left the ref (false: the two share no history, and the ref's own commit is used). */
  mergeBase: boolean;
}

/**
 * The commit to compare with for `--changed`: the merge base of HEAD and the ref, so only this
 * branch's own changes count. Without a ref: the merge base with main (or origin/main).
 */
export function changedBase(cwd: string, ref: string | undefined): ChangedBase {
  const candidates = ref ? [ref] : ['main', 'origin/main'];
  for (const candidate of candidates) {
    let commit: string;
    try {
      commit = resolveCommit(cwd, candidate);
    } catch {
      continue;
    }
    try {
      const base = git(cwd, ['merge-base', 'HEAD', commit]).trim();
      knownCommits.add(`${cwd}\u0000${base}`);
      return { commit: base, label: `the merge base with ${candidate}`, ref: candidate, mergeBase: true };
    } catch {
      return { commit, label: candidate, ref: candidate, mergeBase: false };
    }
  }
  throw new GitError(
    ref ? `"${ref}" is not a git ref (a branch, tag or commit).` : 'Neither "main" nor "origin/main" exists; name the base with --changed=<git-ref>.',
  );
}

export interface ChangedFile {
  /** Absolute path. */
  file: string;
  deleted: boolean;
}

/** Files changed in the work tree (committed or not, and new untracked files) since a commit. */
export function changedFiles(cwd: string, commit: string): ChangedFile[] {
  const root = repositoryRoot(cwd);
  const diff = git(root, ['diff', '--name-status', '--no-renames', '-z', commit]).split('\0').filter(Boolean);
  const changed: ChangedFile[] = [];
  for (let index = 0; index + 1 < diff.length; index += 2) {
    changed.push({ file: path.join(root, diff[index + 1]!), deleted: diff[index] === 'D' });
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  for (const file of untracked) changed.push({ file: path.join(root, file), deleted: false });
  return changed;
}

/** A file's text at a commit; null when the file did not exist there. */
export function readAtCommit(commit: string, file: string): string | null {
  const dir = path.dirname(file);
  try {
    return execFileSync('git', ['show', `${commit}:./${path.basename(file)}`], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/does not exist|exists on disk, but not in/.test(stderr)) return null;
    throw new GitError(`git show ${commit}:${file} failed: ${stderr.trim()}`);
  }
}

export type PathStatus = 'added' | 'removed' | 'changed' | 'renamed';

export interface PathChange {
  status: PathStatus;
  /** Relative to the repository root, with forward slashes; for a removed file, where it was. */
  path: string;
  /** A renamed file's path at the commit. */
  previousPath?: string;
}

/** git's one-letter status, as what happened to the file; copies are off, so C never comes. */
function pathStatus(letter: string): PathStatus {
  if (letter === 'A') return 'added';
  if (letter === 'D') return 'removed';
  if (letter === 'R') return 'renamed';
  // M, and T (a file turned into a link) and U (unmerged): the file is there on both sides.
  return 'changed';
}

/** Reads `git diff --name-status -z` output: a status, then one path, or two for a rename. */
export function parseNameStatus(output: string): PathChange[] {
  const fields = output.split('\0').filter(Boolean);
  const changes: PathChange[] = [];
  for (let index = 0; index < fields.length;) {
    const status = pathStatus(fields[index]!.charAt(0));
    if (status === 'renamed') {
      changes.push({ status, previousPath: fields[index + 1]!, path: fields[index + 2]! });
      index += 3;
    } else {
      changes.push({ status, path: fields[index + 1]! });
      index += 2;
    }
  }
  return changes;
}

/**
 * Files that differ between a commit and the work tree below the given folders (relative to the
 * repository root), with renames found by git's similarity detection; new files not yet added to
 * git count as added. Committed or not, a change counts: the work tree is what gets reviewed.
 */
export function changedPaths(root: string, commit: string, folders: readonly string[]): PathChange[] {
  // Literal pathspecs: a folder named with `*` or `:` means that folder, not a pattern.
  const diff = git(root, ['--literal-pathspecs', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', commit, '--', ...folders]);
  const untracked = git(root, ['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '-z', '--', ...folders]);
  return [
    ...parseNameStatus(diff),
    ...untracked
      .split('\0')
      .filter(Boolean)
      .map((file): PathChange => ({ status: 'added', path: file })),
  ];
}

/**
 * The text of files at a commit, by path relative to the repository root; null for a path the
 * commit does not have. One `git cat-file` reads them all: a pull request may touch hundreds.
 */
export function readFilesAtCommit(root: string, commit: string, files: readonly string[]): Map<string, string | null> {
  const texts = new Map<string, string | null>();
  if (files.length === 0) return texts;
  let output: Buffer;
  try {
    output = execFileSync('git', ['cat-file', '--batch'], {
      cwd: root,
      input: files.map((file) => `${commit}:${file}\n`).join(''),
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git cat-file --batch failed${stderr ? `: ${stderr}` : ''}`);
  }
  let offset = 0;
  for (const file of files) {
    const end = output.indexOf(0x0a, offset);
    const header = output.toString('utf8', offset, end);
    offset = end + 1;
    // "<object> <type> <size>", then the bytes and a newline; "<name> missing" (or "ambiguous") alone
    // for a path the commit lacks. A folder of that name is an object too, but not a file.
    const found = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!found) {
      texts.set(file, null);
      continue;
    }
    const size = Number(found[2]);
    texts.set(file, found[1] === 'blob' ? output.toString('utf8', offset, offset + size) : null);
    offset += size + 1;
  }
  return texts;
}
