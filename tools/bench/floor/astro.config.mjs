// @ts-check
/**
 * The bench's floor: the same corpus built with no handbook features at all. Astro, MDX and a
 * Pagefind index, each chapter in a bare page. Charter's cost is measured against this.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The same indexing step as Charter's, so both builds include their search index. */
const indexForSearch = {
  name: 'floor:pagefind',
  hooks: {
    /** @param {{ dir: URL }} options */
    'astro:build:done': async ({ dir }) => {
      const outDir = fileURLToPath(dir);
      const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error('Pagefind returned no index.');
      try {
        await index.addDirectory({ path: outDir });
        await index.writeFiles({ outputPath: `${outDir}/pagefind` });
      } finally {
        await pagefind.close();
      }
    },
  },
};

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), indexForSearch],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  cacheDir: './.astro-cache',
});
