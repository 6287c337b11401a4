/**
 * The site configuration schema. `charter.config.ts` at the repository root holds the values;
 * this file says what each one means and what is allowed.
 */
import { z } from 'astro/zod';
import { overrideProblems } from '../i18n/index.ts';

const basePath = z
  .string()
  .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, {
    error: 'must start and end with "/", for example "/" or "/handbook/"',
  });

export const siteConfigSchema = z.strictObject({
  /** The handbook's name, shown in the header and the browser tab. Example: `Service Handbook`. */
  title: z.string().min(1),
  /** The organization the handbook belongs to. Example: `Fenlow Logistics`. */
  organization: z.string().min(1),
  /** The language of the content, as a BCP 47 tag. Example: `en-US`. */
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/).default('en-US'),
  /**
   * Where the content folder can be edited online; a chapter's path below the content folder is
   * appended. Example: `https://git.example.com/handbook/edit/main/src/content/`.
   */
  editBaseUrl: z.url().refine((u) => u.endsWith('/'), { error: 'must end with "/"' }),
  /** The path the site is served under. Example: `/` or `/handbook/`. */
  base: basePath.default('/'),
  /** The site's origin, for canonical links. Example: `https://handbook.example.com`. */
  site: z.url().optional(),
  /** Internal handbooks stay out of search engines unless this is set to false. */
  noindex: z.boolean().default(true),
  /**
   * Your own wording for single interface strings, by key (the keys are in the engine's
   * src/i18n/en.ts). A string may use the placeholders of the one it replaces; a plural string
   * takes `{ one, other }`. Example: `{ 'nav.paths': 'Onboarding' }`.
   */
  strings: z
    .record(z.string(), z.union([z.string(), z.object({ zero: z.string().optional(), one: z.string(), two: z.string().optional(), few: z.string().optional(), many: z.string().optional(), other: z.string() })]))
    .superRefine((strings, ctx) => {
      for (const problem of overrideProblems(strings)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
    })
    .optional(),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Turns Zod issues into one line per problem, naming the field. */
export function formatConfigIssues(error: z.ZodError, file: string): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    return `  - ${field}: ${issue.message}`;
  });
  return `Invalid site configuration in ${file}:\n${lines.join('\n')}`;
}

/**
 * Validates the site configuration. HANDBOOK_BASE_PATH overrides `base`, so one checkout can be
 * built for a sub-path without editing the file; HANDBOOK_LANG overrides `lang` the same way.
 */
export function resolveSiteConfig(
  input: SiteConfigInput,
  env: Record<string, string | undefined> = {},
  file = 'charter.config.ts',
): SiteConfig {
  const withBase = env.HANDBOOK_BASE_PATH ? { ...input, base: env.HANDBOOK_BASE_PATH } : input;
  // HANDBOOK_LANG builds the same site in another language, for trying a translation.
  const merged = env.HANDBOOK_LANG ? { ...withBase, lang: env.HANDBOOK_LANG } : withBase;
  const result = siteConfigSchema.safeParse(merged);
  if (!result.success) throw new Error(formatConfigIssues(result.error, file));
  return result.data;
}

/** Keeps config files typed without validating twice. */
export function defineCharterConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}
