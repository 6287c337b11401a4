/**
 * The header search's scope and filter chips, built when the search code loads: they only work
 * with it, and leaving them out of the page's HTML keeps every page lighter.
 */
import { handbookVocabulary } from '../lib/handbook-vocabulary.ts';
import pages from 'virtual:charter/pages';
import type { Translator } from '../i18n/catalog.ts';

function chip(label: string, pressed: boolean, data: Record<string, string>): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chip';
  button.textContent = label;
  button.setAttribute('aria-pressed', String(pressed));
  Object.assign(button.dataset, data);
  return button;
}

function group(label: string, chips: HTMLButtonElement[]): HTMLDivElement {
  const div = document.createElement('div');
  div.className = 'chips';
  div.setAttribute('role', 'group');
  div.setAttribute('aria-label', label);
  div.append(...chips);
  return div;
}

/** Fills `container` with the edition scope, touchpoint and kind-of-chapter chips. */
export function renderSearchChips(container: HTMLElement, readingEdition: string, i18n: Translator): void {
  container.replaceChildren(
    group(i18n.t('search.searchIn'), [
      chip(i18n.t('search.thisEdition', { id: readingEdition }), true, { scope: 'edition' }),
      chip(i18n.t('search.allEditions'), false, { scope: 'all' }),
    ]),
    // A touchpoint filter only where some chapter has a touchpoint to filter by.
    ...(pages.touchpoints
      ? [
          group(
            i18n.t('search.touchpoint'),
            handbookVocabulary.touchpoints.map((t) => chip(t.label, false, { filter: 'touchpoint', value: t.id })),
          ),
        ]
      : []),
    group(
      i18n.t('search.kind'),
      handbookVocabulary.types.map((t) => chip(t.label, false, { filter: 'type', value: t.id })),
    ),
  );
}
