/** Reading paths and short links, resolved against the current edition once per build. */
import { render } from 'astro:content';
import { optionalCollection } from './optional-collections.ts';
import { chapterUrl } from '../lib/edition-urls.ts';
import { checkShortLinks, resolvePath, type PathChapter, type ResolvedPath, type ShortLink } from '../lib/reading-paths.ts';
import { loadHandbook } from './handbook.ts';

export interface Onboarding {
  paths: ResolvedPath[];
  shortLinks: ShortLink[];
}

async function load(): Promise<Onboarding> {
  const [handbook, entries] = await Promise.all([loadHandbook(), optionalCollection('paths')]);
  const current = handbook.current;
  const definitions = entries.map((e) => e.data);
  // Only chapters that a path points into by section need rendering, to learn their headings.
  const needHeadings = new Set(definitions.flatMap((p) => p.steps.filter((s) => s.chapter.includes('#')).map((s) => s.chapter.split('#')[0]!)));
  const chapters = new Map<string, PathChapter>();
  for (const chapter of current.ordered) {
    const headings = needHeadings.has(chapter.slug) ? (await render(chapter.entry)).headings : [];
    chapters.set(chapter.slug, {
      slug: chapter.slug,
      title: chapter.title,
      anchors: new Set(headings.map((h) => h.slug)),
      headings: new Map(headings.map((h) => [h.slug, h.text])),
    });
  }
  const paths = definitions.map((p) => resolvePath(p, chapters));
  const shortLinks = checkShortLinks([
    ...current.ordered.flatMap((c) =>
      c.data.shortLink ? [{ name: c.data.shortLink, to: chapterUrl(current.edition, c.slug), title: c.title, declaredBy: `chapter "${c.slug}"` }] : [],
    ),
    ...paths.flatMap(({ path }) =>
      path.shortLink ? [{ name: path.shortLink, to: `/paths/${path.id}/`, title: path.title, declaredBy: `path "${path.id}" in paths.yaml` }] : [],
    ),
  ]);
  return { paths, shortLinks };
}

let cached: Promise<Onboarding> | undefined;

export function loadOnboarding(): Promise<Onboarding> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** Static paths for the pages that exist once per reading path (/paths/<id>/ and its packet). */
export async function pathPages(): Promise<{ params: { id: string }; props: { resolved: ResolvedPath } }[]> {
  const { paths } = await loadOnboarding();
  return paths.map((resolved) => ({ params: { id: resolved.path.id }, props: { resolved } }));
}
