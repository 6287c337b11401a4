import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs } from '../bench/args.ts';
import { fileForRequest, serveCompressed } from '../bench/browser.ts';
import { withMarker } from '../bench/dev-server.ts';
import { descendantsOf, measureCommand, parentPidOf, residentBytesOf } from '../bench/process-tree.ts';
import { comparisonRows, formatNumber, ratio, table, type BuildFigures } from '../bench/report.ts';
import { isChapterPage, median, siteStats } from '../bench/site-stats.ts';

describe('process tree measurement', () => {
  it('reads resident memory from /proc/<pid>/status text', () => {
    expect(residentBytesOf('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  1234 kB\nThreads: 7\n')).toBe(1234 * 1024);
    expect(residentBytesOf('Name:\tzombie\nState:\tZ\n')).toBe(0);
  });

  it('reads the parent pid even when the command name holds spaces and parentheses', () => {
    expect(parentPidOf('4242 (node (worker) x) S 4200 4242 1 0 -1')).toBe(4200);
  });

  it('finds every descendant of a process, however deep', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendantsOf(10, parents).sort()).toEqual([10, 11, 12, 13]);
  });

  it('measures a real command: its exit code, output and a non-zero peak on Linux', async () => {
    const measured = await measureCommand(
      process.execPath,
      ['-e', 'const a = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => { console.log(a.length); process.exit(3); }, 400);'],
      {
        cwd: process.cwd(),
        env: process.env,
        intervalMs: 20,
      },
    );
    expect(measured.exitCode).toBe(3);
    expect(measured.output.trim()).toBe(String(64 * 1024 * 1024));
    expect(measured.peakBytes).toBeGreaterThan(64 * 1024 * 1024);
  });
});

describe('site statistics', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('recognizes corpus chapter pages in any edition and nothing else', () => {
    expect(isChapterPage('intake-1/topic-00001/index.html')).toBe(true);
    expect(isChapterPage('2021.1/intake-1/topic-00001/index.html')).toBe(true);
    expect(isChapterPage('intake-1/index.html')).toBe(false);
    expect(isChapterPage('go/topic/index.html')).toBe(false);
  });

  it('counts pages, chapter pages and the search index of a built folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-stats-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write('index.html', 'home');
    write('a-1/topic-00001/index.html', 'x'.repeat(100));
    write('a-1/topic-00002/index.html', 'x'.repeat(300));
    write('pagefind/pagefind.js', 'y'.repeat(50));
    const stats = siteStats(dir);
    expect(stats).toMatchObject({ pages: 3, chapterPages: 2, medianChapterBytes: 200, searchIndexBytes: 50, outputBytes: 454 });
    expect(stats.medianChapterGzipBytes).toBeGreaterThan(0);
    expect(stats.medianChapterGzipBytes).toBeLessThan(200);
  });
});

describe('bench server paths', () => {
  it('maps folders to their index page and refuses paths outside the site', () => {
    expect(fileForRequest('/site', '/a/b/')).toBe('/site/a/b/index.html');
    expect(fileForRequest('/site', '/pagefind/pagefind.js?x=1')).toBe('/site/pagefind/pagefind.js');
    expect(fileForRequest('/site', '/../etc/passwd')).toBeUndefined();
    expect(fileForRequest('/site', '/%2e%2e/secret')).toBeUndefined();
  });

  it('counts the bytes it sends, compressed text and binary files alike', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-serve-'));
    writeFileSync(path.join(dir, 'page.html'), '<p>hold</p>'.repeat(2000));
    writeFileSync(path.join(dir, 'chunk.pf_index'), Buffer.alloc(5000, 7));
    const served = await serveCompressed(dir);
    try {
      expect(served.sentBytes()).toBe(0);
      const html = await fetch(`${served.url}/page.html`, { headers: { 'accept-encoding': 'gzip' } });
      expect(html.headers.get('content-encoding')).toBe('gzip');
      await html.arrayBuffer();
      const afterHtml = served.sentBytes();
      // Gzipped, 22,000 characters of repeated markup shrink to well under a tenth.
      expect(afterHtml).toBeGreaterThan(100);
      expect(afterHtml).toBeLessThan(2200);
      await (await fetch(`${served.url}/chunk.pf_index`)).arrayBuffer();
      expect(served.sentBytes() - afterHtml).toBeGreaterThan(5000);
    } finally {
      await served.close();
    }
  });
});

describe('dev server edits', () => {
  it('puts the marker right after the frontmatter', () => {
    expect(withMarker('---\ntitle: A\n---\n\nBody.\n', 'MARK')).toBe('---\ntitle: A\n---\n\nMARK\n\nBody.\n');
    expect(withMarker('No frontmatter.', 'MARK')).toBe('No frontmatter.\n\nMARK\n');
  });
});

describe('bench report', () => {
  const figures = (seconds: number, scriptBytes: number): BuildFigures => ({
    seconds,
    peakBytes: 512 * 1024 * 1024,
    scriptBytes,
    site: {
      pages: 1200,
      outputBytes: 30 * 1024 * 1024,
      chapterPages: 900,
      medianChapterBytes: 20 * 1024,
      medianChapterGzipBytes: 6 * 1024,
      searchIndexBytes: 4 * 1024 * 1024,
    },
  });

  it('compares Charter with the floor in readable units', () => {
    const rows = comparisonRows(figures(30, 2048), figures(20, 0));
    expect(rows.find((r) => r.label === 'build wall time')).toMatchObject({ charter: 30, floor: 20, unit: 's' });
    expect(rows.find((r) => r.label === 'peak memory (process tree)')).toMatchObject({ charter: 512, unit: 'MB' });
    expect(rows.find((r) => r.label === 'JS before interaction')).toMatchObject({ charter: 2, floor: 0, unit: 'KB' });
  });

  it('formats figures and ratios, with a dash where the floor is zero', () => {
    expect(formatNumber(1234.4, 'count')).toBe('1,234');
    expect(formatNumber(12.345, 's')).toBe('12.3 s');
    expect(formatNumber(150.4, 'MB')).toBe('150 MB');
    expect(ratio(30, 20)).toBe('1.50×');
    expect(ratio(2, 0)).toBe('–');
  });

  it('aligns columns', () => {
    expect(
      table(
        ['', 'a'],
        [
          ['long label', '1'],
          ['x', '100'],
        ],
      ).split('\n'),
    ).toEqual(['              a', '----------  ---', 'long label    1', 'x           100']);
  });
});

describe('bench command line', () => {
  it('has defaults that finish in a few minutes', () => {
    expect(parseBenchArgs([])).toMatchObject({ chapters: 300, editions: 3, runs: 1, importFiles: 1000, keep: false });
  });

  it('reads sizes and parts to skip', () => {
    const options = parseBenchArgs([
      '--chapters',
      '3000',
      '--editions',
      '2',
      '--runs',
      '3',
      '--import-files',
      '200',
      '--skip',
      'dev,search',
      '--json',
      'out.json',
    ]);
    expect(options).toMatchObject({ chapters: 3000, editions: 2, runs: 3, importFiles: 200, json: 'out.json' });
    expect([...options.skip].sort()).toEqual(['dev', 'search']);
  });

  it('refuses bad values with the usage line', () => {
    expect(() => parseBenchArgs(['--chapters', 'many'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--chapters', '0'])).toThrow(/--chapters must be a whole number/);
    expect(() => parseBenchArgs(['--skip', 'sites'])).toThrow(/--skip takes build, search, checker, dev, import/);
    expect(() => parseBenchArgs(['--skip', 'build'])).toThrow(/--skip build leaves no site to search/);
    expect([...parseBenchArgs(['--skip', 'build,search,dev,import']).skip].sort()).toEqual(['build', 'dev', 'import', 'search']);
    expect(() => parseBenchArgs(['--speed'])).toThrow(/Usage: npm run bench/);
  });
});
