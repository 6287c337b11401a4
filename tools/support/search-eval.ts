/**
 * Runs the search quality query set through the real search page of a built site, in Chromium.
 * Shared by `npm run search:eval` and the browser test that holds search to its bars.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { listChapterFiles, readManifest } from '../../packages/charter/src/lib/content-files.ts';
import { chapterUrl, type EditionRef } from '../../packages/charter/src/lib/edition-urls.ts';
import { normalizeResultPath, type EvalCase } from '../../packages/charter/src/lib/search/eval.ts';

export interface QuerySpec {
  q: string;
  expect: string;
  also?: string[];
}

export interface EditionChapterSet {
  edition: EditionRef;
  /** slug → its old slugs (redirectFrom), for chapters renamed between editions. */
  chapters: Map<string, readonly string[]>;
}

/** Every edition of a content folder with its chapters and their old names. */
export function editionSets(contentDir: string): EditionChapterSet[] {
  return readManifest(contentDir).map((edition) => ({
    edition,
    chapters: new Map(
      listChapterFiles(contentDir, edition.id).map((f) => [f.slug, Array.isArray(f.frontmatter.redirectFrom) ? f.frontmatter.redirectFrom.map(String) : []]),
    ),
  }));
}

export function readQueries(file: string): QuerySpec[] {
  const data = parse(readFileSync(file, 'utf8')) as QuerySpec[];
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${file}: expected a YAML list of { q, expect } entries.`);
  return data;
}

/** Where a chapter of the query set lives in an edition, following renames; undefined when absent. */
function slugIn(slug: string, target: EditionChapterSet, all: readonly EditionChapterSet[]): string | undefined {
  if (target.chapters.has(slug)) return slug;
  for (const other of all) {
    const olds = other.chapters.get(slug);
    const found = olds?.find((old) => target.chapters.has(old));
    if (found) return found;
  }
  return undefined;
}

export async function runSearchEval(
  page: Page,
  siteUrl: string,
  base: string,
  queries: readonly QuerySpec[],
  editions: readonly EditionChapterSet[],
): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  for (const set of editions) {
    const asked = queries
      .map((q) => ({ q, expected: [q.expect, ...(q.also ?? [])].map((s) => slugIn(s, set, editions)).filter((s): s is string => !!s) }))
      .filter((x) => x.expected.length > 0 && slugIn(x.q.expect, set, editions));
    if (asked.length === 0) continue;
    await page.goto(`${siteUrl}search/?edition=${encodeURIComponent(set.edition.id)}`);
    const input = page.locator('#q');
    const count = page.locator('[data-search-count]');
    for (const { q, expected } of asked) {
      await input.fill(q.q);
      await input.press('Enter');
      await count.filter({ hasText: `“${q.q}”` }).waitFor({ timeout: 15_000 });
      const hrefs = await page
        .locator('[data-search-results] a.search-hit-link')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
      cases.push({
        query: q.q,
        edition: set.edition.id,
        expected: expected.map((slug) => chapterUrl(set.edition, slug)),
        results: [...new Set(hrefs.map((h) => normalizeResultPath(h, base)))],
      });
    }
  }
  return cases;
}
