/** Redirects from old chapter paths (`redirectFrom`) to where the chapter lives now. */

export interface RedirectSource {
  slug: string;
  redirectFrom: readonly string[];
}

export interface Redirect {
  from: string;
  to: string;
}

/**
 * Lists every redirect, refusing ones that would hide a live chapter or point one old path at two
 * chapters: either would silently send readers to the wrong page.
 */
export function planRedirects(chapters: readonly RedirectSource[]): Redirect[] {
  const live = new Set(chapters.map((c) => c.slug));
  const claimed = new Map<string, string>();
  const problems: string[] = [];
  for (const chapter of chapters) {
    for (const from of chapter.redirectFrom) {
      if (live.has(from)) {
        problems.push(`"${chapter.slug}" lists redirectFrom "${from}", but a chapter still lives at that path. Remove the entry or move that chapter.`);
        continue;
      }
      const other = claimed.get(from);
      if (other && other !== chapter.slug) {
        problems.push(`"${from}" is listed in redirectFrom of both "${other}" and "${chapter.slug}". An old path can lead to one chapter only.`);
        continue;
      }
      claimed.set(from, chapter.slug);
    }
  }
  if (problems.length > 0) throw new Error(`Redirect problems:\n  - ${problems.join('\n  - ')}`);
  return [...claimed].map(([from, to]) => ({ from, to })).sort((a, b) => a.from.localeCompare(b.from));
}
