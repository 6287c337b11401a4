/**
 * The handbook's own translator, for pages and components: the catalog of the config's `lang`
 * with its `strings` overrides. Made once per build.
 */
import { optionalPages, siteConfig } from '../lib/config.ts';
import { createTranslator, messagesFor } from './index.ts';

/** Every string of this handbook, resolved; scripts in the browser get the few they need from it. */
export const siteMessages = messagesFor(siteConfig.lang, siteConfig.strings);
export const i18n = createTranslator(siteConfig.lang, siteConfig.strings);
export const t = i18n.t.bind(i18n) as typeof i18n.t;
import { pickMessages } from './catalog.ts';
export { pickMessages };

/** The strings the search box and search page script use, handed over in a data attribute. */
export const SEARCH_KEYS = [
  'search.searchIn',
  'search.thisEdition',
  'search.allEditions',
  'search.touchpoint',
  'search.kind',
  'search.scopeDraft',
  'search.scopeEdition',
  'search.scopeAll',
  'search.filteredBy',
  'search.emptyHere',
  'search.empty',
  'search.noResults',
  'search.results',
  'search.editionDraft',
  'search.editionCurrent',
  'search.editionArchived',
  'searchPage.prompt',
] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];

/** The search scripts' strings for this handbook: no touchpoint filter's words where no chapter has a touchpoint. */
export const searchStrings = JSON.stringify(
  pickMessages(
    siteMessages,
    SEARCH_KEYS.filter((key) => optionalPages.touchpoints || key !== 'search.touchpoint'),
  ),
);
