/** Renders search hits as DOM nodes; shared by the header box and the search page. */
import type { SearchConfig, SearchHit } from './search-engine.ts';
import { translatorFor, type Translator } from '../i18n/catalog.ts';

/**
 * The search strings the page carries in `data-strings` (with its language in `data-lang`), so
 * the script needs no request of its own for them.
 */
export function searchStrings(el: HTMLElement): Translator {
  return translatorFor(JSON.parse(el.dataset.strings ?? '{}'), el.dataset.lang ?? 'en');
}

export function editionLabel(i18n: Translator, config: SearchConfig['editions'], id: string): string {
  const edition = config.find((e) => e.id === id);
  if (!edition) return id;
  if (edition.status === 'draft') return i18n.t('search.editionDraft');
  return edition.status === 'current' ? i18n.t('search.editionCurrent', { id: edition.id }) : i18n.t('search.editionArchived', { id: edition.id });
}

/**
 * One hit: title, edition when searching all editions, matching section, excerpt with <mark>s.
 * As a listbox option it holds no link (an option may not contain interactive controls); the
 * option carries its address in data-href and the search box opens it.
 */
export function renderHit(
  hit: SearchHit,
  options: { showEdition: boolean; editions: SearchConfig['editions']; asOption: boolean; i18n: Translator },
): HTMLElement {
  const el = document.createElement('li');
  el.className = 'search-hit';
  const link = document.createElement(options.asOption ? 'div' : 'a');
  if (link instanceof HTMLAnchorElement) link.href = hit.url;
  else el.dataset.href = hit.url;
  link.className = 'search-hit-link';
  const title = document.createElement('span');
  title.className = 'search-hit-title';
  title.textContent = hit.title;
  link.append(title);
  if (options.showEdition && hit.edition) {
    const badge = document.createElement('span');
    badge.className = 'search-hit-edition';
    badge.textContent = editionLabel(options.i18n, options.editions, hit.edition);
    link.append(' ', badge);
  }
  const where = document.createElement('span');
  where.className = 'search-hit-where';
  where.textContent = [hit.section, hit.subTitle && hit.subTitle !== hit.title ? hit.subTitle : ''].filter(Boolean).join(' › ');
  const excerpt = document.createElement('span');
  excerpt.className = 'search-hit-excerpt';
  // Pagefind escapes the page text before adding <mark> elements, so its excerpt is safe HTML.
  excerpt.innerHTML = hit.excerpt;
  link.append(where, excerpt);
  el.append(link);
  return el;
}

export function countText(i18n: Translator, count: number, query: string, scope: string): string {
  if (!query) return '';
  if (count === 0) return i18n.t('search.noResults', { query, scope });
  return i18n.t('search.results', { count, query, scope });
}
