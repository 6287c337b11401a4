/**
 * Content collections. The schemas live in src/lib/schemas.ts so that the checker and the scripts
 * validate with exactly the same rules as the site.
 */
import { defineCollection } from 'astro:content';
import { file, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { resolveContentDir } from './lib/content-dir.ts';
import { ContentRefused, displayPath, formatProblem, gateProblems, refusalMessage, type GateProblem } from './gate/index.ts';
import { formatOf } from './gate/compiler.ts';
import { currentEditionOf, readChapterSources, readPathShortLinks, structureProblems } from './lib/structure.ts';
import { hasYamlContent, noEntriesMessage, type OptionalDataFile } from './lib/data-files.ts';
import { chapterFrontmatterFor, edition, glossaryEntry, phraseToAvoid, readingPathFor, searchPhrase, section } from './lib/schemas.ts';
import { readVocabulary } from './lib/vocabulary-file.ts';

const contentDir = resolveContentDir();
const at = (name: string) => path.join(contentDir, name);
/** The organization's words (vocabulary.yaml, or the defaults): what frontmatter may name. */
const vocabulary = readVocabulary(contentDir);

/**
 * Astro's file loader only logs a missing file and carries on with an empty collection; for the
 * handbook a missing or empty data file means broken pages, so it stops the build instead.
 */
function requiredDataFile(name: string, what: string): Loader {
  const filePath = at(name);
  const inner = file(filePath);
  return {
    ...inner,
    name: `charter-${name}`,
    load: async (context) => {
      if (!existsSync(filePath)) {
        throw new Error(`${filePath}: file not found. The handbook needs ${what}; create ${name} in the content folder.`);
      }
      if (!hasYamlContent(readFileSync(filePath, 'utf8'))) {
        throw new Error(`${filePath}: the file is empty. Add at least one entry: the handbook needs ${what}.`);
      }
      await inner.load(context);
      if (context.store.keys().length === 0) {
        throw new Error(`${filePath}: no entries found. Write a YAML list of entries, each with an "id".`);
      }
    },
  };
}

/**
 * A data file the handbook can do without: a missing file is an empty collection, without a
 * word (Astro's own loader would log one). A file that exists must hold entries; see lib/data-files.ts.
 */
function optionalDataFile(name: OptionalDataFile): Loader {
  const filePath = at(name);
  const inner = file(filePath);
  return {
    ...inner,
    name: `charter-${name}`,
    load: async (context) => {
      if (!existsSync(filePath)) return context.store.clear();
      if (!hasYamlContent(readFileSync(filePath, 'utf8'))) throw new Error(noEntriesMessage(filePath, name));
      await inner.load(context);
      if (context.store.keys().length === 0) throw new Error(noEntriesMessage(filePath, name));
    },
  };
}

/**
 * The gate's problems of every chapter, and the problems between chapters (file names, redirects,
 * short links), one located line each: what the checker reports, in the same words.
 */
async function gateChapterFiles(): Promise<string[]> {
  const chapters = readChapterSources(contentDir);
  const between = structureProblems(chapters, { shortLinks: readPathShortLinks(contentDir), edition: currentEditionOf(contentDir) });
  const lines: string[] = [];
  for (const chapter of chapters) {
    const file = path.join(contentDir, 'editions', chapter.edition, chapter.file);
    const problems = [...(await gateProblems(chapter.source, formatOf(file), vocabulary)), ...(between.get(`${chapter.edition}/${chapter.file}`) ?? [])];
    lines.push(
      ...linesOf(
        file,
        problems.sort((a, b) => a.line - b.line || a.column - b.column),
      ),
    );
  }
  return lines;
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
    // Every edition is a complete folder of chapters: editions/<edition>/<section>/<slug>.mdx
    pattern: '**/*.mdx',
    base: pathToFileURL(editionsDir + path.sep),
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
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
      if (file.startsWith(editionsDir + path.sep) && file.endsWith('.mdx') && existsSync(file)) {
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
  sections: defineCollection({ loader: requiredDataFile('sections.yaml', 'its list of sections'), schema: section }),
  glossary: defineCollection({ loader: optionalDataFile('glossary.yaml'), schema: glossaryEntry }),
  phrases: defineCollection({ loader: optionalDataFile('phrases.yaml'), schema: phraseToAvoid }),
  paths: defineCollection({ loader: optionalDataFile('paths.yaml'), schema: readingPathFor(vocabulary) }),
  searchPhrases: defineCollection({ loader: optionalDataFile('search-phrases.yaml'), schema: searchPhrase }),
  editions: defineCollection({ loader: requiredDataFile('editions.yaml', 'an edition manifest'), schema: edition }),
};
