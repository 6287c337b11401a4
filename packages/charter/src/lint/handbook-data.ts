/**
 * The content the rules check against: glossary, phrases to avoid, the edition manifest, the
 * reading paths and the vocabulary, validated with the site's own schemas. Loaded once per content folder and
 * reloaded when a file changes, so a long-running dev server sees an edited glossary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { MANIFEST, readManifest } from '../lib/content-files.ts';
import { hasYamlContent, noEntriesMessage, type OptionalDataFile } from '../lib/data-files.ts';
import { findCurrentEdition } from '../lib/editions.ts';
import { glossaryEntry, phraseToAvoid, readingPathFor, type Edition, type GlossaryEntry, type PhraseToAvoid, type ReadingPath } from '../lib/schemas.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';
import { VOCABULARY_FILE } from '../lib/vocabulary.ts';
import { readVocabulary } from '../lib/vocabulary-file.ts';

export interface HandbookData {
  contentDir: string;
  glossary: GlossaryEntry[];
  phrases: PhraseToAvoid[];
  editions: Edition[];
  currentEdition: string;
  paths: ReadingPath[];
  /** The organization's types, touchpoints and audiences (vocabulary.yaml, or the defaults). */
  vocabulary: Vocabulary;
}

const WATCHED = ['glossary.yaml', 'phrases.yaml', MANIFEST, 'paths.yaml', VOCABULARY_FILE];
const cache = new Map<string, { stamp: string; data: HandbookData }>();

/** The handbook data of a content folder, from the cache while no file has changed. */
export function loadHandbookData(contentDir: string): HandbookData {
  const stamp = WATCHED.map((name) => fileStamp(path.join(contentDir, name))).join('|');
  const cached = cache.get(contentDir);
  if (cached && cached.stamp === stamp) return cached.data;
  const data = readHandbookData(contentDir);
  cache.set(contentDir, { stamp, data });
  return data;
}

function fileStamp(file: string): string {
  if (!existsSync(file)) return '-';
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.size}`;
}

function readHandbookData(contentDir: string): HandbookData {
  const editions = readManifest(contentDir);
  const vocabulary = readVocabulary(contentDir);
  return {
    contentDir,
    glossary: readList(contentDir, 'glossary.yaml', (entry) => glossaryEntry.safeParse(entry)),
    phrases: readList(contentDir, 'phrases.yaml', (entry) => phraseToAvoid.safeParse(entry)),
    paths: readList(contentDir, 'paths.yaml', (entry) => readingPathFor(vocabulary).safeParse(entry)),
    vocabulary,
    editions,
    currentEdition: findCurrentEdition(editions, path.join(contentDir, MANIFEST)).id,
  };
}

type SafeParse<T> = (entry: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * A YAML list of entries validated one by one, failing with the file, entry and field. The files
 * are optional: a missing one leaves its rules nothing to check; an empty one is refused, as the
 * build refuses it (lib/data-files.ts).
 */
function readList<T>(contentDir: string, name: OptionalDataFile, validate: SafeParse<T>): T[] {
  const file = path.join(contentDir, name);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const data: unknown = hasYamlContent(text) ? parse(text) : null;
  if (data === null || data === undefined || (Array.isArray(data) && data.length === 0)) throw new Error(noEntriesMessage(file, name));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a YAML list of entries.`);
  return data.map((entry, index) => {
    const result = validate(entry);
    if (result.success) return result.data;
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(entry)'}: ${issue.message}`);
    throw new Error(`${file}: entry ${index + 1}: ${problems.join('; ')}`);
  });
}

/** The manifest entry of an edition, if the manifest lists it. */
export function findEdition(data: HandbookData, id: string): Edition | undefined {
  return data.editions.find((edition) => edition.id === id);
}
