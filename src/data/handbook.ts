/**
 * Loads the handbook once per build and hands pages what they need. The pure logic lives in
 * src/lib; this module only connects it to Astro's content collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { findCurrentEdition } from '../lib/editions.ts';
import { groupBySection, readingOrder, type SectionWithChapters } from '../lib/navigation.ts';
import { parseChapterId } from '../lib/paths.ts';
import type { Edition } from '../lib/schemas.ts';

export interface Chapter {
  entry: CollectionEntry<'chapters'>;
  edition: string;
  slug: string;
  section: string;
  title: string;
  order: number;
  data: CollectionEntry<'chapters'>['data'];
}

export interface EditionView {
  edition: Edition;
  groups: SectionWithChapters<Chapter>[];
  ordered: Chapter[];
  bySlug: Map<string, Chapter>;
}

export interface Handbook {
  editions: Edition[];
  current: EditionView;
}

function toChapter(entry: CollectionEntry<'chapters'>): Chapter {
  const { edition, slug, section } = parseChapterId(entry.id);
  return { entry, edition, slug, section: section ?? '', title: entry.data.title, order: entry.data.order, data: entry.data };
}

async function load(): Promise<Handbook> {
  const [entries, sectionEntries, editionEntries] = await Promise.all([
    getCollection('chapters'),
    getCollection('sections'),
    getCollection('editions'),
  ]);
  const editions = editionEntries.map((e) => e.data);
  const current = findCurrentEdition(editions);
  const sections = sectionEntries.map((s) => s.data);
  const chapters = entries.map(toChapter).filter((c) => c.edition === current.id);
  if (chapters.length === 0) {
    throw new Error(
      `The current edition "${current.id}" has no chapters: add MDX files under editions/${current.id}/<section>/ in the content folder.`,
    );
  }
  const groups = groupBySection(chapters, sections);
  const ordered = readingOrder(groups);
  return {
    editions,
    current: { edition: current, groups, ordered, bySlug: new Map(ordered.map((c) => [c.slug, c])) },
  };
}

let cached: Promise<Handbook> | undefined;

/** The handbook, loaded once and shared by every page of the build. */
export function loadHandbook(): Promise<Handbook> {
  // The dev server reloads content on every edit, so it must not keep a stale copy.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
