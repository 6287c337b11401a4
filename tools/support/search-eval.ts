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
import { standardAnchor } from '../../packages/charter/src/lib/element-ids.ts';
import { declaredStandardsOf } from '../../packages/charter/src/lib/standard-declarations.ts';

export interface QuerySpec {
  q: string;
  expect: string;
  also?: string[];
  /**
   * A question about a service standard: the first result must be that standard itself (its
   * record, at the statement in the chapter `expect` names), not only its chapter. Asked in the
   * editions that declare it.
   */
  standard?: string;
}

export interface EditionChapterSet {
  edition: EditionRef;
  /** slug → its old slugs (redirectFrom), for chapters renamed between editions. */
  chapters: Map<string, readonly string[]>;
  /** The ids of the standards the edition declares, with the chapter that declares each. */
  standards: Map<string, string>;
}

/** Every edition of a content folder with its chapters and their old names. */
export function editionSets(contentDir: string): EditionChapterSet[] {
  return readManifest(contentDir).map((edition) => ({
    edition,
    chapters: new Map(
      listChapterFiles(contentDir, edition.id).map((f) => [f.slug, Array.isArray(f.frontmatter.redirectFrom) ? f.frontmatter.redirectFrom.map(String) : []]),
    ),
    standards: new Map(listChapterFiles(contentDir, edition.id).flatMap((f) => declaredStandardsOf(f.source, f.file).map((s) => [s.id, f.slug] as const))),
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
  options: { only?: string } = {},
): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  // Renamed chapters are followed through every edition, even when only one is asked.
  for (const set of editions.filter((e) => options.only === undefined || e.edition.id === options.only)) {
    const asked = queries
      .map((q) => ({ q, expected: [q.expect, ...(q.also ?? [])].map((s) => slugIn(s, set, editions)).filter((s): s is string => !!s) }))
      .filter((x) => x.expected.length > 0 && slugIn(x.q.expect, set, editions))
      // A standard's question is asked where the edition declares it, in the chapter expected.
      .filter((x) => x.q.standard === undefined || set.standards.get(x.q.standard) === slugIn(x.q.expect, set, editions));
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
      // A standard's answer is told from its chapter's by the anchor of its statement.
      const keepHash = q.standard !== undefined;
      cases.push({
        query: q.q,
        edition: set.edition.id,
        expected: keepHash
          ? [`${chapterUrl(set.edition, expected[0]!)}#${standardAnchor(q.standard!)}`]
          : expected.map((slug) => chapterUrl(set.edition, slug)),
        results: [...new Set(hrefs.map((h) => normalizeResultPath(h, base, { keepHash })))],
      });
    }
  }
  return cases;
}
