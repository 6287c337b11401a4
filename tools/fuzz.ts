/**
 * npm run fuzz [-- --cases 2000 --seed 1]
 * Mutates the shipped chapters and runs each case through the checker and the loader's validation;
 * prints the number of cases per outcome and exits 1 on any crash, hang or silent drop.
 */

import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../packages/charter/src/lib/content-dir.ts';
import { listChapterFiles } from '../packages/charter/src/lib/content-files.ts';
import { makeCases, runCase, type Outcome } from './support/fuzz.ts';
import { exampleRoot } from './support/paths.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --cases and --seed take whole numbers, for example: npm run fuzz -- --cases 500 --seed 7');
  process.exit(2);
}
const root = exampleRoot;
const contentDir = resolveContentDir(process.env, exampleRoot);
const chapters = listChapterFiles(contentDir, '2026.1').map((f) => f.source);
const file = path.join(contentDir, 'editions/draft/skills/fuzzed.mdx');
const tally = new Map<Outcome, number>();
const failures: string[] = [];
const started = Date.now();
for (const [i, c] of makeCases(chapters, count, seed).entries()) {
  const result = await runCase(c.mutator, c.source, file, { contentDir, root });
  tally.set(result.outcome, (tally.get(result.outcome) ?? 0) + 1);
  if (['crash', 'hang', 'silent drop'].includes(result.outcome)) failures.push(`case ${i} (${c.mutator}): ${result.outcome}: ${result.detail}`);
}
console.log(`Fuzzed ${count} cases (seed ${seed}) from ${chapters.length} chapters in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const outcome of ['clean', 'located messages', 'crash', 'hang', 'silent drop'] as const) console.log(`  ${outcome.padEnd(17)} ${tally.get(outcome) ?? 0}`);
if (failures.length > 0) {
  console.error(`\n${failures.length} case(s) failed:\n  ${failures.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
