/** Renders search hits as DOM nodes; shared by the header box and the search page. */
import type { SearchConfig, SearchHit } from './search-engine.ts';

export function editionLabel(config: SearchConfig['editions'], id: string): string {
  const edition = config.find((e) => e.id === id);
  if (!edition) return id;
  if (edition.status === 'draft') return 'Draft';
  return edition.status === 'current' ? `${edition.id} (current)` : `${edition.id} (archived)`;
}

/**
 * One hit: title, edition when searching all editions, matching section, excerpt with <mark>s.
 * As a listbox option it holds no link (an option may not contain interactive controls); the
 * option carries its address in data-href and the search box opens it.
 */
export function renderHit(hit: SearchHit, options: { showEdition: boolean; editions: SearchConfig['editions']; asOption: boolean }): HTMLElement {
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
    badge.textContent = editionLabel(options.editions, hit.edition);
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

export function countText(count: number, query: string, scope: string): string {
  if (!query) return '';
  if (count === 0) return `No results for “${query}” in ${scope}.`;
  return `${count} result${count === 1 ? '' : 's'} for “${query}” in ${scope}.`;
}
