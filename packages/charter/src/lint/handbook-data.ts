/**
 * The content the rules check against: glossary, phrases to avoid, the edition manifest, the
 * reading paths and the vocabulary, validated with the site's own schemas. Loaded once per content folder and
 * reloaded when a file changes, so a long-running dev server sees an edited glossary.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST, readManifest } from '../lib/content-files.ts';
import { optionalFile, readDataListOrRefuse } from '../lib/data-files.ts';
import { findCurrentEdition } from '../lib/editions.ts';
import {
  glossaryEntry,
  phraseToAvoid,
  readingPathFor,
  section,
  type Edition,
  type GlossaryEntry,
  type PhraseToAvoid,
  type ReadingPath,
} from '../lib/schemas.ts';
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
  /** The ids of sections.yaml: the folders a chapter may sit in. */
  sections: string[];
  /** The organization's types, touchpoints and audiences (vocabulary.yaml, or the defaults). */
  vocabulary: Vocabulary;
}

const WATCHED = ['glossary.yaml', 'phrases.yaml', MANIFEST, 'paths.yaml', 'sections.yaml', VOCABULARY_FILE];
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
    // Optional: a missing file leaves its rules nothing to check; a broken one is refused, in the
    // build's words (lib/data-files.ts).
    glossary: readDataListOrRefuse(contentDir, 'glossary.yaml', glossaryEntry, optionalFile('glossary.yaml')),
    phrases: readDataListOrRefuse(contentDir, 'phrases.yaml', phraseToAvoid, optionalFile('phrases.yaml')),
    paths: readDataListOrRefuse(contentDir, 'paths.yaml', readingPathFor(vocabulary), optionalFile('paths.yaml')),
    sections: readDataListOrRefuse(contentDir, 'sections.yaml', section, { required: true, purpose: 'its list of sections' }).map((s) => s.id),
    vocabulary,
    editions,
    currentEdition: findCurrentEdition(editions, path.join(contentDir, MANIFEST)).id,
  };
}

/** The manifest entry of an edition, if the manifest lists it. */
export function findEdition(data: HandbookData, id: string): Edition | undefined {
  return data.editions.find((edition) => edition.id === id);
}
