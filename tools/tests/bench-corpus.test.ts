import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterSlug, chapterText, revisions, writeCorpus } from '../bench/corpus.ts';
import { exampleContent } from '../support/paths.ts';
import { frontmatterData as readFrontmatter, readManifest } from '../../packages/charter/src/lib/content-files.ts';
import { chapterFrontmatter } from '../../packages/charter/src/lib/schemas.ts';

describe('synthetic benchmark corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(chapterText(5, 100, 0, 1)).toBe(chapterText(5, 100, 0, 1));
    expect(chapterText(5, 100, 0, 2)).not.toBe(chapterText(5, 100, 0, 1));
  });

  it('has chapters of about 1,150 words with valid frontmatter and links inside the corpus', () => {
    const text = chapterText(7, 300, 0, 1);
    const words = text
      .replace(/^---[\s\S]*?---/, '')
      .split(/\s+/)
      .filter(Boolean).length;
    expect(words).toBeGreaterThan(900);
    expect(words).toBeLessThan(1400);
    expect(chapterFrontmatter.safeParse(readFrontmatter(text)).success).toBe(true);
    const targets = [...text.matchAll(/\]\(\/([^)]+)\/\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    const slugs = new Set(Array.from({ length: 300 }, (_, i) => chapterSlug(i)));
    for (const t of targets) expect(slugs.has(t!)).toBe(true);
  });

  it('changes about 5% of chapters in each newer edition', () => {
    const revs = revisions(3000, 3, 0.05, 1);
    for (let e = 1; e < 3; e++) {
      const changed = revs[e]!.filter((r, i) => r !== revs[e - 1]![i]).length;
      expect(changed / 3000).toBeGreaterThan(0.035);
      expect(changed / 3000).toBeLessThan(0.065);
    }
  });

  it('writes a content folder the site can read: editions, sections and data', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-corpus-'));
    try {
      const { files, editions } = writeCorpus(dir, { chapters: 60, editions: 3 }, exampleContent);
      expect(files).toBe(180);
      expect(editions).toEqual(['2020.1', '2021.1', 'draft']);
      expect(readManifest(dir).map((e) => [e.id, e.status])).toEqual([
        ['2020.1', 'archived'],
        ['2021.1', 'current'],
        ['draft', 'draft'],
      ]);
      expect(readdirSync(path.join(dir, 'editions', 'draft'))).toHaveLength(20);
      expect(readFileSync(path.join(dir, 'glossary.yaml'), 'utf8')).toContain('id: customer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
