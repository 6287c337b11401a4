/**
 * Loads the handbook once per build and hands pages what they need. The pure logic lives in
 * src/lib; this module only connects it to Astro's content collections.
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveContentDir } from '../lib/content-dir.ts';
import { compareEditions, type EditionComparison } from '../lib/diff/compare-editions.ts';
import { previousEdition, sortEditions } from '../lib/edition-urls.ts';
import { findCurrentEdition } from '../lib/editions.ts';
import { groupBySection, readingOrder, type SectionWithChapters } from '../lib/navigation.ts';
import { parseChapterId } from '../lib/paths.ts';
import { chapterFormatOf } from '../lib/chapter-files.ts';
import { assertPublishedUrlsAnswer, planRoutes, type EditionChapters, type Route } from '../lib/routes.ts';
import type { Edition } from '../lib/schemas.ts';
import { readIfExists } from '../lib/fs-transaction.ts';
import { compareStandards, standardsOfEdition, withStandardsStated, type EditionStandard, type StandardsComparison } from '../lib/standards.ts';
import { parsePublished, PUBLISHED_URLS } from '../lib/release.ts';

export interface Chapter {
  entry: CollectionEntry<'chapters'>;
  edition: string;
  slug: string;
  /** The file below the edition folder, e.g. `procedures/telephone.mdx`: its extension says how it is compiled. */
  file: string;
  section: string;
  title: string;
  order: number;
  redirectFrom: readonly string[];
  data: CollectionEntry<'chapters'>['data'];
}

export interface EditionView {
  edition: Edition;
  groups: SectionWithChapters<Chapter>[];
  ordered: Chapter[];
  bySlug: Map<string, Chapter>;
}

export interface Handbook {
  /** Draft first, then newest release first. */
  editions: Edition[];
  current: EditionView;
  views: Map<string, EditionView>;
  routes: Route[];
  /** What changed in an edition against the one before it (computed on first use). */
  changesIn(editionId: string): EditionComparison | undefined;
  /** The standards an edition's chapters declare, in reading order (empty for an unknown edition). */
  standardsOf(editionId: string): EditionStandard[];
  /** How an edition's standards differ from the edition before it; undefined for the first edition. */
  standardChangesIn(editionId: string): StandardsComparison | undefined;
}

/** `…/editions/2026.1/procedures/phone/index.md` → `procedures/phone/index.md`; Astro gives the path from the project root. */
function fileBelowEdition(filePath: string, edition: string): string | undefined {
  const posix = filePath.split(path.sep).join('/');
  const marker = `editions/${edition}/`;
  const at = posix.lastIndexOf(marker);
  return at === -1 ? undefined : posix.slice(at + marker.length);
}

function toChapter(entry: CollectionEntry<'chapters'>): Chapter {
  const { edition, slug, section } = parseChapterId(entry.id);
  const { data } = entry;
  const file = fileBelowEdition(entry.filePath ?? '', edition) ?? `${slug}.mdx`;
  return { entry, edition, slug, file, section: section ?? '', title: data.title, order: data.order, redirectFrom: data.redirectFrom, data };
}

/** The URLs recorded as published by past releases; see `npm run release`. */
function readPublishedUrls(): string[] {
  return parsePublished(readIfExists(path.join(resolveContentDir(), PUBLISHED_URLS)) ?? '');
}

function viewOf(edition: Edition, chapters: Chapter[], sections: Parameters<typeof groupBySection>[1]): EditionView {
  let groups: SectionWithChapters<Chapter>[];
  try {
    groups = groupBySection(chapters, sections);
  } catch (error) {
    throw new Error(`Edition ${edition.id}: ${(error as Error).message}`, { cause: error });
  }
  const ordered = readingOrder(groups);
  return { edition, groups, ordered, bySlug: new Map(ordered.map((c) => [c.slug, c])) };
}

async function load(): Promise<Handbook> {
  const [entries, sectionEntries, editionEntries] = await Promise.all([getCollection('chapters'), getCollection('sections'), getCollection('editions')]);
  const editions = sortEditions(editionEntries.map((e) => e.data));
  const current = findCurrentEdition(editions);
  const sections = sectionEntries.map((s) => s.data);
  const chapters = entries.map(toChapter);

  const known = new Set(editions.map((e) => e.id));
  const strays = [...new Set(chapters.map((c) => c.edition).filter((id) => !known.has(id)))];
  if (strays.length > 0) {
    throw new Error(
      `Folder editions/${strays[0]}/ is not an edition listed in editions.yaml. Add it to the manifest or move its chapters into an edition folder.`,
    );
  }

  const views = new Map<string, EditionView>();
  for (const edition of editions) {
    const own = chapters.filter((c) => c.edition === edition.id);
    if (own.length === 0) {
      throw new Error(
        `Edition "${edition.id}" is listed in editions.yaml but has no chapters: add MDX files under editions/${edition.id}/<section>/ in the content folder, or remove it from the manifest.`,
      );
    }
    views.set(edition.id, viewOf(edition, own, sections));
  }

  const planned: EditionChapters[] = editions.map((edition) => ({ edition, chapters: views.get(edition.id)!.ordered }));
  const routes = planRoutes(planned);
  assertPublishedUrlsAnswer(readPublishedUrls(), routes, PUBLISHED_URLS);

  const standards = new Map<string, EditionStandard[]>();
  const standardsOf = (editionId: string) => {
    let list = standards.get(editionId);
    if (!list) standards.set(editionId, (list = standardsOfEdition(views.get(editionId)?.ordered ?? [])));
    return list;
  };
  const comparisons = new Map<string, EditionComparison | undefined>();
  const changesIn = (editionId: string) => {
    if (!comparisons.has(editionId)) {
      const edition = editions.find((e) => e.id === editionId);
      const before = edition && previousEdition(editions, edition);
      // Standards are compared as readers see them: "the fourth ring → the third ring", not two tags.
      const source = (c: Chapter) => ({
        slug: c.slug,
        title: c.title,
        redirectFrom: c.redirectFrom,
        source: withStandardsStated(c.entry.body ?? '', standardsOf(c.edition)),
        format: chapterFormatOf(c.file),
      });
      comparisons.set(
        editionId,
        edition && before ? compareEditions(views.get(before.id)!.ordered.map(source), views.get(edition.id)!.ordered.map(source)) : undefined,
      );
    }
    return comparisons.get(editionId);
  };

  const standardChangesIn = (editionId: string) => {
    const edition = editions.find((e) => e.id === editionId);
    const before = edition && previousEdition(editions, edition);
    return before ? compareStandards(standardsOf(before.id), standardsOf(editionId)) : undefined;
  };

  return { editions, current: views.get(current.id)!, views, routes, changesIn, standardsOf, standardChangesIn };
}

let cached: Promise<Handbook> | undefined;

/** The handbook, loaded once and shared by every page of the build. */
export function loadHandbook(): Promise<Handbook> {
  // The dev server reloads content on every edit, so it must not keep a stale copy.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
