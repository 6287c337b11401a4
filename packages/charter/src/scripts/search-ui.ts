/**
 * The header search box as a combobox (WAI-ARIA 1.2): results as you type, arrow keys to move,
 * Enter to open, Escape to close, and a status message with the number of results.
 */
import { whileTyping } from '../lib/search/query.ts';
import { SearchEngine, type SearchOptions } from './search-engine.ts';
import { latestWins } from './latest-wins.ts';
import { renderSearchChips } from './search-chips.ts';
import { countText, renderHit, searchStrings } from './search-results.ts';
import { rememberSearchGap } from './reader-state.ts';
import { sendSearchGap } from './endpoint.ts';

/**
 * How long typing must pause before results show. Ranking runs at every key, but each shown result
 * costs a download of its own (its excerpt), so results for a word still being typed fast are not
 * fetched only to be replaced a moment later. Longer than the gap between keys of a fast typist.
 */
const SETTLE_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function attachSearch(root: HTMLElement): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('.search-input')!;
  const popover = root.querySelector<HTMLElement>('.search-popover')!;
  const list = root.querySelector<HTMLUListElement>('.search-results')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const allLink = root.querySelector<HTMLAnchorElement>('.search-all')!;
  const readingEdition = root.dataset.edition ?? '';
  const base = root.dataset.base ?? '/';
  const i18n = searchStrings(root);
  renderSearchChips(root.querySelector<HTMLElement>('[data-search-controls]')!, readingEdition, i18n);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  const engine = await SearchEngine.load(base, readingEdition);
  let scope: 'edition' | 'all' = 'edition';
  const selected = { touchpoint: new Set<string>(), type: new Set<string>() };
  let active = -1;

  const options = (): SearchOptions => ({
    edition: scope === 'edition' ? readingEdition : undefined,
    touchpoints: [...selected.touchpoint],
    types: [...selected.type],
  });
  const filterNames = () =>
    [...popover.querySelectorAll<HTMLButtonElement>('button[data-filter][aria-pressed="true"]')].map((b) => b.textContent?.trim() ?? '');
  // The announcement names the active filters, so a screen reader hears that the results changed.
  const scopeName = () => {
    const where =
      scope === 'all'
        ? i18n.t('search.scopeAll')
        : readingEdition === 'draft'
          ? i18n.t('search.scopeDraft')
          : i18n.t('search.scopeEdition', { id: readingEdition });
    const filters = filterNames();
    return filters.length ? i18n.t('search.filteredBy', { scope: where, filters: i18n.list(filters) }) : where;
  };

  const open = (show: boolean) => {
    popover.hidden = !show;
    input.setAttribute('aria-expanded', String(show && list.children.length > 0));
  };
  const options$ = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const setActive = (index: number) => {
    const items = options$();
    active = items.length === 0 ? -1 : (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    const current = items[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const updateAllLink = () => {
    const params = new URLSearchParams({ q: input.value });
    if (scope === 'edition') params.set('edition', readingEdition);
    allLink.href = `${base}search/?${params}`;
  };

  let lastKeyAt = 0;
  // A query that found nothing, kept when the reader gives up on it (leaves the box or the page),
  // not at every key: "refu" on the way to "refund" is no gap in the handbook.
  let emptyQuery = '';
  const keepGap = () => {
    const query = input.value.trim();
    if (!emptyQuery || query !== emptyQuery) return;
    emptyQuery = '';
    const gap = { query, edition: readingEdition };
    if (rememberSearchGap(localStorage, gap, new Date())) sendSearchGap(root.dataset.feedbackEndpoint || undefined, gap);
  };
  addEventListener('pagehide', keepGap);
  const run = latestWins(searchNow);
  async function searchNow(superseded: () => boolean): Promise<void> {
    const query = input.value.trim();
    updateAllLink();
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    // Rank what has been typed so far at once, so the answer is ready when typing pauses…
    const typed = whileTyping(input.value);
    let ranking = await engine.rank(typed, options(), superseded);
    // …and show results only then (a newer key or filter makes this run give way to the next one,
    // so the input is still what was ranked).
    await sleep(lastKeyAt + SETTLE_MS - performance.now());
    if (superseded()) return;
    if (typed !== input.value) ranking = await engine.rank(query, options(), superseded);
    const hits = await engine.hitsFor(ranking);
    if (superseded()) return;
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = renderHit(hit, { showEdition: scope === 'all', editions: engine.editions, asOption: true, i18n });
        item.setAttribute('role', 'option');
        item.id = `search-option-${i}`;
        item.setAttribute('aria-selected', 'false');
        return item;
      }),
    );
    emptyQuery = hits.length === 0 && selected.touchpoint.size === 0 && selected.type.size === 0 ? query : '';
    if (hits.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'search-empty';
      empty.textContent = scope === 'edition' ? i18n.t('search.emptyHere') : i18n.t('search.empty');
      list.append(empty);
    }
    active = -1;
    input.removeAttribute('aria-activedescendant');
    status.textContent = countText(i18n, hits.length, query, scopeName());
    open(true);
  }

  input.addEventListener('input', () => {
    lastKeyAt = performance.now();
    engine.preload(whileTyping(input.value), options());
    void run();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (popover.hidden) open(true);
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const href = options$()[active]?.dataset.href;
      event.preventDefault();
      if (href) location.href = href;
      else if (input.value.trim()) {
        // The search page keeps the query if it finds nothing there either.
        emptyQuery = '';
        location.href = allLink.href;
      }
    } else if (event.key === 'Escape') {
      if (!popover.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        input.value = '';
        void run();
      }
    }
  });
  popover.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"][data-href]');
    if (option) {
      location.href = option.dataset.href!;
      return;
    }
    const chip = (event.target as Element).closest<HTMLButtonElement>('button.chip');
    if (!chip) return;
    if (chip.dataset.scope) {
      scope = chip.dataset.scope as 'edition' | 'all';
      popover.querySelectorAll<HTMLButtonElement>('[data-scope]').forEach((b) => b.setAttribute('aria-pressed', String(b === chip)));
    } else {
      const kind = chip.dataset.filter as 'touchpoint' | 'type';
      const value = chip.dataset.value!;
      const on = !selected[kind].has(value);
      if (on) selected[kind].add(value);
      else selected[kind].delete(value);
      chip.setAttribute('aria-pressed', String(on));
    }
    void run();
  });
  // Clicking a result must not move focus out of the box first, or the list would close under the pointer.
  list.addEventListener('pointerdown', (event) => event.preventDefault());
  // Leaving the search area with Tab or a click closes the results.
  root.addEventListener('focusout', (event) => {
    if (root.contains(event.relatedTarget as Node | null)) return;
    open(false);
    keepGap();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.contains(event.target as Node)) open(false);
  });
  if (input.value.trim()) void run();
}
