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
      chapters: treeOrder(chapters.filter((c) => c.section === section.id)),
    }))
    .filter((group) => group.chapters.length > 0);
}

/**
 * The folder a chapter sits in: `procedures/phone/hold` → `procedures/phone`. A folder's own page
 * (its index file, `procedures/phone`) heads that folder, so it belongs to the folder above.
 */
export function parentFolder(slug: string): string {
  return slug.includes('/') ? slug.slice(0, slug.lastIndexOf('/')) : '';
}

/** The folders from the section down to the one a page sits in: `a/b/c` → [`a`, `a/b`]. */
export function foldersAbove(slug: string): string[] {
  const parts = slug.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Chapters in reading order through their folders: in each folder, its own page first, then its
 * chapters and sub-folders by `order` and title, each sub-folder read whole before the next. A
 * sub-folder sorts by its own page's order, or by the first order inside it when it has no page.
 */
export function treeOrder<C extends NavChapter>(chapters: readonly C[]): C[] {
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  interface Folder {
    path: string;
    items: (C | Folder)[];
  }
  const folders = new Map<string, Folder>();
  const folderOf = (folderPath: string): Folder => {
    let folder = folders.get(folderPath);
    if (!folder) {
      folder = { path: folderPath, items: [] };
      folders.set(folderPath, folder);
      if (folderPath.includes('/')) folderOf(parentFolder(folderPath)).items.push(folder);
    }
    return folder;
  };
  const roots: Folder[] = [];
  // A chapter at a folder's address is that folder's own page: it heads the folder rather than sitting in the one above.
  const heads = new Set(chapters.flatMap((c) => foldersAbove(c.slug)));
  for (const chapter of chapters) {
    if (!chapter.slug.includes('/')) continue;
    if (heads.has(chapter.slug)) folderOf(chapter.slug);
    else folderOf(parentFolder(chapter.slug)).items.push(chapter);
  }
  for (const folder of folders.values()) if (!folder.path.includes('/')) roots.push(folder);
  const isFolder = (item: C | Folder): item is Folder => 'items' in item;
  const orderOf = (item: C | Folder): number => {
    if (!isFolder(item)) return item.order;
    const head = bySlug.get(item.path);
    return head ? head.order : Math.min(...item.items.map(orderOf));
  };
  const titleOf = (item: C | Folder): string => (isFolder(item) ? (bySlug.get(item.path)?.title ?? folderName(item.path)) : item.title);
  const ordered: C[] = [];
  const walk = (folder: Folder) => {
    const keyOf = (item: C | Folder) => (isFolder(item) ? item.path : item.slug);
    const items = [...folder.items].sort((a, b) => orderOf(a) - orderOf(b) || titleOf(a).localeCompare(titleOf(b), 'en') || keyOf(a).localeCompare(keyOf(b)));
    for (const item of items) {
      if (!isFolder(item)) ordered.push(item);
      else {
        const head = bySlug.get(item.path);
        if (head) ordered.push(head);
        walk(item);
      }
    }
  };
  // A section's own page (its index file) comes before everything in it.
  for (const root of roots.sort((a, b) => a.path.localeCompare(b.path))) {
    const head = bySlug.get(root.path);
    if (head) ordered.push(head);
    walk(root);
  }
  for (const chapter of chapters) if (!chapter.slug.includes('/') && !ordered.includes(chapter)) ordered.unshift(chapter);
  return ordered;
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

/** A page in the sidebar: a chapter, or a folder (its own page, or the list of what is in it) with what is in it. */
export interface SidebarItem {
  slug: string;
  title: string;
  current: boolean;
  children: SidebarItem[];
}

export interface SidebarSection {
  id: string;
  title: string;
  count: number;
  expanded: boolean;
  /** The chapters shown, in their folders: all of a small section, a window around the current page in a large one. */
  chapters: SidebarItem[];
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

/** `phone-calls` → `Phone calls`: the name of a folder that has no page of its own to take a title from. */
export function folderName(folderPath: string): string {
  const name = (folderPath.split('/').at(-1) ?? folderPath).replaceAll('-', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
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
      chapters: nestInFolders(section.id, chapters.slice(start, end), titlesOf(chapters), currentSlug),
      hiddenBefore: expanded ? start : 0,
      hiddenAfter: expanded ? chapters.length - end : 0,
    };
  });
}

/** Each chapter's title by address, worked out once per section for every page the section has. */
const titleMaps = new WeakMap<readonly NavChapter[], ReadonlyMap<string, string>>();

function titlesOf(chapters: readonly NavChapter[]): ReadonlyMap<string, string> {
  let titles = titleMaps.get(chapters);
  if (!titles) titleMaps.set(chapters, (titles = new Map(chapters.map((c) => [c.slug, c.title]))));
  return titles;
}

/** Chapters in reading order, placed in the folders they sit in below the section (the section's own page stays first). */
function nestInFolders(
  sectionId: string,
  chapters: readonly NavChapter[],
  titles: ReadonlyMap<string, string>,
  currentSlug: string | undefined,
): SidebarItem[] {
  const top: SidebarItem[] = [];
  const nodes = new Map<string, SidebarItem>();
  const nodeOf = (slug: string): SidebarItem => {
    let node = nodes.get(slug);
    if (!node) {
      node = { slug, title: titles.get(slug) ?? folderName(slug), current: slug === currentSlug, children: [] };
      nodes.set(slug, node);
      const parent = parentFolder(slug);
      (parent === sectionId || parent === '' ? top : nodeOf(parent).children).push(node);
    }
    return node;
  };
  for (const chapter of chapters) {
    if (chapter.slug === sectionId) top.push({ slug: chapter.slug, title: chapter.title, current: chapter.slug === currentSlug, children: [] });
    else nodeOf(chapter.slug);
  }
  return top;
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
