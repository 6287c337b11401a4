/** URL helpers. Every link the site prints goes through `withBase`, so the site works under a sub-path. */

/** Joins the configured base path and a site path: (`/handbook/`, `/procedures/telephone/`). */
export function withBase(base: string, sitePath: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const rest = sitePath.startsWith('/') ? sitePath : `/${sitePath}`;
  return `${trimmedBase}${rest}`;
}

/** Splits a collection id (`2026.1/procedures/telephone`) into its edition, slug and section (the slug's first folder, or a section's own page). */
export function parseChapterId(id: string): { edition: string; slug: string; section: string | undefined } {
  const [edition = '', ...rest] = id.split('/');
  const slug = rest.join('/');
  return { edition, slug, section: rest.length > 0 ? rest[0] : undefined };
}
