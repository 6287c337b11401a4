/**
 * Every address the site answers, planned from the editions and their chapters. Planning is pure so
 * the link guarantees can be tested without building: each chapter of each edition has a page; old
 * paths listed in `redirectFrom` forward; a path that exists in some edition but not in another gets
 * a "not in this edition" page there instead of a 404; and every URL ever published still answers.
 */
import { chapterUrl, permalinkUrl, type EditionRef } from './edition-urls.ts';
import { foldersAbove } from './navigation.ts';
import { planRedirects } from './redirects.ts';

export interface PlannedChapter {
  slug: string;
  title: string;
  section: string;
  redirectFrom: readonly string[];
}

export interface EditionChapters {
  edition: EditionRef;
  chapters: readonly PlannedChapter[];
}

export type Route =
  /** A chapter page. `canonical` is the address search engines and search should treat as the page. */
  | { kind: 'chapter'; path: string; edition: string; slug: string; canonical: string }
  /** An old address forwarding to a chapter of the same edition. */
  | { kind: 'redirect'; path: string; edition: string; from: string; slug: string; to: string }
  /** An address that some other edition uses, answered with a page that says so. */
  | { kind: 'missing'; path: string; edition: string; slug: string }
  /** A section's or sub-folder's own page, listing all its chapters in the edition; `section` is the folder's path. */
  | { kind: 'section'; path: string; edition: string; section: string; canonical: string };

/**
 * Top-level addresses the site's own pages use. A section page lives at `/<section>/`, so a section
 * may not take one of these names (nor an edition's id).
 */
export const RESERVED_SECTION_IDS = [
  'search',
  'editions',
  'paths',
  'go',
  'changes',
  'review',
  'touchpoints',
  'draft',
  'pagefind',
  '_astro',
  'pdf',
  'charter',
  'cards',
] as const;

/** Old and new names of renamed chapters, from every edition's `redirectFrom`: new slug → old slugs. */
type Renames = ReadonlyMap<string, readonly string[]>;

function routesForPrefix(
  edition: EditionRef,
  chapters: readonly PlannedChapter[],
  allSlugs: ReadonlySet<string>,
  renames: Renames,
  urlOf: (slug: string) => string,
  canonicalOf: (slug: string) => string,
): Route[] {
  const routes: Route[] = [];
  const live = new Set(chapters.map((c) => c.slug));
  for (const chapter of chapters) {
    routes.push({ kind: 'chapter', path: urlOf(chapter.slug), edition: edition.id, slug: chapter.slug, canonical: canonicalOf(chapter.slug) });
  }
  // Every folder with chapters below it has a page; a folder with its own index file has that chapter instead.
  const folders = new Set(chapters.flatMap((c) => foldersAbove(c.slug)));
  for (const folder of [...folders].sort()) {
    if (!live.has(folder)) routes.push({ kind: 'section', path: urlOf(folder), edition: edition.id, section: folder, canonical: canonicalOf(folder) });
  }
  const redirected = new Map(redirectsOf(edition, chapters).map((r) => [r.from, r.to]));
  // A later edition renamed a chapter that this edition still has under its old name: the new
  // name leads to the old one here, so the edition switcher lands on the same chapter.
  for (const [newSlug, oldSlugs] of renames) {
    const oldHere = oldSlugs.find((old) => live.has(old));
    if (oldHere && !live.has(newSlug) && !redirected.has(newSlug)) redirected.set(newSlug, oldHere);
  }
  for (const [from, slug] of [...redirected].sort()) {
    routes.push({ kind: 'redirect', path: urlOf(from), edition: edition.id, from, slug, to: urlOf(slug) });
  }
  for (const slug of [...allSlugs].sort()) {
    if (!live.has(slug) && !redirected.has(slug)) routes.push({ kind: 'missing', path: urlOf(slug), edition: edition.id, slug });
  }
  return routes;
}

function redirectsOf(edition: EditionRef, chapters: readonly PlannedChapter[]) {
  try {
    return planRedirects(chapters);
  } catch (error) {
    throw new Error(`Edition ${edition.id}: ${(error as Error).message}`, { cause: error });
  }
}

/** Plans every chapter, redirect and "not in this edition" route of every edition. */
export function planRoutes(editions: readonly EditionChapters[]): Route[] {
  assertFreeSectionIds(editions);
  const allSlugs = new Set<string>();
  const renames = new Map<string, string[]>();
  for (const { chapters } of editions) {
    for (const c of chapters) {
      allSlugs.add(c.slug);
      for (const from of c.redirectFrom) {
        allSlugs.add(from);
        renames.set(c.slug, [...(renames.get(c.slug) ?? []), from]);
      }
    }
  }
  const routes: Route[] = [];
  for (const { edition, chapters } of editions) {
    const canonical = (slug: string) => chapterUrl(edition, slug);
    routes.push(...routesForPrefix(edition, chapters, allSlugs, renames, (slug) => permalinkUrl(edition, slug), canonical));
    if (edition.status === 'current') {
      routes.push(...routesForPrefix(edition, chapters, allSlugs, renames, (slug) => chapterUrl(edition, slug), canonical));
    }
  }
  assertUniquePaths(routes);
  return routes;
}

function assertFreeSectionIds(editions: readonly EditionChapters[]): void {
  const taken = new Set<string>([...RESERVED_SECTION_IDS, ...editions.map((e) => e.edition.id)]);
  const clashes = [...new Set(editions.flatMap((e) => e.chapters.map((c) => c.section)))].filter((id) => taken.has(id)).sort();
  if (clashes.length > 0) {
    throw new Error(
      `Section folder "${clashes[0]}" has the same name as one of the site's own addresses (/${clashes[0]}/), so its section page cannot live there. ` +
        `Rename the folder and its id in sections.yaml; these names are taken: ${[...taken].sort().join(', ')}.`,
    );
  }
}

function assertUniquePaths(routes: readonly Route[]): void {
  const seen = new Map<string, Route>();
  for (const route of routes) {
    const other = seen.get(route.path);
    if (other) {
      throw new Error(
        `Two pages would answer at ${route.path}: ${describe(other)} and ${describe(route)}. Rename one chapter or remove the clashing redirectFrom entry.`,
      );
    }
    seen.set(route.path, route);
  }
}

function describe(route: Route): string {
  if (route.kind === 'redirect') return `a redirect from "${route.from}" in edition ${route.edition}`;
  if (route.kind === 'section') return `the page of section "${route.section}" in edition ${route.edition}`;
  return `chapter "${route.slug}" of edition ${route.edition}`;
}

/**
 * The addresses a released edition publishes: its permanent links, and while it is current, the
 * short links too. These are recorded at release time and must keep answering forever.
 */
export function publishedUrls(edition: EditionRef, chapters: readonly PlannedChapter[]): string[] {
  const urls = chapters.flatMap((c) => [permalinkUrl(edition, c.slug), `/${c.slug}/`]);
  return [...new Set(urls)].sort();
}

/** Fails when a URL recorded as published is no longer answered by any route. */
export function assertPublishedUrlsAnswer(published: readonly string[], routes: readonly Route[], file = 'published-urls.txt'): void {
  const answered = new Set(routes.map((r) => r.path));
  const lost = published.filter((url) => !answered.has(url));
  if (lost.length > 0) {
    const list = lost
      .slice(0, 20)
      .map((u) => `  - ${u}`)
      .join('\n');
    const more = lost.length > 20 ? `\n  … and ${lost.length - 20} more` : '';
    throw new Error(
      `${lost.length} published URL${lost.length === 1 ? '' : 's'} would disappear (recorded in ${file}):\n${list}${more}\n` +
        'Readers and onboarding links may use these addresses. Restore the chapter file in its edition folder, ' +
        'or, if the chapter was renamed, add the old path to redirectFrom in the chapter that replaces it.',
    );
  }
}

/** Where the "not in this edition" page should point: the same path in editions that have it. */
export function editionsHaving(slug: string, editions: readonly EditionChapters[]): EditionRef[] {
  return editions.filter((e) => e.chapters.some((c) => c.slug === slug)).map((e) => e.edition);
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );

/**
 * Chapters of an edition closest to a missing one: same section first, then shared words in the
 * path and title. Used to offer alternatives instead of a dead end.
 */
export function nearestChapters<C extends PlannedChapter>(missing: { slug: string; title?: string | undefined }, chapters: readonly C[], limit = 3): C[] {
  const section = missing.slug.split('/')[0];
  // The section folder is scored on its own, so it is left out of the word match.
  const name = (slug: string) => slug.split('/').slice(1).join(' ');
  const target = words(`${name(missing.slug)} ${missing.title ?? ''}`);
  const score = (c: C) => {
    const shared = [...words(`${name(c.slug)} ${c.title}`)].filter((w) => target.has(w)).length;
    return shared * 2 + (c.section === section ? 1 : 0);
  };
  return chapters
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.c.slug.localeCompare(b.c.slug))
    .slice(0, limit)
    .map((x) => x.c);
}
