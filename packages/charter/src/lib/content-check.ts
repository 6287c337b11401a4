/**
 * Everything the build refuses in a content folder's chapters, file by file: the gate's problems
 * of each chapter, the problems between chapters (file names, addresses, redirects, short links),
 * files no reader would read, and links, images and glossary terms that lead nowhere. The content
 * loader calls this before Astro compiles anything, so one run lists every problem of every file;
 * the checker reports the same problems in the same words (see lint/check.ts).
 */
import path from 'node:path';
import { gateReading, type GateProblem, type GateReading } from '../gate/index.ts';
import { formatOf } from '../gate/compiler.ts';
import { readChapterSources, readPathShortLinks, strayFiles, structureProblems, currentEditionOf, type ChapterSource } from './structure.ts';
import { readDataList } from './data-files.ts';
import { chapterSlug } from './chapter-files.ts';
import { section } from './schemas.ts';
import type { Vocabulary } from './vocabulary.ts';
import { linkProblems, type LinkContext } from './link-check.ts';
import { declaredStandardsOf } from './standard-declarations.ts';
import { editionFolderProblems, lostAddressProblems, readingPathProblems } from './folder-check.ts';
import { editionIndex, snapshotIndex, type EditionIndex } from '../lint/edition-index.ts';
import { loadHandbookData, type HandbookData } from '../lint/handbook-data.ts';

export interface FileProblems {
  /** The file's absolute path. */
  file: string;
  problems: GateProblem[];
}

export interface ContentCheckOptions {
  vocabulary: Vocabulary;
  /** Chapters to check instead of those on disk (the rest of the folder is still read from disk). */
  chapters?: readonly ChapterSource[];
}

/** Every problem that stops the build, per file with problems, in file order; each file's problems by position. */
export async function buildProblems(contentDir: string, options: ContentCheckOptions): Promise<FileProblems[]> {
  const chapters = options.chapters ?? readChapterSources(contentDir);
  // The sections as sections.yaml lists them; a broken file is refused by its own loader, in its own words.
  const sections = readDataList(contentDir, 'sections.yaml', section, { required: true, purpose: 'its list of sections' });
  const handbook = handbookOrUndefined(contentDir);
  const between = structureProblems(chapters, {
    shortLinks: readPathShortLinks(contentDir),
    edition: currentEditionOf(contentDir),
    ...(sections.problems.length === 0 ? { sections: sections.entries.map((s) => s.id) } : {}),
    ...(handbook ? { editions: handbook.editions.map((e) => e.id) } : {}),
  });
  // Every chapter is gated first: links into a chapter are then checked against the heading ids
  // its own reading found, without parsing it a second time.
  const readings: GateReading[] = [];
  const anchors = new Map<string, ReadonlySet<string>>();
  for (const chapter of chapters) {
    const reading = await gateReading(chapter.source, formatOf(chapter.file), options.vocabulary);
    readings.push(reading);
    if (reading.references) anchors.set(`${chapter.edition}/${chapterSlug(chapter.file)}`, new Set(reading.references.anchors));
  }
  const indexes = new Map<string, EditionIndex>();
  const indexOf = (edition: string) => {
    let index = indexes.get(edition);
    if (!index) {
      const onDisk = snapshotIndex(editionIndex(contentDir, edition));
      index = { ...onDisk, anchorsOf: (slug: string) => anchors.get(`${edition}/${slug}`) ?? onDisk.anchorsOf(slug) };
      indexes.set(edition, index);
    }
    return index;
  };
  const results: FileProblems[] = strayFiles(contentDir).map((stray) => ({
    file: path.join(contentDir, 'editions', stray.edition, stray.file),
    problems: [stray.problem],
  }));
  chapters.forEach((chapter, i) => {
    const file = path.join(contentDir, 'editions', chapter.edition, chapter.file);
    const reading = readings[i]!;
    const context = handbook && linkContextFor(handbook, chapter.edition, chapter.file, indexOf(chapter.edition), chapter.source);
    const links = context && reading.references ? linkProblems(reading.references, context) : [];
    const problems = [...reading.problems, ...links, ...(between.get(`${chapter.edition}/${chapter.file}`) ?? [])];
    if (problems.length > 0) results.push({ file, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) });
  });
  if (handbook) results.push(...contentFolderProblems(contentDir, handbook, indexOf));
  return results.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The problems of the folder as a whole (folder-check.ts): editions without chapters or not
 * listed, reading path steps that lead nowhere, published addresses that would be lost.
 */
export function contentFolderProblems(contentDir: string, handbook: HandbookData, indexOf: (edition: string) => EditionIndex): FileProblems[] {
  return [
    ...editionFolderProblems(contentDir, handbook.editions),
    ...readingPathProblems(contentDir, handbook.paths, indexOf(handbook.currentEdition)),
    ...lostAddressProblems(contentDir, handbook.editions),
  ];
}

/** What a chapter's links are checked against: its edition's index and the handbook's editions, paths and glossary. */
export function linkContextFor(handbook: HandbookData, edition: string, chapterFile: string | undefined, index: EditionIndex, source?: string): LinkContext {
  return {
    edition,
    chapterFile,
    index,
    editions: handbook.editions.map((e) => e.id),
    paths: handbook.paths,
    glossary: handbook.glossary.map((entry) => entry.id),
    // The standards of the text as checked, which may not be saved yet; a file outside the edition declares none to it.
    ...(source !== undefined && chapterFile !== undefined ? { ownStandards: declaredStandardsOf(source, chapterFile).map((standard) => standard.id) } : {}),
  };
}

/**
 * The handbook's data for the link check; undefined when a data file is broken. That file is then
 * refused by its own loader, with its own messages, and links are checked on the next run.
 */
function handbookOrUndefined(contentDir: string): HandbookData | undefined {
  try {
    return loadHandbookData(contentDir);
  } catch {
    return undefined;
  }
}
