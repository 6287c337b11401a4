/**
 * What a built site weighs: pages, output size, the median chapter page (plain and gzipped) and
 * the search index. Chapter pages are recognized by the synthetic corpus's slugs (`topic-00001`),
 * so Charter's pages and the floor's are compared like for like.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteStats {
  pages: number;
  outputBytes: number;
  chapterPages: number;
  medianChapterBytes: number;
  medianChapterGzipBytes: number;
  searchIndexBytes: number;
}

/** The middle value (the mean of the two middle ones for an even count); 0 for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A corpus chapter's page: `…/topic-00042/index.html`, in any edition. */
export function isChapterPage(relativePath: string): boolean {
  return /(^|\/)topic-\d+\/index\.html$/.test(relativePath.split(path.sep).join('/'));
}

function filesUnder(dir: string): { relative: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((relative) => ({ relative, full: path.join(dir, relative) }))
    .map(({ relative, full }) => ({ relative, stat: statSync(full) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ relative, stat }) => ({ relative, bytes: stat.size }));
}

/**
 * Gzip sizes are measured on a sample of chapter pages (every n-th, up to `gzipSample`): they vary
 * little, and compressing 12,000 pages would take longer than the figure is worth.
 */
export function siteStats(dir: string, gzipSample = 400): SiteStats {
  const files = filesUnder(dir);
  const html = files.filter((f) => f.relative.endsWith('.html'));
  const chapters = html.filter((f) => isChapterPage(f.relative));
  const step = Math.max(1, Math.floor(chapters.length / gzipSample));
  const sampled = chapters.filter((_, i) => i % step === 0);
  const searchDir = `pagefind${path.sep}`;
  return {
    pages: html.length,
    outputBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    chapterPages: chapters.length,
    medianChapterBytes: median(chapters.map((f) => f.bytes)),
    medianChapterGzipBytes: median(sampled.map((f) => gzipSync(readFileSync(path.join(dir, f.relative))).length)),
    searchIndexBytes: files.filter((f) => f.relative.startsWith(searchDir)).reduce((sum, f) => sum + f.bytes, 0),
  };
}
