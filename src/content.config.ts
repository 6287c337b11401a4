/**
 * Content collections. The schemas live in src/lib/schemas.ts so that the checker and the scripts
 * validate with exactly the same rules as the site.
 */
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { resolveContentDir } from './lib/content-dir.ts';
import { createRun } from './lint/check.ts';
import { mayHoldCode } from './lint/may-hold-code.ts';
import { chapterFrontmatter, edition, glossaryEntry, phraseToAvoid, readingPath, searchPhrase, section } from './lib/schemas.ts';

const contentDir = resolveContentDir();
const at = (name: string) => path.join(contentDir, name);

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
      if (readFileSync(filePath, 'utf8').replace(/#.*$/gm, '').trim() === '') {
        throw new Error(`${filePath}: the file is empty. Add at least one entry: the handbook needs ${what}.`);
      }
      await inner.load(context);
      if (context.store.keys().length === 0) {
        throw new Error(`${filePath}: no entries found. Write a YAML list of entries, each with an "id".`);
      }
    },
  };
}

/** A data file the handbook can do without: a missing file is an empty collection. */
function optionalDataFile(name: string): Loader {
  const filePath = at(name);
  const inner = file(filePath);
  return { ...inner, name: `charter-${name}`, load: async (context) => (existsSync(filePath) ? inner.load(context) : context.store.clear()) };
}

/** The checker's rules that keep code out of chapters; the build enforces them too. */
const GATE_RULES = ['mdx-safety'];

/**
 * Chapters, checked by the same MDX safety rule as the wording checker before anything renders
 * them: a pull request that skips the checker still cannot add scripts, imports or event handlers.
 */
function safeChapters(): Loader {
  const inner = glob({
    // Every edition is a complete folder of chapters: editions/<edition>/<section>/<slug>.mdx
    pattern: '**/*.mdx',
    base: pathToFileURL(at('editions') + path.sep),
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  });
  return {
    ...inner,
    name: 'charter-chapters',
    load: async (context) => {
      await inner.load(context);
      const run = createRun({ contentDir, root: process.cwd(), rules: GATE_RULES });
      const problems: string[] = [];
      for (const entry of context.store.values()) {
        if (!entry.filePath) continue;
        const file = path.resolve(process.cwd(), entry.filePath);
        const source = readFileSync(file, 'utf8');
        // Plain Markdown cannot run code; only chapters that might are parsed (see may-hold-code.ts).
        if (!mayHoldCode(source)) continue;
        const { messages } = await run.check(file, source, GATE_RULES);
        for (const m of messages) if (m.severity === 'error') problems.push(`${m.file}:${m.line}:${m.column}: ${m.message}`);
      }
      if (problems.length > 0) {
        throw new Error(`Chapters may not run code. The build refuses:\n  ${problems.join('\n  ')}\nUse the handbook's components and Markdown only; see the Writing chapters page.`);
      }
    },
  };
}

const chapters = defineCollection({ loader: safeChapters(), schema: chapterFrontmatter });

export const collections = {
  chapters,
  sections: defineCollection({ loader: requiredDataFile('sections.yaml', 'its list of sections'), schema: section }),
  glossary: defineCollection({ loader: requiredDataFile('glossary.yaml', 'a glossary of preferred terms'), schema: glossaryEntry }),
  phrases: defineCollection({ loader: requiredDataFile('phrases.yaml', 'the list of phrases to avoid'), schema: phraseToAvoid }),
  paths: defineCollection({ loader: optionalDataFile('paths.yaml'), schema: readingPath }),
  searchPhrases: defineCollection({ loader: optionalDataFile('search-phrases.yaml'), schema: searchPhrase }),
  editions: defineCollection({ loader: requiredDataFile('editions.yaml', 'an edition manifest'), schema: edition }),
};
