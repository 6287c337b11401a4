/**
 * Content collections. The schemas live in src/lib/schemas.ts so that the checker and the scripts
 * validate with exactly the same rules as the site.
 */
import { defineCollection } from 'astro:content';
import { file, glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { resolveContentDir } from './lib/content-dir.ts';
import { ContentRefused, displayPath, formatProblem, gateProblems, refusalMessage, type GateProblem } from './gate/index.ts';
import { formatOf } from './gate/compiler.ts';
import { chapterSlug, isChapterFile } from './lib/chapter-files.ts';
import { buildProblems } from './lib/content-check.ts';
import { dataFileRefusal, optionalFile, readDataList, type DataFileOptions } from './lib/data-files.ts';
import { chapterFrontmatterFor, edition, glossaryEntry, phraseToAvoid, readingPathFor, searchPhrase, section } from './lib/schemas.ts';
import { readVocabulary } from './lib/vocabulary-file.ts';

const contentDir = resolveContentDir();
const at = (name: string) => path.join(contentDir, name);
/** The organization's words (vocabulary.yaml, or the defaults): what frontmatter may name. */
const vocabulary = readVocabulary(contentDir);

/**
 * A data file, read and validated by the one reader the checker uses too (lib/data-files.ts)
 * before Astro's file loader sees it: every problem comes located, in the checker's words. Astro's
 * loader only logs a missing file and carries on with an empty collection; a required file that is
 * missing stops the build instead, and a missing optional one is an empty collection, without the
 * warning Astro would print.
 */
function dataFile<S extends z.ZodType>(name: string, schema: S, options: DataFileOptions): Loader {
  const inner = file(at(name));
  return {
    ...inner,
    name: `charter-${name}`,
    load: async (context) => {
      const data = readDataList(contentDir, name, schema, options);
      if (data.problems.length > 0) throw new ContentRefused(dataFileRefusal(displayPath(process.cwd(), data.file), data.problems));
      if (!data.exists) return context.store.clear();
      await inner.load(context);
    },
  };
}

/** `2026.1/procedures/phone/index.md` → `2026.1/procedures/phone`: the edition, then the chapter's address. */
function chapterId(entry: string): string {
  const [edition = '', ...rest] = entry.split('/');
  return `${edition}/${chapterSlug(rest.join('/'))}`;
}

/**
 * Every problem that stops the build, of every file, one located line each: what the checker
 * reports, in the same words (lib/content-check.ts).
 */
async function gateChapterFiles(): Promise<string[]> {
  return (await buildProblems(contentDir, { vocabulary })).flatMap(({ file, problems }) => linesOf(file, problems));
}

/** A file's problems as the build prints them, one `file:line:column: message (rule)` each. */
function linesOf(file: string, problems: readonly GateProblem[]): string[] {
  const display = displayPath(process.cwd(), file);
  return problems.map((problem) => formatProblem(display, problem));
}

/**
 * Chapters, each passed through the safety gate before Astro reads it: every problem of every
 * file is listed in one run, and Astro's own frontmatter parser never sees a chapter the gate
 * refused (aliases in YAML can expand without bound). While the dev server runs, an edited
 * chapter is gated again before the loader reloads it; a refused edit keeps the last good copy in
 * the store, and the page shows the refusal (the Vite plugin refuses the module itself).
 */
function safeChapters(): Loader {
  const editionsDir = at('editions');
  const inner = glob({
    // Every edition is a complete folder of chapters: editions/<edition>/<section>/…/<slug>.md(x)
    pattern: '**/*.{md,mdx}',
    base: pathToFileURL(editionsDir + path.sep),
    generateId: ({ entry }) => chapterId(entry),
  });
  return {
    ...inner,
    name: 'charter-chapters',
    load: async (context) => {
      const problems = await gateChapterFiles();
      if (problems.length > 0) throw new ContentRefused(refusalMessage(problems));
      const watcher = context.watcher && gatedWatcher(context.watcher, editionsDir, (lines) => context.logger.error(refusalMessage(lines)));
      await inner.load(watcher ? { ...context, watcher } : context);
    },
  };
}

type Watcher = NonNullable<LoaderContext['watcher']>;

/** The dev server's file watcher, with chapter changes gated before the loader hears of them. */
function gatedWatcher(watcher: Watcher, editionsDir: string, refused: (lines: string[]) => void): Watcher {
  const on = (event: string, listener: (file: string, ...rest: unknown[]) => unknown) => {
    if (event !== 'change' && event !== 'add') return watcher.on(event as 'change', listener as never);
    return watcher.on(event, async (file: string, ...rest: unknown[]) => {
      if (file.startsWith(editionsDir + path.sep) && isChapterFile(file) && existsSync(file)) {
        const lines = linesOf(file, await gateProblems(readFileSync(file, 'utf8'), formatOf(file), vocabulary));
        if (lines.length > 0) return refused(lines);
      }
      return listener(file, ...rest);
    });
  };
  return new Proxy(watcher, {
    get: (target, key, receiver) => (key === 'on' ? on : Reflect.get(target, key, receiver)),
  });
}

const chapters = defineCollection({ loader: safeChapters(), schema: chapterFrontmatterFor(vocabulary) });

export const collections = {
  chapters,
  sections: defineCollection({ loader: dataFile('sections.yaml', section, { required: true, purpose: 'its list of sections' }), schema: section }),
  glossary: defineCollection({ loader: dataFile('glossary.yaml', glossaryEntry, optionalFile('glossary.yaml')), schema: glossaryEntry }),
  phrases: defineCollection({ loader: dataFile('phrases.yaml', phraseToAvoid, optionalFile('phrases.yaml')), schema: phraseToAvoid }),
  paths: defineCollection({ loader: dataFile('paths.yaml', readingPathFor(vocabulary), optionalFile('paths.yaml')), schema: readingPathFor(vocabulary) }),
  searchPhrases: defineCollection({ loader: dataFile('search-phrases.yaml', searchPhrase, optionalFile('search-phrases.yaml')), schema: searchPhrase }),
  editions: defineCollection({ loader: dataFile('editions.yaml', edition, { required: true, purpose: 'an edition manifest' }), schema: edition }),
};
