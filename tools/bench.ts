/**
 * npm run bench -- [--chapters 300] [--editions 3] [--runs 1] [--import-files 1000] [--skip build,search,checker,dev,import,lsp,ack,pdf] [--json file] [--keep]
 *
 * Generates a synthetic handbook of chapters × editions in a temporary folder, builds it with
 * Charter's production build and with a bare floor site (Astro + MDX + Pagefind, no layout), and
 * prints what each cost and weighs, with the ratios; then the checker on the whole tree and on
 * five changed files, against its speed targets, search in Chromium, the dev server's reaction to
 * an edit, `charter import` of a generated Markdown handbook, the acknowledgement endpoint
 * (`charter ack-server`) under load on loopback, and `charter pdf` of the example handbook's current
 * edition. `--skip build,search,dev,import,ack,pdf` times the checker alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, BenchUsageError, type BenchOptions } from './bench/args.ts';
import { launchChromium, measureSearch, scriptBytesBeforeInteraction, serveCompressed, type SearchTiming } from './bench/browser.ts';
import type { Browser } from '@playwright/test';
import { changedVerdict, measureChecker, wholeTreeVerdict } from './bench/checker-bench.ts';
import { chapterSlug, editionIds, writeCorpus } from './bench/corpus.ts';
import { measureDevServer } from './bench/dev-server.ts';
import { measureAckServer, type AckBenchResult } from './bench/ack-bench.ts';
import { measureImport, type ImportBenchResult } from './bench/import-bench.ts';
import { measureLanguageServer, type LanguageServerBenchResult } from './bench/lsp-bench.ts';
import { measurePdf, pdfVerdict, type PdfBenchResult } from './bench/pdf-bench.ts';
import { measureCommand, type Measured } from './bench/process-tree.ts';
import { comparisonRows, comparisonTable, table, type BuildFigures } from './bench/report.ts';
import { siteStats } from './bench/site-stats.ts';
import { astroBin, exampleContent, exampleRoot, repoRoot } from './support/paths.ts';

const floorRoot = path.join(repoRoot, 'tools/bench/floor');
/** Words the synthetic corpus uses, as staff would type them. */
const SEARCH_QUERIES = ['update while on hold', 'friendly greeting counter', 'named contact follow-up'];
/** Everyday staff questions for the shipped example handbook. */
const DEFAULT_SITE_QUERIES = ['caller on hold too long', 'e-mail reply time', 'angry customer at the counter'];

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'charter-bench-'));
const contentDir = path.join(work, 'content');
const say = (text: string) => process.stdout.write(`${text}\n`);

/** Astro's cache for a content folder, as astro.config.mjs names it; removed so every build is cold. */
function charterCacheDir(dir: string): string {
  return path.join(exampleRoot, 'node_modules/.astro', `content-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`);
}

/** The shipped example handbook, built as `npm run build` does, for its search figures. */
async function buildDefaultSite(outDir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.HANDBOOK_CONTENT_DIR;
  const measured = await measureCommand(process.execPath, [astroBin, 'build', '--outDir', outDir], { cwd: exampleRoot, env });
  if (measured.exitCode !== 0) throw new Error(`The example handbook's build failed (exit ${measured.exitCode}):\n${measured.output.slice(-4000)}`);
}

const searchRow = (timing: SearchTiming) => [
  `"${timing.query}"`,
  `${(timing.bytes / 1024).toFixed(1)} KB`,
  `${timing.msToResults.toFixed(0)} ms`,
  String(timing.results),
];

async function build(kind: 'charter' | 'floor', outDir: string): Promise<Measured> {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(kind === 'charter' ? charterCacheDir(contentDir) : path.join(floorRoot, '.astro-cache'), { recursive: true, force: true });
  const args = kind === 'charter' ? [astroBin, 'build', '--outDir', outDir] : [astroBin, 'build', '--root', floorRoot, '--outDir', outDir];
  const env = { ...process.env, HANDBOOK_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const measured = await measureCommand(process.execPath, args, { cwd: exampleRoot, env });
  if (measured.exitCode !== 0) throw new Error(`The ${kind} build failed (exit ${measured.exitCode}):\n${measured.output.slice(-4000)}`);
  return measured;
}

/** The median run by wall time, so one slow run (a busy disk, say) does not decide the figure. */
function medianRun(runs: readonly Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Both builds of the corpus (alternating), their output and weight, and search on them and on the example handbook. */
async function buildsAndSearch(browser: Browser, current: string, slug: string) {
  const outDirs = { charter: path.join(work, 'charter-dist'), floor: path.join(work, 'floor-dist') };
  const runs: Record<'charter' | 'floor', Measured[]> = { charter: [], floor: [] };
  for (let run = 0; run < options.runs; run++) {
    // Alternate the order so neither build always runs on a warmer file cache.
    const order: ('charter' | 'floor')[] = run % 2 === 0 ? ['floor', 'charter'] : ['charter', 'floor'];
    for (const kind of order) {
      const measured = await build(kind, outDirs[kind]);
      runs[kind].push(measured);
      say(`  ${kind} build ${run + 1}: ${measured.seconds.toFixed(1)} s, peak ${(measured.peakBytes / 1024 / 1024).toFixed(0)} MB`);
    }
  }
  const figures: Record<'charter' | 'floor', BuildFigures> = { charter: undefined!, floor: undefined! };
  const searchRows: string[][] = [];
  for (const kind of ['charter', 'floor'] as const) {
    const served = await serveCompressed(outDirs[kind]);
    try {
      const chapterPath = kind === 'charter' ? `/${slug}/` : `/${current}/${slug}/`;
      const chapterUrl = served.url + chapterPath;
      const best = medianRun(runs[kind]);
      figures[kind] = {
        seconds: best.seconds,
        peakBytes: best.peakBytes,
        site: siteStats(outDirs[kind]),
        scriptBytes: await scriptBytesBeforeInteraction(browser, chapterUrl),
      };
      if (kind === 'charter' && !options.skip.has('search')) {
        for (const timing of await measureSearch(browser, served, chapterPath, SEARCH_QUERIES)) searchRows.push(searchRow(timing));
      }
    } finally {
      await served.close();
    }
  }
  say('');
  say('Build and output');
  say(comparisonTable(comparisonRows(figures.charter, figures.floor)));

  const defaultRows: string[][] = [];
  if (!options.skip.has('search')) {
    const dir = path.join(work, 'default-dist');
    await buildDefaultSite(dir);
    const served = await serveCompressed(dir);
    try {
      for (const timing of await measureSearch(browser, served, '/procedures/telephone/', DEFAULT_SITE_QUERIES)) defaultRows.push(searchRow(timing));
    } finally {
      await served.close();
    }
  }
  if (searchRows.length > 0) {
    say('');
    say('Search on the Charter site (one page, queries typed one after another; gzip as a web server sends it)');
    say(table(['query', 'fetched', 'last key → results', 'results'], searchRows));
    say('');
    say('Search on the example handbook (npm run build of src/content), the same way');
    say(table(['query', 'fetched', 'last key → results', 'results'], defaultRows));
  }
  return { figures, search: searchRows, defaultSiteSearch: defaultRows };
}

/** The checker on the whole tree (without its cache, then filling and using it) and with --changed, against its targets. */
async function checkerFigures() {
  const checker = await measureChecker(contentDir, { changedFiles: 5, runs: options.runs });
  const checked = checker.runs.changed[0]?.checked ?? 0;
  const files = checker.files.toLocaleString('en-US');
  say('');
  say('Checker (npm run lint:content, as a separate process)');
  say(
    table(
      ['run', 'files', 'wall time', 'target'],
      [
        ['whole tree, no cache', files, `${checker.wholeTreeSeconds.toFixed(1)} s`, wholeTreeVerdict(checker.wholeTreeSeconds, checker.files)],
        ['whole tree, first run (fills the cache)', files, `${checker.cacheColdSeconds.toFixed(1)} s`, ''],
        ['whole tree, cache filled', files, `${checker.cacheWarmSeconds.toFixed(1)} s`, ''],
        [
          `--changed (${checker.changedFiles} edited, ${checked} checked)`,
          String(checked),
          `${checker.changedSeconds.toFixed(2)} s`,
          changedVerdict(checker.changedSeconds, checker.files),
        ],
      ],
    ),
  );
  return checker;
}

/** astro dev on the corpus: start, first load, and three edits of one chapter until the new text shows. */
async function devServerFigures(browser: Browser, current: string, slug: string) {
  const dev = await measureDevServer({
    projectRoot: exampleRoot,
    contentDir,
    chapterFile: path.join(contentDir, 'editions', current, `${slug}.mdx`),
    chapterPath: `/${slug}/`,
    browser,
  });
  say('');
  say('Dev server (astro dev on the corpus, one chapter edited three times)');
  say(
    table(
      ['step', 'seconds'],
      [
        ['start until the chapter answers', dev.startSeconds.toFixed(1)],
        ['first load of the chapter', dev.firstLoadSeconds.toFixed(1)],
        ...dev.editSeconds.map((seconds, i) => [`edit ${i + 1}: save → new text on screen`, seconds.toFixed(2)]),
      ],
    ),
  );
  return dev;
}

try {
  say(
    `Charter bench: ${options.chapters} chapters × ${options.editions} editions, ${options.runs} run(s) each, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
  );
  let languageServer: LanguageServerBenchResult | undefined;
  if (!options.skip.has('lsp')) {
    languageServer = await measureLanguageServer({ edits: 25 });
    say('');
    say(
      `Language server (charter lsp --stdio in the example handbook, a ${languageServer.words.toLocaleString('en-US')}-word chapter, ${languageServer.edits} one-word edits)`,
    );
    say(
      table(
        ['start → first diagnostics', 'edit → diagnostics, median', 'p95', 'target'],
        [
          [
            `${languageServer.firstSeconds.toFixed(1)} s`,
            `${languageServer.medianMs.toFixed(0)} ms`,
            `${languageServer.p95Ms.toFixed(0)} ms`,
            `≤ 150 ms for a 1,500-word chapter: median ${languageServer.medianMs <= 150 ? 'met' : 'MISSED'}, p95 ${languageServer.p95Ms <= 150 ? 'met' : 'MISSED'}`,
          ],
        ],
      ),
    );
  }
  let imported: ImportBenchResult | undefined;
  if (!options.skip.has('import')) {
    imported = await measureImport({ files: options.importFiles });
    if (imported.exitCode !== 0) throw new Error(`charter import of the generated handbook failed (exit ${imported.exitCode})`);
    say('');
    say('charter import (a generated Markdown handbook with every construct it converts, as a separate process)');
    say(
      table(
        ['files in', 'pages out', 'wall time', 'target'],
        [
          [
            imported.files.toLocaleString('en-US'),
            imported.pages.toLocaleString('en-US'),
            `${imported.seconds.toFixed(1)} s`,
            `≤ 20 s for 1,000 files: ${imported.seconds * (1000 / imported.files) <= 20 ? 'met' : 'MISSED'}`,
          ],
        ],
      ),
    );
    say('');
  }
  let ack: AckBenchResult | undefined;
  if (!options.skip.has('ack')) {
    ack = await measureAckServer();
    const row = (label: string, f: AckBenchResult['inserts']) => [
      label,
      f.requests.toLocaleString('en-US'),
      String(f.concurrency),
      `${Math.round(f.perSecond).toLocaleString('en-US')}/s`,
      `${f.p50Ms.toFixed(1)} ms`,
      `${f.p99Ms.toFixed(1)} ms`,
      String(f.failures),
    ];
    say('');
    say(`charter ack-server (loopback, a new SQLite file with WAL and synchronous=FULL, each answer after its commit; ${os.cpus().length} cores)`);
    say(
      table(
        ['confirmations', 'requests', 'clients', 'throughput', 'p50', 'p99', 'not 2xx'],
        [row('new (one row each)', ack.inserts), row('repeats (200, no change)', ack.repeats)],
      ),
    );
    say(`  database and log afterwards: ${(ack.databaseBytes / 1024 / 1024).toFixed(1)} MB`);
    say('');
  }
  let pdf: PdfBenchResult | undefined;
  if (!options.skip.has('pdf')) {
    pdf = await measurePdf(path.join(work, 'pdf'));
    if (pdf.exitCode !== 0) throw new Error(`charter pdf of the example handbook failed (exit ${pdf.exitCode})`);
    say('');
    say("charter pdf (the example handbook's current edition, whole and by section, as a separate process)");
    say(table(['PDFs', 'pages', 'wall time', 'target'], [[String(pdf.files), String(pdf.pages), `${pdf.seconds.toFixed(1)} s`, pdfVerdict(pdf.seconds)]]));
  }
  const corpus = writeCorpus(contentDir, { chapters: options.chapters, editions: options.editions }, exampleContent);
  say(`corpus: ${corpus.files} chapter files in ${contentDir}`);

  const current = editionIds(options.editions).at(options.editions > 1 ? -2 : -1)!;
  const slug = chapterSlug(0);
  // Chromium for the sites' scripts and search and for the dev server, only when one of them runs.
  const browser = !options.skip.has('build') || !options.skip.has('dev') ? await launchChromium() : undefined;
  const report: Record<string, unknown> = { options: { ...options, skip: [...options.skip] }, import: imported, languageServer, ack, pdf };
  try {
    if (!options.skip.has('build')) Object.assign(report, await buildsAndSearch(browser!, current, slug));
    if (!options.skip.has('checker')) report.checker = await checkerFigures();
    if (!options.skip.has('dev')) report.dev = await devServerFigures(browser!, current, slug);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser?.close();
  }
  if (!options.skip.has('build')) {
    say('');
    say(`median of ${options.runs} run(s); peak memory is the sum of resident memory over the build's process tree, sampled every 100 ms`);
  }
} finally {
  if (options.keep) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
