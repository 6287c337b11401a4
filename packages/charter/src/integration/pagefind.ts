/**
 * Builds the search bundles once the site is written: one Pagefind bundle per edition (see
 * src/lib/search/bundles.ts). What gets indexed is decided in the markup (`data-pagefind-body`,
 * `data-pagefind-ignore`, `data-pagefind-filter`), not here; this only points Pagefind at each
 * edition's folders and checks that every chapter landed in its edition's bundle, once.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { chapterUrl } from '../lib/edition-urls.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { chapterSlug } from '../lib/chapter-files.ts';
import { listChapterFiles, listChapterPaths, readManifest } from '../lib/content-files.ts';
import { declaredStandardsOf } from '../lib/standard-declarations.ts';
import { standardAnchor } from '../lib/element-ids.ts';
import { fillTarget, formatTarget, statementOf } from '../lib/standards.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';
import { readDataList } from '../lib/data-files.ts';
import { glossaryEntry, type Edition, type GlossaryEntry } from '../lib/schemas.ts';
import { GLOSSARY_SLUG } from '../lib/glossary.ts';
import { bundleCountProblem, bundleGlob, bundlePath } from '../lib/search/bundles.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { createTranslator, type Translator } from '../i18n/index.ts';

/**
 * Glossary terms are results of their own (Pagefind has no synonyms): searching "e-mail" or the
 * term itself finds its definition, with the variants to avoid in the record's text.
 */
function glossaryRecords(contentDir: string, editions: readonly Edition[], i18n: Translator, language: string) {
  // The glossary is optional; the content loader has already refused a broken one.
  const entries = readDataList(contentDir, 'glossary.yaml', glossaryEntry, { required: false, purpose: 'a glossary' }).entries;
  // One record per edition that has a glossary page, so a result never leads out of the edition searched.
  const withGlossary = editions.filter((e) => listChapterPaths(contentDir, e.id).some((file) => chapterSlug(file) === GLOSSARY_SLUG));
  return withGlossary.flatMap((edition) =>
    entries.map((entry: GlossaryEntry) => ({
      url: `${chapterUrl(edition, GLOSSARY_SLUG)}#${entry.id}`,
      language,
      content: [
        `${entry.term}: ${entry.definition}`,
        ...entry.variants.map((v) => i18n.t('glossary.recordVariant', { term: entry.term, variant: v.text, reason: v.reason })),
      ].join(' '),
      meta: { title: i18n.t('glossary.recordTitle', { term: entry.term }), section: i18n.t('glossary.recordSection'), edition: edition.id },
      filters: { edition: [edition.id], type: ['reference'], kind: ['glossary'] },
    })),
  );
}

/**
 * Each standard is a result of its own, so that a question about it ("how fast do we answer
 * emails") is answered with the promise itself, value included, as the first hit, leading to the
 * chapter that explains it. Its text holds the sentence, what is measured, the touchpoint, the
 * standard's own phrasings and the words people ask about service times with.
 */
function standardRecords(contentDir: string, editions: readonly Edition[], i18n: Translator, language: string, vocabulary: Pick<Vocabulary, 'touchpoints'>) {
  const label = (id: string) => vocabulary.touchpoints.find((t) => t.id === id)?.label ?? id;
  return editions.flatMap((edition) =>
    listChapterFiles(contentDir, edition.id).flatMap((chapter) =>
      declaredStandardsOf(chapter.source, chapter.file).map((standard, index, all) => ({
        // Its own address (one record per address): the chapter, at the standard's statement.
        url: `${chapterUrl(edition, chapter.slug)}#${standardAnchor(standard.id)}`,
        language,
        content: [
          statementOf(standard),
          i18n.t('search.standardRecord', { touchpoint: label(standard.touchpoint), measure: standard.measure, target: formatTarget(standard.target) }),
          standard.condition ?? '',
          ...standard.phrasings.map((phrasing) => fillTarget(phrasing, standard.target)),
        ]
          .filter(Boolean)
          .join(' '),
        // The title names the promise by what it measures and its value; the sentence is the excerpt.
        meta: {
          title: i18n.t('search.standardTitle', { touchpoint: label(standard.touchpoint), measure: standard.measure, target: formatTarget(standard.target) }),
          section: i18n.t('search.standardSection', { chapter: String(chapter.frontmatter['title']) }),
          edition: edition.id,
        },
        filters: {
          edition: [edition.id],
          kind: ['standard'],
          touchpoint: [standard.touchpoint],
          // The first standard a chapter declares for a touchpoint is its headline: search prefers
          // it when a question fits several of the touchpoint's standards equally well.
          standard: [all.slice(0, index).some((earlier) => earlier.touchpoint === standard.touchpoint) ? 'other' : 'headline'],
          ...(typeof chapter.frontmatter['type'] === 'string' ? { type: [chapter.frontmatter['type']] } : {}),
        },
      })),
    ),
  );
}

function failOn(errors: string[], step: string): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n  ${errors.join('\n  ')}`);
}

/** Files Pagefind writes for its ready-made interfaces; the handbook has its own, on the JS API. */
const UNUSED_UI_FILES = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$/;

/** The number of records Pagefind wrote into a bundle, from the bundle's entry file. */
function recordsIn(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * The language Pagefind indexes in (its stemming and word splitting), from the handbook's `lang`:
 * Pagefind takes the language alone, `de` for `de-AT`.
 */
export function indexLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

export function pagefindIntegration(
  site: Pick<SiteConfig, 'lang' | 'strings'>,
  vocabulary: Pick<Vocabulary, 'touchpoints'> = { touchpoints: [] },
): AstroIntegration {
  const language = indexLanguage(site.lang);
  const i18n = createTranslator(site.lang, site.strings);
  return {
    name: 'charter:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const contentDir = resolveContentDir();
        const editions = readManifest(contentDir);
        const custom = [...glossaryRecords(contentDir, editions, i18n, language), ...standardRecords(contentDir, editions, i18n, language, vocabulary)];
        const topLevelFolders = readdirSync(outDir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name);
        // Each edition's bundle is built from its own folders of the built site, by Pagefind itself
        // (it parses them in parallel, and two builds still give the same bundle), side by side.
        const writeBundle = async (edition: Edition) => {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
          failOn(errors, 'start');
          if (!index) throw new Error('Pagefind returned no index.');
          // Only a count: the chapters' text is not needed here.
          const chapters = listChapterPaths(contentDir, edition.id).length;
          const glob = bundleGlob(edition, editions, topLevelFolders);
          // With nothing marked for indexing, Pagefind would index whole pages (home, lists), so an edition without chapters adds none.
          if (chapters > 0 && glob) failOn((await index.addDirectory({ path: outDir, glob })).errors, `read the built pages of edition ${edition.id}`);
          const records = custom.filter((r) => r.meta.edition === edition.id);
          for (const record of records) failOn((await index.addCustomRecord(record)).errors, `add the record of ${record.meta.title}`);
          const outputPath = path.join(outDir, ...bundlePath(edition.id).split('/'));
          failOn((await index.writeFiles({ outputPath })).errors, `write the search bundle of edition ${edition.id}`);
          await index.deleteIndex();
          for (const file of readdirSync(outputPath)) if (UNUSED_UI_FILES.test(file)) rmSync(path.join(outputPath, file));
          const indexed = recordsIn(outputPath) - records.length;
          const problem = bundleCountProblem(edition.id, indexed, chapters);
          if (problem) throw new Error(problem);
          return indexed;
        };
        try {
          const counts = await Promise.all(editions.map(writeBundle));
          logger.info(`Indexed ${counts.reduce((a, b) => a + b, 0)} chapters for search, in ${editions.length} edition bundles.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
