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

const byOrderThenTitle = (a: NavChapter, b: NavChapter) =>
  a.order - b.order || a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug);

/**
 * Groups chapters by section in reading order. A chapter whose folder is not a declared section is
 * an error: it would otherwise be built but unreachable from the navigation.
 */
export function groupBySection<C extends NavChapter>(
  chapters: readonly C[],
  sections: readonly Section[],
): SectionWithChapters<C>[] {
  const known = new Map(sections.map((s) => [s.id, s]));
  const orphans = chapters.filter((c) => !known.has(c.section));
  if (orphans.length > 0) {
    const list = orphans.map((c) => `"${c.slug}"`).join(', ');
    const allowed = sections.map((s) => s.id).join(', ');
    throw new Error(
      `Chapter ${list} is not in a known section. Move it into one of the section folders (${allowed}) or add its folder to sections.yaml.`,
    );
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

export function findNeighbours<C extends NavChapter>(
  ordered: readonly C[],
  slug: string,
): { previous: C | undefined; next: C | undefined } {
  const index = ordered.findIndex((c) => c.slug === slug);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

export interface SidebarSection {
  id: string;
  title: string;
  /** Link to the section's first chapter, for collapsed sections. */
  firstSlug: string;
  count: number;
  expanded: boolean;
  chapters: { slug: string; title: string; current: boolean }[];
}

/** The sidebar for one page: every section listed, only the current one expanded. */
export function buildSidebar(groups: readonly SectionWithChapters[], currentSlug: string | undefined): SidebarSection[] {
  return groups.map(({ section, chapters }) => {
    const expanded = chapters.some((c) => c.slug === currentSlug);
    return {
      id: section.id,
      title: section.title,
      firstSlug: chapters[0]?.slug ?? '',
      count: chapters.length,
      expanded,
      chapters: expanded
        ? chapters.map((c) => ({ slug: c.slug, title: c.title, current: c.slug === currentSlug }))
        : [],
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
