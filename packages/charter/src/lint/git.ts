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
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
}

/**
 * The commit to compare with for `--changed`: the merge base of HEAD and the ref, so only this
 * branch's own changes count. Without a ref: the merge base with main (or origin/main).
 */
export function changedBase(cwd: string, ref: string | undefined): { commit: string; label: string } {
  const candidates = ref ? [ref] : ['main', 'origin/main'];
  for (const candidate of candidates) {
    let commit: string;
    try {
      commit = resolveCommit(cwd, candidate);
    } catch {
      continue;
    }
    try {
      return { commit: git(cwd, ['merge-base', 'HEAD', commit]).trim(), label: `the merge base with ${candidate}` };
    } catch {
      return { commit, label: candidate };
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
