/**
 * Builds the Pagefind search index once the site is written. What gets indexed is decided in the
 * markup (`data-pagefind-body`, `data-pagefind-ignore`, `data-pagefind-filter`), not here.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { existsSync, readFileSync } from 'node:fs';
import { chapterUrl } from '../lib/edition-urls.ts';

const GLOSSARY_SLUG = 'reference/glossary';
const GLOSSARY_CHAPTER = `${GLOSSARY_SLUG}.mdx`;
import { parse } from 'yaml';
import { resolveContentDir } from '../lib/content-dir.ts';
import { readManifest } from '../lib/content-files.ts';
import { glossaryEntry, type GlossaryEntry } from '../lib/schemas.ts';

/**
 * Glossary terms are results of their own (Pagefind has no synonyms): searching "e-mail" or the
 * term itself finds its definition, with the variants to avoid in the record's text.
 */
function glossaryRecords(contentDir: string) {
  const entries = (parse(readFileSync(path.join(contentDir, 'glossary.yaml'), 'utf8')) as unknown[]).map((e) => glossaryEntry.parse(e));
  // One record per edition that has a glossary page, so a result never leads out of the edition searched.
  const editions = readManifest(contentDir).filter((e) => existsSync(path.join(contentDir, 'editions', e.id, GLOSSARY_CHAPTER)));
  return editions.flatMap((edition) =>
    entries.map((entry: GlossaryEntry) => ({
      url: `${chapterUrl(edition, GLOSSARY_SLUG)}#${entry.id}`,
      language: 'en',
      content: [
        `${entry.term}: ${entry.definition}`,
        ...entry.variants.map((v) => `Write “${entry.term}”, not “${v.text}”: ${v.reason}`),
      ].join(' '),
      meta: { title: `Glossary: ${entry.term}`, section: 'Glossary', edition: edition.id },
      filters: { edition: [edition.id], type: ['reference'], kind: ['glossary'] },
    })),
  );
}

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
          for (const record of glossaryRecords(resolveContentDir())) {
            failOn((await index.addCustomRecord(record)).errors, `add the glossary entry ${record.url}`);
          }
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
