/**
 * The adopter's validated settings, for pages and components: `import config from
 * 'virtual:charter/config'`. Validation happens once, in the integration; pages receive plain data.
 */
import type { Plugin } from 'vite';
import type { SiteConfig } from '../lib/site-config.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';

const ID = 'virtual:charter/config';
const RESOLVED = `\0${ID}`;

export function virtualConfigPlugin(config: SiteConfig): Plugin {
  return {
    name: 'charter:config',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined),
  };
}

const VOCABULARY_ID = 'virtual:charter/vocabulary';
const VOCABULARY_RESOLVED = `\0${VOCABULARY_ID}`;

/**
 * The handbook's vocabulary (its vocabulary.yaml, or the defaults), for pages, components and the
 * search code in the browser: `import vocabulary from 'virtual:charter/vocabulary'`. The
 * integration read and validated it once; pages receive plain data.
 */
export function virtualVocabularyPlugin(vocabulary: Vocabulary): Plugin {
  return {
    name: 'charter:vocabulary',
    resolveId: (id) => (id === VOCABULARY_ID ? VOCABULARY_RESOLVED : undefined),
    load: (id) => (id === VOCABULARY_RESOLVED ? `export default ${JSON.stringify(vocabulary)};` : undefined),
  };
}
