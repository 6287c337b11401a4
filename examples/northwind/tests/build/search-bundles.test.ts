/**
 * The real build writes one Pagefind bundle per edition, and each holds exactly that edition's
 * chapters, glossary entries and service standards: a search in one edition can neither miss its
 * pages nor lead out of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listChapterFiles, readManifest } from '../../../../packages/charter/src/lib/content-files.ts';
import { chapterUrl } from '../../../../packages/charter/src/lib/edition-urls.ts';
import { declaredStandardsOf } from '../../../../packages/charter/src/lib/standard-declarations.ts';
import { standardAnchor } from '../../../../packages/charter/src/lib/element-ids.ts';
import { shippedExampleBuild } from './support.ts';

const contentDir = path.resolve(import.meta.dirname, '../../src/content');

/** The addresses of a bundle's records, read from its fragment files (gzip behind a short signature). */
function recordUrls(bundle: string): string[] {
  const dir = path.join(bundle, 'fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

describe('search bundles', () => {
  it('gives every edition a bundle with its own chapters, glossary entries and standards, and nothing else', () => {
    const editions = readManifest(contentDir);
    const glossaryEntries = (readFileSync(path.join(contentDir, 'glossary.yaml'), 'utf8').match(/^- id:/gm) ?? []).length;
    expect(glossaryEntries).toBeGreaterThan(5);
    let checked = 0;
    const { dist } = shippedExampleBuild();
    expect(readdirSync(path.join(dist, 'pagefind')).sort()).toEqual(editions.map((e) => e.id).sort());
    for (const edition of editions) {
      const bundle = path.join(dist, 'pagefind', edition.id);
      expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
      expect(existsSync(path.join(bundle, 'pagefind-highlight.js'))).toBe(true);
      // Pagefind's ready-made interfaces are not used, so they are not shipped.
      expect(readdirSync(bundle).filter((f) => f.includes('-ui.'))).toEqual([]);
      const urls = recordUrls(bundle);
      const pages = urls.filter((u) => !u.includes('#')).sort();
      const expected = listChapterFiles(contentDir, edition.id)
        .map((f) => chapterUrl(edition, f.slug))
        .sort();
      expect(pages).toEqual(expected);
      const files = listChapterFiles(contentDir, edition.id);
      // One record per declared standard, at its statement in the chapter that declares it.
      const standards = files.flatMap((f) => declaredStandardsOf(f.source, f.file).map((s) => `${chapterUrl(edition, f.slug)}#${standardAnchor(s.id)}`)).sort();
      expect(standards.length).toBeGreaterThan(0);
      expect(urls.filter((u) => u.includes('#standard-')).sort()).toEqual(standards);
      const glossary = urls.filter((u) => u.includes('#') && !u.includes('#standard-'));
      expect(glossary).toHaveLength(glossaryEntries);
      for (const url of glossary) expect(url.startsWith(chapterUrl(edition, 'reference/glossary'))).toBe(true);
      checked++;
    }
    expect(checked).toBe(editions.length);
  }, 240_000);
});
