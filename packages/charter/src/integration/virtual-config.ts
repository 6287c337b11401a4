/**
 * The adopter's validated settings, for pages and components: `import config from
 * 'virtual:charter/config'`. Validation happens once, in the integration; pages receive plain data.
 * Beside it, `virtual:charter/pages` says which optional pages were built (see
 * lib/optional-pages.ts), `virtual:charter/vocabulary` holds the handbook's vocabulary (its
 * vocabulary.yaml, or the defaults; the search code in the browser reads it too), and
 * `virtual:charter/theme.css` the adopter's accent colour.
 */
import type { Plugin } from 'vite';
import type { SiteConfig } from '../lib/site-config.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';
import type { OptionalPages } from '../lib/optional-pages.ts';
import { accentCss } from '../lib/theme-css.ts';

const MODULES = ['virtual:charter/config', 'virtual:charter/pages', 'virtual:charter/vocabulary', 'virtual:charter/theme.css'] as const;

export function virtualConfigPlugin(config: SiteConfig, pages: OptionalPages, vocabulary: Vocabulary): Plugin {
  const sources: Record<(typeof MODULES)[number], string> = {
    'virtual:charter/config': `export default ${JSON.stringify(config)};`,
    'virtual:charter/pages': `export default ${JSON.stringify(pages)};`,
    'virtual:charter/vocabulary': `export default ${JSON.stringify(vocabulary)};`,
    'virtual:charter/theme.css': accentCss(config.accent),
  };
  return {
    name: 'charter:config',
    resolveId: (id) => (MODULES.includes(id as never) ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? sources[id.slice(1) as keyof typeof sources] : undefined),
  };
}
