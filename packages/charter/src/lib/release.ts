/**
 * Releasing the draft: it becomes the new current edition, the previous current edition is
 * archived, and the draft carries on as the start of the next edition. The plan is computed first
 * and checked in full; only a plan with no problems is written, all-or-nothing.
 */
import path from 'node:path';
import { parseDocument } from 'yaml';
import { chapterFrontmatterFor, type Edition } from './schemas.ts';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.ts';
import { readVocabulary, VocabularyRefused } from './vocabulary-file.ts';
import { listChapterFiles, MANIFEST, readManifest, type ChapterFile } from './content-files.ts';
import { assertPublishedUrlsAnswer, planRoutes, publishedUrls, type EditionChapters } from './routes.ts';
import { readIfExists } from './fs-transaction.ts';
import { compareStandards, describeStandardChanges, standardsOfEdition, type StandardsChapter } from './standards.ts';
import { labelOf } from './vocabulary.ts';

export const PUBLISHED_URLS = 'published-urls.txt';

export interface ReleasePlan {
  id: string;
  previousCurrent: string;
  /** Files to write: absolute path → new content. */
  writes: Map<string, string>;
  chapterCount: number;
  newUrls: string[];
  summary: string[];
}

export class ReleaseError extends Error {}

const ID_PATTERN = /^(\d{4})\.(\d+)$/;

function compareIds(a: string, b: string): number {
  const [, ya, na] = ID_PATTERN.exec(a)!;
  const [, yb, nb] = ID_PATTERN.exec(b)!;
  return Number(ya) - Number(yb) || Number(na) - Number(nb);
}

/** Schema problems in the draft, one line each, with the file and field. */
export function draftSchemaProblems(files: readonly ChapterFile[], vocabulary: Vocabulary = DEFAULT_VOCABULARY): string[] {
  const schema = chapterFrontmatterFor(vocabulary);
  return files.flatMap((f) => {
    const result = schema.safeParse(f.frontmatter);
    return result.success ? [] : result.error.issues.map((i) => `editions/draft/${f.file}: ${i.path.join('.') || 'frontmatter'}: ${i.message}`);
  });
}

/** Chapter files as the route plan needs them: address, title, section and old addresses. */
export function toPlanned(files: readonly ChapterFile[]) {
  return files.map((f) => ({
    slug: f.slug,
    title: String(f.frontmatter.title ?? f.slug),
    section: f.slug.split('/')[0] ?? '',
    redirectFrom: Array.isArray(f.frontmatter.redirectFrom) ? f.frontmatter.redirectFrom.map(String) : [],
  }));
}

/** The content folder's vocabulary; a bad vocabulary.yaml stops the release with its problems. */
function vocabularyOf(contentDir: string): Vocabulary {
  try {
    return readVocabulary(contentDir);
  } catch (error) {
    if (error instanceof VocabularyRefused) throw new ReleaseError(error.message);
    throw error;
  }
}

/** Works out everything a release would change, or fails with every reason it cannot go ahead. */
export function planRelease(contentDir: string, id: string, releaseDate: Date): ReleasePlan {
  if (!ID_PATTERN.test(id)) {
    throw new ReleaseError(`"${id}" is not a valid edition id. Use the year, a dot and a number, for example 2027.1.`);
  }
  const manifest = readManifest(contentDir);
  if (manifest.some((e) => e.id === id)) {
    throw new ReleaseError(`Edition ${id} already exists in ${MANIFEST}. Choose the next id, for example ${nextId(manifest)}.`);
  }
  const current = manifest.find((e) => e.status === 'current');
  const draft = manifest.find((e) => e.status === 'draft');
  if (!current) throw new ReleaseError(`${MANIFEST} has no current edition to archive.`);
  if (!draft) throw new ReleaseError(`${MANIFEST} has no draft edition to release.`);
  if (compareIds(id, current.id) <= 0) {
    throw new ReleaseError(`Edition ${id} would come before the current edition ${current.id}. Use a later id, for example ${nextId(manifest)}.`);
  }
  const draftFiles = listChapterFiles(contentDir, draft.id);
  if (draftFiles.length === 0) throw new ReleaseError(`The draft folder editions/${draft.id}/ has no chapters to release.`);
  const vocabulary = vocabularyOf(contentDir);
  const problems = draftSchemaProblems(draftFiles, vocabulary);
  if (problems.length > 0) {
    throw new ReleaseError(`The draft has ${problems.length} frontmatter problem(s); fix them first:\n  ${problems.join('\n  ')}`);
  }

  const standardChanges = standardChangesOf(listChapterFiles(contentDir, current.id), draftFiles, vocabulary);
  const released: Edition = { id, title: `Edition ${id}`, status: 'current', released: releaseDate, notes: notesWithStandards(draft.notes, standardChanges) };
  const newManifest = manifest.map((e) => (e.id === current.id ? { ...e, status: 'archived' as const } : e));
  newManifest.push(released);
  const editions: EditionChapters[] = newManifest.map((e) => ({
    edition: e,
    chapters: toPlanned(e.id === id ? draftFiles : listChapterFiles(contentDir, e.id)),
  }));

  const publishedFile = path.join(contentDir, PUBLISHED_URLS);
  const published = parsePublished(readIfExists(publishedFile) ?? '');
  const newUrls = publishedUrls(released, toPlanned(draftFiles)).filter((u) => !published.includes(u));
  const allPublished = [...new Set([...published, ...newUrls])].sort();
  assertPublishedUrlsAnswer(allPublished, planRoutes(editions), PUBLISHED_URLS);

  const writes = new Map<string, string>();
  for (const f of draftFiles) writes.set(path.join(contentDir, 'editions', id, f.file), f.source);
  writes.set(path.join(contentDir, MANIFEST), updateManifestText(readIfExists(path.join(contentDir, MANIFEST))!, current.id, released));
  writes.set(publishedFile, formatPublished(allPublished));

  return {
    id,
    previousCurrent: current.id,
    writes,
    chapterCount: draftFiles.length,
    newUrls,
    summary: [
      `Copied ${draftFiles.length} chapters from editions/${draft.id}/ to editions/${id}/.`,
      `Edition ${id} is now current (released ${releaseDate.toISOString().slice(0, 10)}); ${current.id} is archived.`,
      `Recorded ${newUrls.length} newly published URLs in ${PUBLISHED_URLS}; every earlier one still answers.`,
      `The draft stays in editions/${draft.id}/ as the start of the next edition; its release notes were cleared.`,
      ...(standardChanges.length > 0 ? [`Service standards changed since ${current.id}, named in the release notes: ${standardChanges.join('; ')}.`] : []),
    ],
  };
}

/**
 * The service standards that change with the release, one line each (lib/standards.ts), from the
 * chapters of the current edition and of the draft. A chapter the schema refuses has stopped the
 * release already; one of the current edition that no longer passes is left out of the comparison.
 */
export function standardChangesOf(
  currentFiles: readonly ChapterFile[],
  draftFiles: readonly ChapterFile[],
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): string[] {
  const schema = chapterFrontmatterFor(vocabulary);
  const chapters = (files: readonly ChapterFile[]): StandardsChapter[] =>
    files.flatMap((f) => {
      const result = schema.safeParse(f.frontmatter);
      return result.success ? [{ slug: f.slug, title: result.data.title, data: result.data }] : [];
    });
  const comparison = compareStandards(standardsOfEdition(chapters(currentFiles)), standardsOfEdition(chapters(draftFiles)));
  return describeStandardChanges(comparison, (touchpoint) => labelOf(vocabulary, 'touchpoints', touchpoint));
}

/** The draft's notes, followed by the standards that change: a change of standard is news. */
export function notesWithStandards(notes: string, changes: readonly string[]): string {
  if (changes.length === 0) return notes;
  const sentence = `Service standards: ${changes.join('; ')}.`;
  return notes.trim() ? `${notes.trim()} ${sentence}` : sentence;
}

/** Suggests the id after the newest released one (2026.1 → 2026.2). */
export function nextId(manifest: readonly Edition[]): string {
  const ids = manifest
    .map((e) => e.id)
    .filter((x) => ID_PATTERN.test(x))
    .sort(compareIds);
  const last = ids.at(-1);
  if (!last) return `${new Date().getUTCFullYear()}.1`;
  const [, year, n] = ID_PATTERN.exec(last)!;
  return `${year}.${Number(n) + 1}`;
}

/** Edits the manifest text in place so comments and layout survive. */
function updateManifestText(text: string, previousCurrent: string, released: Edition): string {
  const doc = parseDocument(text);
  const items = doc.contents as unknown as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
  for (const item of items.items) {
    if (item.get('id') === previousCurrent) item.set('status', 'archived');
    if (item.get('status') === 'draft') item.set('notes', '');
  }
  const entry = doc.createNode({
    id: released.id,
    title: released.title,
    status: 'current',
    released: released.released!.toISOString().slice(0, 10),
    notes: released.notes,
  });
  // Newest releases sit right after the draft, so the file reads newest first.
  const draftIndex = items.items.findIndex((i) => i.get('status') === 'draft');
  (items.items as unknown[]).splice(draftIndex + 1, 0, entry);
  return doc.toString();
}

export function parsePublished(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export function formatPublished(urls: readonly string[]): string {
  return [
    '# Every URL a released edition has published. `npm run release` adds to this list; the build',
    '# fails if any of them stops answering. Never remove a line: add a redirect instead.',
    ...urls,
    '',
  ].join('\n');
}
