/**
 * Builds the search bundles once the site is written: one Pagefind bundle per edition (see
 * src/lib/search/bundles.ts). What gets indexed is decided in the markup (`data-pagefind-body`,
 * `data-pagefind-ignore`, `data-pagefind-filter`), not here; this only sorts pages by edition.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'yaml';
import { chapterUrl } from '../lib/edition-urls.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { readManifest } from '../lib/content-files.ts';
import { glossaryEntry, type GlossaryEntry } from '../lib/schemas.ts';
import { bundleOfPage, bundlePath, pageUrlOf, SEARCH_DIR } from '../lib/search/bundles.ts';

const GLOSSARY_SLUG = 'reference/glossary';
const GLOSSARY_CHAPTER = `${GLOSSARY_SLUG}.mdx`;

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

/** Files Pagefind writes for its ready-made interfaces; the handbook has its own, on the JS API. */
const UNUSED_UI_FILES = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$/;

/** Every built HTML page, as a path relative to the output folder, search bundles excluded. */
function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_DIR}${path.sep}`))
    .sort();
}

/**
 * Adds items one after another. Pagefind numbers pages in the order they arrive, so sending them
 * in a fixed order keeps two builds of the same content byte-identical.
 */
async function addInOrder<T>(items: readonly T[], add: (item: T) => Promise<{ errors: string[] }>, step: (item: T) => string): Promise<void> {
  for (const item of items) failOn((await add(item)).errors, step(item));
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'charter:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const contentDir = resolveContentDir();
        // Which page goes in which edition's bundle is read from the page's own search markup.
        const pagesOf = new Map<string, string[]>();
        for (const file of builtPages(outDir)) {
          const edition = bundleOfPage(readFileSync(path.join(outDir, file), 'utf8'), file);
          if (!edition) continue;
          const list = pagesOf.get(edition) ?? [];
          if (list.length === 0) pagesOf.set(edition, list);
          list.push(file);
        }
        const glossary = glossaryRecords(contentDir);
        // Every edition gets a bundle, even one with nothing to index, so searching it finds nothing rather than failing.
        const editions = [...new Set([...readManifest(contentDir).map((e) => e.id), ...pagesOf.keys()])];
        // The editions' bundles are independent, so they are built side by side.
        const writeBundle = async (edition: string) => {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          failOn(errors, 'start');
          if (!index) throw new Error('Pagefind returned no index.');
          await addInOrder(
            pagesOf.get(edition) ?? [],
            (file) => index.addHTMLFile({ url: pageUrlOf(file), content: readFileSync(path.join(outDir, file), 'utf8') }),
            (file) => `read the built page ${file}`,
          );
          await addInOrder(
            glossary.filter((r) => r.meta.edition === edition),
            (record) => index.addCustomRecord(record),
            (record) => `add the glossary entry ${record.url}`,
          );
          const outputPath = path.join(outDir, ...bundlePath(edition).split('/'));
          failOn((await index.writeFiles({ outputPath })).errors, `write the search bundle of edition ${edition}`);
          await index.deleteIndex();
          for (const file of readdirSync(outputPath)) if (UNUSED_UI_FILES.test(file)) rmSync(path.join(outputPath, file));
        };
        try {
          await Promise.all(editions.map(writeBundle));
          const total = [...pagesOf.values()].reduce((sum, pages) => sum + pages.length, 0);
          logger.info(`Indexed ${total} pages for search, in ${editions.length} edition bundles.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
