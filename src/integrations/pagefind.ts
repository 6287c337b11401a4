/**
 * Builds the Pagefind search index once the site is written. What gets indexed is decided in the
 * markup (`data-pagefind-body`, `data-pagefind-ignore`, `data-pagefind-filter`), not here.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

function failOn(errors: string[], step: string): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n  ${errors.join('\n  ')}`);
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'charter:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        try {
          failOn(errors, 'start');
          if (!index) throw new Error('Pagefind returned no index.');
          const added = await index.addDirectory({ path: outDir });
          failOn(added.errors, 'read the built pages');
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          failOn(written.errors, 'write the index');
          logger.info(`Indexed ${added.page_count} pages for search.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
