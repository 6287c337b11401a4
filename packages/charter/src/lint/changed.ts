/**
 * `--changed`: which chapters a pull request touched, against the merge base with a git ref, and
 * the chapters of the same edition that link to them (a renamed heading, chapter or deleted file
 * breaks links elsewhere), and, when a touched chapter declares service standards (or was
 * deleted), the chapters of its edition that state a standard or a value (a changed target makes
 * them wrong, a removed id breaks their <Standard>). A changed glossary or phrase list can make any chapter wrong, so it
 * selects every chapter; a deleted chapter of an archived edition is reported here, as there is no
 * file left to check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { placeInEditions } from './check.ts';
import { chapterSlug, isChapterFile } from '../lib/chapter-files.ts';
import { changedFiles, type ChangedFile } from './git.ts';
import { findEdition, type HandbookData } from './handbook-data.ts';
import type { LintMessage } from './types.ts';
import { VOCABULARY_FILE } from '../lib/vocabulary.ts';
import { mayDeclareStandards } from '../lib/standard-declarations.ts';
import { MAY_STATE_A_VALUE } from './text/standard-statements.ts';

/** Data files whose change affects every chapter. */
const SHARED_DATA = ['glossary.yaml', 'phrases.yaml', VOCABULARY_FILE];

export interface ChangedSelection {
  /** Chapter files to check (absolute). */
  files: string[];
  /** Chapters deleted from archived editions without a recorded correction. */
  deletions: LintMessage[];
  /**
   * The chapters read to find those that link to a changed one, by absolute path: handed on to
   * the checks between chapters (checkFiles), which would read them all again.
   */
  texts: ReadonlyMap<string, string>;
}

/**
 * The changed chapters inside `scopes` (absolute files or folders). `allFiles` are the chapters
 * of the scopes, used when shared data changed.
 */
export function selectChanged(
  root: string,
  commit: string,
  handbook: HandbookData,
  scopes: readonly string[],
  allFiles: () => string[],
  baseLabel: string,
): ChangedSelection {
  const changed = changedFiles(root, commit);
  const inScope = (file: string) => scopes.some((scope) => file === scope || file.startsWith(scope + path.sep));
  const sharedDataChanged = changed.some((c) => SHARED_DATA.some((name) => c.file === path.join(handbook.contentDir, name)));
  const touched = changed.filter((c) => isChapterFile(c.file) && inScope(c.file));
  const texts = new Map<string, string>();
  const files = sharedDataChanged
    ? allFiles()
    : [...new Set([...touched.filter((c) => !c.deleted).map((c) => c.file), ...chaptersLinkingTo(touched, handbook.contentDir, allFiles, texts)])].sort();
  const deletions = changed.filter((c) => c.deleted && inScope(c.file)).flatMap((c) => deletionMessage(c, handbook, root, baseLabel));
  return { files, deletions, texts };
}

/**
 * The chapters that link to any of the touched ones within the same edition, found by the address
 * in their text: a site path (`/procedures/telephone/`, `/procedures/telephone#…`) or a relative
 * MDX link (`../procedures/telephone.mdx`, matched by its file name). A plain text search may pick a
 * chapter that only mentions the address; that only means one more chapter checked. The texts it
 * reads are left in `texts`, by absolute path.
 */
export function chaptersLinkingTo(
  touched: readonly ChangedFile[],
  contentDir: string,
  candidates: () => readonly string[],
  texts: Map<string, string> = new Map(),
): string[] {
  const targets = new Map<string, string[]>();
  const declaring = new Set<string>();
  for (const change of touched) {
    const place = placeInEditions(contentDir, change.file);
    if (!place) continue;
    if (change.deleted || mayDeclareStandards(readOrEmpty(change.file))) declaring.add(place.edition);
    const slugs = targets.get(place.edition) ?? [];
    if (slugs.length === 0) targets.set(place.edition, slugs);
    slugs.push(chapterSlug(place.chapterFile));
  }
  // Nothing changed, nothing to look for: the chapter list is not even read.
  if (targets.size === 0) return [];
  const touchedFiles = new Set(touched.map((c) => c.file));
  // Only chapters of the editions with a changed chapter are read; a path outside their folders
  // (resolved, as placeInEditions reads it) is no such chapter.
  const folders = [...targets.keys()].map((edition) => path.join(contentDir, 'editions', edition) + path.sep);
  return candidates().filter((file) => {
    if (touchedFiles.has(file)) return false;
    const resolved = path.resolve(file);
    if (!folders.some((folder) => resolved.startsWith(folder))) return false;
    const edition = placeInEditions(contentDir, file)?.edition ?? '';
    const slugs = targets.get(edition);
    if (!slugs) return false;
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    if (declaring.has(edition) && (text.includes('<Standard') || MAY_STATE_A_VALUE.test(text))) return true;
    return slugs.some((slug) => {
      const name = path.posix.basename(slug);
      // Every form of a link to the chapter holds its name: most texts are ruled out by one search.
      if (!text.includes(name)) return false;
      return text.includes(`/${slug}/`) || text.includes(`/${slug}#`) || text.includes(`${name}.md`) || text.includes(`${name}/index.md`);
    });
  });
}

function deletionMessage(change: ChangedFile, handbook: HandbookData, root: string, baseLabel: string): LintMessage[] {
  const place = placeInEditions(handbook.contentDir, change.file);
  const edition = place && findEdition(handbook, place.edition);
  if (!place || edition?.status !== 'archived' || !isChapterFile(place.chapterFile)) return [];
  if (edition.corrections?.some((correction) => correction.file === place.chapterFile)) return [];
  const relative = path.relative(root, change.file).split(path.sep).join('/');
  return [
    {
      file: relative,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      ruleId: 'archived-frozen',
      severity: 'error',
      message: `Unexpected deletion from archived edition ${edition.id} (the file exists in ${baseLabel}), expected no change or a correction for "${place.chapterFile}" in editions.yaml`,
    },
  ];
}

/** A file's text, or nothing when it cannot be read (it is then checked, or refused, on its own). */
function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
