/**
 * One Pagefind bundle per edition. Pagefind loads a query word's whole list of pages; with every
 * edition in one index, a reader searching the edition they read would also download the other
 * editions' share of every word. Each edition's bundle sits in a folder of its own, and a search
 * across editions merges them in the browser.
 */

/** The folder, under the site's base, that holds every edition's search bundle. */
export const SEARCH_DIR = 'pagefind';

/** Where an edition's bundle lives, relative to the site's base: `pagefind/2026.1/`. */
export function bundlePath(editionId: string): string {
  return `${SEARCH_DIR}/${encodeURIComponent(editionId)}/`;
}

/** The address Pagefind should give a built page: `a/b/index.html` → `/a/b/`. */
export function pageUrlOf(relativeFile: string): string {
  const file = relativeFile.split('\\').join('/').replace(/^\/+/, '');
  if (file === 'index.html') return '/';
  return `/${file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

// Inside a tag only: prose that mentions the attribute is escaped (`&lt;article …`) and never matches.
const BODY_MARKER = /<[a-z][^<>]*\sdata-pagefind-body[\s=/>]/i;
const EDITION_FILTER = /<data\s+data-pagefind-filter="edition\[value\]"\s+value="([^"]+)"/;

export class SearchBundleError extends Error {}

/**
 * The edition whose bundle a built page belongs in, read from the page's own search markup;
 * undefined for a page that is not indexed. A page marked for indexing that names no edition is a
 * layout bug, and silently leaving it out of search would hide it, so it is an error.
 */
export function bundleOfPage(html: string, file: string): string | undefined {
  if (!BODY_MARKER.test(html)) return undefined;
  const edition = EDITION_FILTER.exec(html)?.[1];
  if (!edition) {
    throw new SearchBundleError(
      `${file}: the page is marked for search (data-pagefind-body) but names no edition. ` +
        'Every indexed page needs <data data-pagefind-filter="edition[value]" value="<edition id>">, as ChapterLayout writes it; ' +
        'render the page with ChapterLayout or add the filter to its layout.',
    );
  }
  return edition;
}
