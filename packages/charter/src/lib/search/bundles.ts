/**
 * One Pagefind bundle per edition. Pagefind loads a query word's whole list of pages; with every
 * edition in one index, a reader searching the edition they read would also download the other
 * editions' share of every word. Each edition's bundle sits in a folder of its own, and a search
 * across editions merges them in the browser.
 */
import type { Edition } from '../schemas.ts';

/** The folder, under the site's base, that holds every edition's search bundle. */
export const SEARCH_DIR = 'pagefind';

/** Where an edition's bundle lives, relative to the site's base: `pagefind/2026.1/`. */
export function bundlePath(editionId: string): string {
  return `${SEARCH_DIR}/${encodeURIComponent(editionId)}/`;
}

/**
 * The Pagefind glob for the built pages of one edition. An archived edition and the draft live under
 * their own prefix (`2025.1/…`, `draft/…`); the current edition's chapters are at the root, in every
 * top-level folder that is no edition's prefix and not the search bundles' (its permanent-link copies
 * under its own prefix are not indexed anyway). Undefined when the current edition has no folder.
 */
export function bundleGlob(
  edition: Pick<Edition, 'id' | 'status'>,
  editions: readonly Pick<Edition, 'id'>[],
  topLevelFolders: readonly string[],
): string | undefined {
  const folders = edition.status === 'current' ? topLevelFolders.filter((f) => f !== SEARCH_DIR && !editions.some((e) => e.id === f)).sort() : [edition.id];
  if (folders.length === 0) return undefined;
  return `${folders.length === 1 ? folders[0] : `{${folders.join(',')}}`}/**/*.html`;
}

/**
 * Why an edition's bundle is wrong, or undefined when it holds each of the edition's chapters once.
 * A chapter missing from search, or one found twice or in another edition's bundle, would mislead
 * readers silently, so the build stops instead.
 */
export function bundleCountProblem(editionId: string, indexedPages: number, chapters: number): string | undefined {
  if (indexedPages === chapters) return undefined;
  return (
    `The search bundle of edition ${editionId} holds ${indexedPages} pages, but the edition has ${chapters} chapters. ` +
    'Each chapter page must carry data-pagefind-body exactly once, at its canonical address; check the layout that renders it.'
  );
}
