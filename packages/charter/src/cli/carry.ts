/**
 * charter carry <chapter> [--base <git-ref>]
 * Carries a correction made to the current edition into the draft, by three-way merge. <chapter> is
 * a path below the edition folder (procedures/telephone.mdx) or the current edition's file itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { carryIntoDraft } from '../lib/carry.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { isChapterFile } from '../lib/chapter-files.ts';
import { readManifest } from '../lib/content-files.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { CommandFailed } from './command.ts';

export const USAGE = 'Usage: charter carry <chapter> [--base <git-ref>]   (for example: charter carry procedures/telephone.mdx)';

function fail(message: string, code = 1): never {
  throw new CommandFailed('carry', message, code);
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The current edition's file as it was released: the version that first added it. */
function releasedVersion(file: string, baseRef: string | undefined): string {
  const dir = path.dirname(file);
  let top: string;
  try {
    top = git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    fail(`${file} is not in a git repository, so its released version cannot be found. Pass --base <git-ref>.`);
  }
  const rel = path.relative(top, file).split(path.sep).join('/');
  const ref = baseRef ?? git(top, ['log', '--diff-filter=A', '--format=%H', '-1', '--', rel]).trim();
  if (!ref) fail(`git has no history for ${rel}. Commit the released edition first, or pass --base <git-ref>.`);
  try {
    return git(top, ['show', `${ref}:${rel}`]);
  } catch {
    fail(`${rel} does not exist at ${ref}. Pass a --base ref where the released version exists.`);
  }
}

/** Carries a correction into the draft; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { base: { type: 'string' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [arg, ...extra] = parsed.positionals;
  if (!arg || extra.length > 0) fail(USAGE, 2);

  const contentDir = resolveContentDir();
  const manifest = readManifest(contentDir);
  const current = manifest.find((e) => e.status === 'current');
  const draft = manifest.find((e) => e.status === 'draft');
  if (!current || !draft) fail('editions.yaml needs a current and a draft edition.');

  const currentDir = path.join(contentDir, 'editions', current.id);
  const absolute = path.resolve(arg);
  const rel = absolute.startsWith(currentDir + path.sep) ? path.relative(currentDir, absolute) : arg.replace(/^\/+/, '');
  if (!isChapterFile(rel) || rel.startsWith('..')) fail(`"${arg}" is not a chapter file. ${USAGE}`, 2);
  const currentFile = path.join(currentDir, rel);
  const draftFile = path.join(contentDir, 'editions', draft.id, rel);
  if (!existsSync(currentFile)) fail(`The current edition ${current.id} has no chapter ${rel}.`);
  if (!existsSync(draftFile)) fail(`The draft has no chapter ${rel} (was it renamed or removed there?). Apply the correction by hand.`);

  const result = carryIntoDraft(releasedVersion(currentFile, parsed.values.base), readFileSync(currentFile, 'utf8'), readFileSync(draftFile, 'utf8'));
  if (result.status === 'unchanged') {
    console.log(`Nothing to carry: the draft's ${rel} already has every change made to edition ${current.id}.`);
    return 0;
  }
  if (result.status === 'conflict') {
    const details = result.conflicts.map((c) =>
      [`  editions/${draft.id}/${rel}:${c.draftLine}`, ...c.draft.map((l) => `    draft:   ${l}`), ...c.current.map((l) => `    current: ${l}`)].join('\n'),
    );
    fail(
      `${result.conflicts.length} conflict(s): the draft and edition ${current.id} changed the same lines. Nothing was written; edit the draft by hand:\n${details.join('\n')}`,
    );
  }
  writeFilesAtomically(new Map([[draftFile, result.text]]));
  console.log(`Carried the changes in editions/${current.id}/${rel} into editions/${draft.id}/${rel}.`);
  return 0;
}
