/**
 * The adopter's validated settings, for pages and components: `import config from
 * 'virtual:charter/config'`. Validation happens once, in the integration; pages receive plain data.
 */
import type { Plugin } from 'vite';
import type { SiteConfig } from '../lib/site-config.ts';

const ID = 'virtual:charter/config';
const RESOLVED = `\0${ID}`;

export function virtualConfigPlugin(config: SiteConfig): Plugin {
  return {
    name: 'charter:config',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined),
  };
}
