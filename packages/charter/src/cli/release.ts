/**
 * charter release <edition-id> [--date YYYY-MM-DD] [--dry-run]
 * Turns the draft into the new current edition. Changes nothing unless every check passes.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { resolveContentDir } from '../lib/content-dir.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { planRelease, ReleaseError } from '../lib/release.ts';
import { lintProblemsIn } from './lint-gate.ts';
import { CommandFailed } from './command.ts';

export const USAGE = 'Usage: charter release <edition-id> [--date YYYY-MM-DD] [--dry-run]   (for example: charter release 2027.1)';

function fail(message: string, code = 1): never {
  throw new CommandFailed('release', message, code);
}

/** Releases the draft; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    return await release(argv);
  } catch (error) {
    if (error instanceof CommandFailed) throw error;
    fail(`${(error as Error).message}\nNothing was changed.`);
  }
}

async function release(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [id, ...extra] = parsed.positionals;
  if (!id || extra.length > 0) fail(USAGE, 2);
  const dateText = parsed.values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || Number.isNaN(Date.parse(dateText))) fail(`--date must be YYYY-MM-DD, got "${dateText}".`, 2);

  const contentDir = resolveContentDir();
  const plan = planRelease(contentDir, id, new Date(dateText));
  const lint = await lintProblemsIn(path.join(contentDir, 'editions', 'draft'));
  if (lint.length > 0) {
    throw new ReleaseError(`The draft has ${lint.length} checker error(s); fix them first (charter lint):\n  ${lint.join('\n  ')}`);
  }
  if (parsed.values['dry-run']) {
    console.log(['Dry run: nothing was changed. A release would do this:', ...plan.summary.map((s) => `  - ${s}`)].join('\n'));
    return 0;
  }
  const failAfter = process.env.CHARTER_RELEASE_FAIL_AFTER ? Number(process.env.CHARTER_RELEASE_FAIL_AFTER) : undefined;
  writeFilesAtomically(plan.writes, { failAfter });
  console.log([`Released edition ${plan.id}.`, ...plan.summary.map((s) => `  - ${s}`), 'Review the changes with git diff, then commit them.'].join('\n'));
  return 0;
}
