/**
 * Reads the content folder directly from disk, for the command-line tools (release, carry, new)
 * that run outside Astro. Validation uses the same schemas as the site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chapterSlug, listChapterPaths } from './chapter-files.ts';
import { readDataListOrRefuse } from './data-files.ts';

export { listChapterPaths } from './chapter-files.ts';
import { locateFrontmatter } from './frontmatter.ts';
import { edition as editionSchema, type Edition } from './schemas.ts';

export const MANIFEST = 'editions.yaml';

/** Reads and validates the edition manifest; a bad one is refused with every problem, located. */
export function readManifest(contentDir: string): Edition[] {
  return readDataListOrRefuse(contentDir, MANIFEST, editionSchema, { required: true, purpose: 'an edition manifest' });
}

export interface ChapterFile {
  /** Path below the edition folder, e.g. `procedures/telephone.mdx`. */
  file: string;
  slug: string;
  source: string;
  frontmatter: Record<string, unknown>;
}

/**
 * The data of a chapter's frontmatter as the site reads it (the one splitter and reader in
 * frontmatter.ts); an empty object when there is none or it cannot be read.
 */
export function frontmatterData(source: string): Record<string, unknown> {
  return locateFrontmatter(source).data ?? {};
}

/** Every chapter file of an edition folder, sorted by path, with its text and frontmatter. */
export function listChapterFiles(contentDir: string, editionId: string): ChapterFile[] {
  const dir = path.join(contentDir, 'editions', editionId);
  return listChapterPaths(contentDir, editionId).map((file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    return { file, slug: chapterSlug(file), source, frontmatter: frontmatterData(source) };
  });
}
