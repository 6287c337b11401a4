/**
 * Checks over every built page: the HTML is valid (Nu Html Checker) and every internal link and
 * anchor resolves. They read the site the web server built, so they run with the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { idsIn, linksIn, listHtmlFiles, read, sitePathOf } from './support/built-files.ts';
import { SITES } from './support/sites.ts';
import { repoRoot } from '../../../../tools/support/paths.ts';

const dist = path.resolve(SITES.root.outDir);

test.describe('the built site', () => {
  test('every internal link and #anchor resolves', () => {
    const files = listHtmlFiles(dist);
    expect(files.length).toBeGreaterThan(20);
    const pages = new Map(files.map((f) => [sitePathOf(dist, f), idsIn(read(f))]));
    const broken: string[] = [];
    for (const file of files) {
      const from = sitePathOf(dist, file);
      for (const link of linksIn(read(file))) {
        if (/^(?:[a-z]+:|\/\/)/i.test(link)) continue;
        const url = new URL(link, `http://site${from}`);
        const target = decodeURIComponent(url.pathname);
        const ids = pages.get(target);
        const isAsset = !target.endsWith('/') && existsSync(path.join(dist, target));
        if (!ids && !isAsset) broken.push(`${from} → ${link} (no such page)`);
        else if (ids && url.hash && !ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} → ${link} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('every page is valid HTML according to the Nu Html Checker', () => {
    test.setTimeout(180_000);
    const jar = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const files = listHtmlFiles(dist);
    let report = '';
    try {
      execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'text', ...files], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; code?: string };
      if (e.code === 'ENOENT')
        throw new Error('The Nu Html Checker needs Java: install a JRE (Debian: apt-get install -y default-jre-headless).', { cause: error });
      report = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    expect(report.replaceAll(dist, '')).toBe('');
  });
});
