/**
 * Every page of a handbook, injected from the package: an adopter's project has no `src/pages`.
 * The patterns are the public URLs; changing one breaks links people have saved.
 */
export const ROUTES = [
  { pattern: '/', file: 'index.astro' },
  { pattern: '/404', file: '404.astro' },
  { pattern: '/[...path]', file: '[...path].astro' },
  { pattern: '/[edition]', file: '[edition]/index.astro' },
  { pattern: '/changes/[edition]', file: 'changes/[edition].astro' },
  { pattern: '/editions', file: 'editions.astro' },
  { pattern: '/go/[name]', file: 'go/[name].astro' },
  { pattern: '/paths', file: 'paths/index.astro' },
  { pattern: '/paths/[id]', file: 'paths/[id]/index.astro' },
  { pattern: '/paths/[id]/print', file: 'paths/[id]/print.astro' },
  { pattern: '/review', file: 'review.astro' },
  { pattern: '/search', file: 'search.astro' },
  { pattern: '/search-config.json', file: 'search-config.json.js' },
  { pattern: '/touchpoints', file: 'touchpoints.astro' },
] as const;
