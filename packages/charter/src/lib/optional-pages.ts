/**
 * Pages that exist only when the content gives them something to show: the touchpoint matrix (a
 * chapter of the current edition names a touchpoint), reading paths (paths.yaml has a path) and
 * the glossary (glossary.yaml has a term and the current edition has the glossary chapter). The
 * integration decides once, when the build starts, which routes to add; the header, the home page
 * and the components read the same decision, so nothing links to a page that was not built.
 * Decided from the files, before the content collections load, because routes are fixed by then;
 * the dev server picks up a change here on restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { chapterSlug } from './chapter-files.ts';
import { frontmatterData } from './content-files.ts';
import type { OptionalDataFile } from './data-files.ts';
import { GLOSSARY_SLUG } from './glossary.ts';
import { currentEditionOf, readChapterSources } from './structure.ts';

export const FAVICON = 'favicon.svg';

export interface OptionalPages {
  touchpoints: boolean;
  paths: boolean;
  glossary: boolean;
  /** The adopter ships public/favicon.svg; without it, pages name no icon rather than a missing one. */
  favicon: boolean;
  /**
   * Which optional data files exist, by collection. Pages read a missing one as an empty list
   * without asking Astro, which would warn about an empty collection on every build.
   */
  collections: Record<OptionalCollection, boolean>;
}

/** The collections of the optional data files (lib/data-files.ts), and their files. */
export const OPTIONAL_COLLECTIONS = {
  glossary: 'glossary.yaml',
  phrases: 'phrases.yaml',
  paths: 'paths.yaml',
  searchPhrases: 'search-phrases.yaml',
} as const satisfies Record<string, OptionalDataFile>;

export type OptionalCollection = keyof typeof OPTIONAL_COLLECTIONS;

/** Whether a YAML data file exists and holds at least one entry; a broken file is reported by its loader. */
export function hasEntries(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    return Array.isArray(data) && data.length > 0;
  } catch {
    return false;
  }
}

/** Whether a chapter's frontmatter names at least one touchpoint. */
export function namesTouchpoints(source: string): boolean {
  // Most chapters say nothing about touchpoints: only those that do need their frontmatter read.
  if (!/^touchpoints:/m.test(source)) return false;
  const touchpoints = frontmatterData(source)['touchpoints'];
  return Array.isArray(touchpoints) && touchpoints.length > 0;
}

export function detectOptionalPages(contentDir: string, publicDir: string): OptionalPages {
  const current = currentEditionOf(contentDir);
  const chapters = current ? readChapterSources(contentDir, [current]) : [];
  return {
    touchpoints: chapters.some((c) => namesTouchpoints(c.source)),
    paths: hasEntries(path.join(contentDir, 'paths.yaml')),
    glossary: hasEntries(path.join(contentDir, 'glossary.yaml')) && chapters.some((c) => chapterSlug(c.file) === GLOSSARY_SLUG),
    favicon: existsSync(path.join(publicDir, FAVICON)),
    collections: Object.fromEntries(Object.entries(OPTIONAL_COLLECTIONS).map(([name, file]) => [name, existsSync(path.join(contentDir, file))])) as Record<
      OptionalCollection,
      boolean
    >,
  };
}
