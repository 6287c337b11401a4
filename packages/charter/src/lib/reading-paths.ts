/**
 * Reading paths and short links. Paths are checked against the current edition so a step never
 * points at a chapter or section that does not exist; short links are checked for clashes.
 */
import type { ReadingPath } from './schemas.ts';

export interface PathChapter {
  slug: string;
  title: string;
  /** Heading ids of the chapter, for `#section` steps. */
  anchors: ReadonlySet<string>;
  /** Heading text by id, to name a section step. */
  headings: ReadonlyMap<string, string>;
}

export interface ResolvedStep {
  index: number;
  slug: string;
  anchor: string | undefined;
  title: string;
  note: string | undefined;
}

export interface ResolvedPath {
  path: ReadingPath;
  steps: ResolvedStep[];
}

/** Resolves every step; fails naming the path, the step and what is missing. */
export function resolvePath(path: ReadingPath, chapters: ReadonlyMap<string, PathChapter>, file = 'paths.yaml'): ResolvedPath {
  const problems: string[] = [];
  const steps = path.steps.map((step, index) => {
    const [slug, anchor] = step.chapter.split('#') as [string, string | undefined];
    const chapter = chapters.get(slug);
    if (!chapter) {
      problems.push(`step ${index + 1} "${step.chapter}": no chapter "${slug}" in the current edition`);
      return { index, slug, anchor, title: slug, note: step.note };
    }
    if (anchor && !chapter.anchors.has(anchor)) {
      const known = [...chapter.anchors].join(', ');
      problems.push(`step ${index + 1} "${step.chapter}": "${chapter.title}" has no section "#${anchor}" (its sections: ${known})`);
    }
    const title = anchor ? `${chapter.title}: ${chapter.headings.get(anchor) ?? anchor}` : chapter.title;
    return { index, slug, anchor, title, note: step.note };
  });
  if (problems.length > 0) throw new Error(`${file}: path "${path.id}": ${problems.join('; ')}.`);
  return { path, steps };
}

/** Where a reader of a path stands on a chapter: every step of the path that is that chapter. */
export function positionsIn(resolved: ResolvedPath, slug: string): { step: ResolvedStep; next: ResolvedStep | undefined }[] {
  return resolved.steps.filter((s) => s.slug === slug).map((step) => ({ step, next: resolved.steps[step.index + 1] }));
}

export interface ShortLink {
  name: string;
  /** Site path the link leads to. */
  to: string;
  /** What the link leads to, for the forwarding page. */
  title: string;
  /** Who declared it, for error messages. */
  declaredBy: string;
}

/** Checks that no two chapters or paths claim the same short link. */
export function checkShortLinks(links: readonly ShortLink[]): ShortLink[] {
  const byName = new Map<string, ShortLink>();
  const clashes: string[] = [];
  for (const link of links) {
    const other = byName.get(link.name);
    if (other) clashes.push(`"/go/${link.name}/" is declared by both ${other.declaredBy} and ${link.declaredBy}`);
    else byName.set(link.name, link);
  }
  if (clashes.length > 0) throw new Error(`Short link clash: ${clashes.join('; ')}. Give one of them another shortLink.`);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
