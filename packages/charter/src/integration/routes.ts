import type { OptionalPages } from '../lib/optional-pages.ts';

/**
 * Every page of a handbook, injected from the package: an adopter's project has no `src/pages`.
 * The patterns are the public URLs; changing one breaks links people have saved. A route with
 * `needs` is added only when the content has what it shows (see lib/optional-pages.ts).
 */
export const ROUTES: readonly { pattern: string; file: string; needs?: keyof OptionalPages }[] = [
  { pattern: '/', file: 'index.astro' },
  { pattern: '/404', file: '404.astro' },
  { pattern: '/[...path]', file: '[...path].astro' },
  { pattern: '/[edition]', file: '[edition]/index.astro' },
  { pattern: '/[edition]/[...file]', file: 'edition-files.js' },
  { pattern: '/changes/[edition]', file: 'changes/[edition].astro' },
  { pattern: '/changes/[edition]/marks.json', file: 'changes/marks.json.js' },
  { pattern: '/changes/[edition]/feed.xml', file: 'changes/feed.xml.js' },
  { pattern: '/changes/touchpoints/[touchpoint].xml', file: 'changes/touchpoint-feed.js', needs: 'touchpoints' },
  { pattern: '/cards/[edition]', file: 'cards/index.astro' },
  { pattern: '/cards/[edition]/[touchpoint]', file: 'cards/[touchpoint].astro' },
  { pattern: '/charter/[edition]', file: 'charter/[edition].astro' },
  { pattern: '/charter/[edition]/customer', file: 'charter/customer.astro' },
  { pattern: '/editions', file: 'editions.astro' },
  { pattern: '/go/[name]', file: 'go/[name].astro' },
  { pattern: '/pdf/[edition]/contents.json', file: 'pdf-contents.json.js' },
  { pattern: '/paths', file: 'paths/index.astro', needs: 'paths' },
  { pattern: '/paths/[id]', file: 'paths/[id]/index.astro', needs: 'paths' },
  { pattern: '/paths/[id]/print', file: 'paths/[id]/print.astro', needs: 'paths' },
  { pattern: '/review', file: 'review.astro' },
  { pattern: '/search', file: 'search.astro' },
  { pattern: '/search-config.json', file: 'search-config.json.js' },
  { pattern: '/touchpoints', file: 'touchpoints.astro', needs: 'touchpoints' },
];

/** The routes this handbook has. */
export function routesFor(pages: OptionalPages): typeof ROUTES {
  return ROUTES.filter((route) => !route.needs || pages[route.needs]);
}
