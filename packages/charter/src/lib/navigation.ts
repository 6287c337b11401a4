/**
 * Navigation for one edition: sections in order, chapters inside them, and what a given page shows.
 * The sidebar is built per page from the current section only, so its size does not grow with the
 * number of chapters in other sections (a 3,000-chapter handbook must not repeat 3,000 links per page).
 */
import type { Section } from './schemas.ts';

/** The part of a chapter navigation needs. */
export interface NavChapter {
  slug: string;
  section: string;
  title: string;
  order: number;
}

export interface SectionWithChapters<C extends NavChapter = NavChapter> {
  section: Section;
  chapters: C[];
}

const byOrderThenTitle = (a: NavChapter, b: NavChapter) => a.order - b.order || a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug);

/**
 * Groups chapters by section in reading order. A chapter whose folder is not a declared section is
 * an error: it would otherwise be built but unreachable from the navigation.
 */
export function groupBySection<C extends NavChapter>(chapters: readonly C[], sections: readonly Section[]): SectionWithChapters<C>[] {
  const known = new Map(sections.map((s) => [s.id, s]));
  const orphans = chapters.filter((c) => !known.has(c.section));
  if (orphans.length > 0) {
    const list = orphans.map((c) => `"${c.slug}"`).join(', ');
    const allowed = sections.map((s) => s.id).join(', ');
    throw new Error(`Chapter ${list} is not in a known section. Move it into one of the section folders (${allowed}) or add its folder to sections.yaml.`);
  }
  return [...sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      section,
      chapters: chapters.filter((c) => c.section === section.id).sort(byOrderThenTitle),
    }))
    .filter((group) => group.chapters.length > 0);
}

/** Every chapter in reading order, for previous/next links. */
export function readingOrder<C extends NavChapter>(groups: readonly SectionWithChapters<C>[]): C[] {
  return groups.flatMap((g) => g.chapters);
}

export function findNeighbours<C extends NavChapter>(ordered: readonly C[], slug: string): { previous: C | undefined; next: C | undefined } {
  const index = ordered.findIndex((c) => c.slug === slug);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

export interface SidebarSection {
  id: string;
  title: string;
  count: number;
  expanded: boolean;
  /** The chapters shown: all of a small section, a window around the current page in a large one. */
  chapters: { slug: string; title: string; current: boolean }[];
  /** Chapters of the expanded section left out before and after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/**
 * How many chapters the expanded section shows at most. A section of a few dozen chapters is listed
 * whole; a larger one shows the chapters around the current page and links to the section's own
 * page for the rest, so a page's size does not grow with its section.
 */
export const SIDEBAR_WINDOW = 25;

/** The `size` positions around `index` in a list of `length`, kept inside the list. */
export function windowAround(index: number, length: number, size: number): { start: number; end: number } {
  if (length <= size) return { start: 0, end: length };
  const start = Math.min(Math.max(0, index - Math.floor(size / 2)), length - size);
  return { start, end: start + size };
}

/** The sidebar for one page: every section listed, only the current one expanded. */
export function buildSidebar(groups: readonly SectionWithChapters[], currentSlug: string | undefined, windowSize = SIDEBAR_WINDOW): SidebarSection[] {
  return groups.map(({ section, chapters }) => {
    const currentIndex = chapters.findIndex((c) => c.slug === currentSlug);
    const expanded = currentIndex >= 0;
    const { start, end } = expanded ? windowAround(currentIndex, chapters.length, windowSize) : { start: 0, end: 0 };
    return {
      id: section.id,
      title: section.title,
      count: chapters.length,
      expanded,
      chapters: chapters.slice(start, end).map((c) => ({ slug: c.slug, title: c.title, current: c.slug === currentSlug })),
      hiddenBefore: expanded ? start : 0,
      hiddenAfter: expanded ? chapters.length - end : 0,
    };
  });
}

export interface TocEntry {
  depth: 2 | 3;
  slug: string;
  text: string;
  children: TocEntry[];
}

/** The on-page table of contents: h2 entries with their h3 children; other levels are left out. */
export function buildToc(headings: readonly { depth: number; slug: string; text: string }[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2) toc.push({ depth: 2, slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3) {
      const parent = toc.at(-1);
      const entry: TocEntry = { depth: 3, slug: h.slug, text: h.text, children: [] };
      // An h3 before any h2 still belongs in the contents; it stands at the top level.
      if (parent) parent.children.push(entry);
      else toc.push(entry);
    }
  }
  return toc;
}
