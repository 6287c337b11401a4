/**
 * npm run release -- <edition-id> [--date YYYY-MM-DD] [--dry-run]
 * Turns the draft into the new current edition. Changes nothing unless every check passes.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { writeFilesAtomically } from '../src/lib/fs-transaction.ts';
import { planRelease, ReleaseError } from '../src/lib/release.ts';
import { lintProblemsIn } from './support/lint-gate.ts';

const USAGE = 'Usage: npm run release -- <edition-id> [--date YYYY-MM-DD] [--dry-run]   (for example: npm run release -- 2027.1)';

function fail(message: string, code = 1): never {
  console.error(`release: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
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
    throw new ReleaseError(`The draft has ${lint.length} checker error(s); fix them first (npm run lint:content):\n  ${lint.join('\n  ')}`);
  }
  if (parsed.values['dry-run']) {
    console.log(['Dry run: nothing was changed. A release would do this:', ...plan.summary.map((s) => `  - ${s}`)].join('\n'));
    return;
  }
  const failAfter = process.env.CHARTER_RELEASE_FAIL_AFTER ? Number(process.env.CHARTER_RELEASE_FAIL_AFTER) : undefined;
  writeFilesAtomically(plan.writes, { failAfter });
  console.log([`Released edition ${plan.id}.`, ...plan.summary.map((s) => `  - ${s}`), 'Review the changes with git diff, then commit them.'].join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ReleaseError) fail(`${error.message}\nNothing was changed.`);
  fail(`${(error as Error).message}\nNothing was changed.`);
});
