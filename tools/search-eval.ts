/**
 * npm run search:eval [-- --queries examples/northwind/tests/search/queries.yaml] [--no-build]
 * Builds the site (unless --no-build and dist/ exists), then asks every query of the set in every
 * edition through the real search page in Chromium, and prints top-1, top-3, MRR and zero-result
 * rates, overall and per edition. Exits 1 when a bar is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { resolveContentDir } from '../packages/charter/src/lib/content-dir.ts';
import { missedBars, summarize, type EvalCase, type EvalFigures } from '../packages/charter/src/lib/search/eval.ts';
import { CHROMIUM_ARGS, findChromium } from './support/chromium.ts';
import { editionSets, readQueries, runSearchEval } from './support/search-eval.ts';
import { serveSite } from './support/static-server.ts';
import { astroBin, exampleRoot } from './support/paths.ts';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: path.join(exampleRoot, 'tests/search/queries.yaml') },
    'no-build': { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
});
const dist = path.join(exampleRoot, 'dist');

if (!values['no-build'] || !existsSync(path.join(dist, 'pagefind'))) {
  execFileSync(process.execPath, [astroBin, 'build', '--silent'], {
    cwd: exampleRoot,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_BASE_PATH: '/' },
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (label: string, f: EvalFigures) =>
  `${label.padEnd(12)} ${String(f.queries).padStart(7)} ${pct(f.top1)} ${pct(f.top3)} ${f.mrr.toFixed(3).padStart(7)} ${pct(f.zeroResults)}`;

const queries = readQueries(path.resolve(values.queries));
const server = await serveSite(dist, '/');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let cases: EvalCase[];
try {
  const page = await browser.newPage();
  cases = await runSearchEval(page, server.url, '/', queries, editionSets(resolveContentDir(process.env, exampleRoot)));
} finally {
  await browser.close();
  await server.close();
}

const editions = [...new Set(cases.map((c) => c.edition))];
const lines = [
  '',
  `Search quality: ${queries.length} queries, asked in every edition that has the expected chapter`,
  '',
  'edition      queries   top-1   top-3     MRR  no hits',
  row('all', summarize(cases)),
];
for (const id of editions) lines.push(row(id, summarize(cases.filter((c) => c.edition === id))));
const misses = cases.filter((c) => c.results[0] === undefined || !c.expected.includes(c.results[0]));
if (values.verbose || misses.length) {
  lines.push('', 'Queries whose first result was not the expected chapter:');
  for (const m of misses) lines.push(`  [${m.edition}] "${m.query}" → expected ${m.expected[0]}, got ${m.results.slice(0, 3).join(', ') || 'nothing'}`);
}
const missed = [missedBars('all', summarize(cases)), ...editions.map((id) => missedBars(id, summarize(cases.filter((c) => c.edition === id))))].flat();
console.log(lines.join('\n'));
if (missed.length) {
  console.error(`\nBelow the bar:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log('\nEvery edition meets the bars (top-1 ≥ 75%, top-3 ≥ 90%, no query without results).');
