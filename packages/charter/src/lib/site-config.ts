/**
 * The site configuration schema. `charter.config.ts` at the repository root holds the values;
 * this file says what each one means and what is allowed.
 */
import { z } from 'astro/zod';
import { checkerConfigSchema } from '../lint/rule-settings.ts';
import { overrideProblems } from '../i18n/index.ts';
import { accentContrastProblem, isHexColour, type ThemeName } from './contrast.ts';
import { logoProblem } from './logo.ts';
import { PDF_SETTINGS } from './pdf/plan.ts';

const basePath = z.string().regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, {
  error: 'must start and end with "/", for example "/" or "/handbook/"',
});

export const siteConfigSchema = z.strictObject({
  /** The handbook's name, shown in the header and the browser tab. Example: `Service Handbook`. */
  title: z.string().min(1),
  /** The organization the handbook belongs to. Example: `Fenlow Logistics`. */
  organization: z.string().min(1),
  /**
   * The organization's logo, shown in the header instead of the built-in icon, with the
   * organization's name as its text alternative: a path to an image in the project's `public/`
   * folder. Example: `/logo.svg`.
   */
  logo: z
    .string()
    .regex(/^\/?(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+\.(?:svg|png|jpe?g|gif|webp|avif)$/i, {
      error: 'must be the path of an image in public/ (.svg, .png, .jpg, .gif, .webp or .avif), for example "/logo.svg"',
    })
    .refine((p) => !p.split('/').includes('..'), { error: 'must stay inside public/ (no "..")' })
    .optional(),
  /**
   * The accent colour (buttons, the current page in the sidebar, marks), as a CSS hex colour. One
   * colour for both themes, or one per theme: `{ light: '#1f5fae', dark: '#7fb0f0' }`. The build
   * refuses a colour that would not reach WCAG AA contrast (4.5:1) in its theme.
   */
  accent: z
    .union([hexColour(), z.strictObject({ light: hexColour(), dark: hexColour() })])
    .superRefine(checkAccentContrast)
    .optional(),
  /**
   * The home page's copy: the intro paragraph, the page description for search engines, and
   * buttons after "Start reading". Left out, the engine says something neutral built from the
   * title and organization.
   */
  home: z
    .strictObject({
      intro: z.string().min(1).optional(),
      description: z.string().min(1).optional(),
      actions: z
        .array(
          z.strictObject({
            label: z.string().min(1),
            href: z.string().regex(/^(?:\/(?!\/)|https:\/\/)/, { error: 'must be a site path starting with "/" (the base is added) or an https:// address' }),
          }),
        )
        .default([]),
    })
    .optional(),
  /**
   * The checker's rule levels, for the whole handbook or for some folders: `rules` maps a rule id
   * to "off", "warning" or "error"; each of `overrides` does the same for the files its globs
   * match (relative to the content folder). Example: `{ overrides: [{ files: 'editions/*\/benefits/**',
   * rules: { 'heading-style': 'off' } }] }`. The rules the build refuses under cannot be changed.
   * `readability` sets the readability rule's Flesch reading ease thresholds: `{ minimum: 50,
   * audiences: { frontline: 60 } }`.
   */
  checker: checkerConfigSchema.optional(),
  /** The language of the content, as a BCP 47 tag. Example: `en-US`. */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/)
    .default('en-US'),
  /**
   * Where the content folder can be edited online; a chapter's path below the content folder is
   * appended. Example: `https://git.example.com/handbook/edit/main/src/content/`. Left out, chapters
   * have no "Edit this page" link.
   */
  editBaseUrl: z
    .url()
    .refine((u) => u.endsWith('/'), { error: 'must end with "/"' })
    .optional(),
  /** The path the site is served under. Example: `/` or `/handbook/`. */
  base: basePath.default('/'),
  /** The site's origin, for canonical links. Example: `https://handbook.example.com`. */
  site: z.url().optional(),
  /** Internal handbooks stay out of search engines unless this is set to false. */
  noindex: z.boolean().default(true),
  /**
   * Offline reading: a service worker keeps the current edition's pages, files and search index in
   * each reader's browser, so the handbook opens at a counter without a network, says when a page
   * is a saved copy, and offers a newly published version. Set to false to leave it out (the build
   * then writes a worker that removes the copies browsers already keep).
   */
  offline: z.boolean().default(true),
  /**
   * Which editions the build also prints as PDFs (`/pdf/<edition>/handbook.pdf` and one per
   * section), linked from the editions page: `off` (the default), `current`, `released` (current and
   * archived) or `all` (the draft too). The build then needs Chromium, as `charter pdf` does; the
   * environment variable HANDBOOK_PDF overrides the setting for one build.
   */
  pdf: z.enum(PDF_SETTINGS).default('off'),
  /**
   * Your own wording for single interface strings, by key (the keys are in the engine's
   * src/i18n/en.ts). A string may use the placeholders of the one it replaces; a plural string
   * takes `{ one, other }`. Example: `{ 'nav.paths': 'Onboarding' }`.
   */
  strings: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.object({
          zero: z.string().optional(),
          one: z.string(),
          two: z.string().optional(),
          few: z.string().optional(),
          many: z.string().optional(),
          other: z.string(),
        }),
      ]),
    )
    .superRefine((strings, ctx) => {
      for (const problem of overrideProblems(strings)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
    })
    .optional(),
  /**
   * Where the handbook records what readers do, on the same origin as the site (behind the sign-in
   * proxy; `charter ack-server` serves it): confirmations of material changes (`POST <endpoint>/ack`)
   * and searches that found nothing (`POST <endpoint>/search-gap`). The path is used as written,
   * without the site's base. Example: `{ endpoint: '/charter-api' }`. Left out, confirmations and
   * failed searches stay in the reader's browser.
   */
  feedback: z
    .strictObject({
      endpoint: z.string().regex(/^\/(?!\/)(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+$/, {
        error: 'must be a path on the site\'s own origin, starting with "/" and without a trailing "/", for example "/charter-api"',
      }),
    })
    .optional(),
  /**
   * Where "Report a problem" on every chapter leads, prefilled with the page, the edition and the
   * text the reader selected: a new-issue page (`{ issues: 'https://git.example.com/handbook/issues/new' }`,
   * given `title` and `body` parameters) or an email address (`{ email: 'handbook@example.com' }`).
   * Left out, chapters have no such link.
   */
  report: z
    .union(
      [
        z.strictObject({ issues: z.url({ protocol: /^https?$/, error: 'must be an http(s):// address of a new-issue page' }) }),
        z.strictObject({ email: z.email({ error: 'must be an email address, for example "handbook@example.com"' }) }),
      ],
      {
        error: 'must be { issues: "https://…/issues/new" } or { email: "someone@example.com" }',
      },
    )
    .optional(),
});

function hexColour() {
  return z.string().refine(isHexColour, { error: 'must be a CSS hex colour such as "#1f5fae" or "#15a"' });
}

/** Each theme's accent must stay readable as text, and under the text drawn on it. */
function checkAccentContrast(accent: string | { light: string; dark: string }, ctx: z.core.$RefinementCtx): void {
  const single = typeof accent === 'string';
  const perTheme: [ThemeName, string][] = single
    ? [
        ['light', accent],
        ['dark', accent],
      ]
    : [
        ['light', accent.light],
        ['dark', accent.dark],
      ];
  for (const [theme, colour] of perTheme) {
    if (!isHexColour(colour)) continue;
    const problem = accentContrastProblem(colour, theme);
    if (!problem) continue;
    const hint = single ? ' One colour rarely reads well on both a light and a dark background: give one per theme, accent: { light: "#…", dark: "#…" }.' : '';
    ctx.addIssue({ code: 'custom', message: problem + hint, path: single ? [] : [theme] });
  }
}

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Turns Zod issues into one line per problem, naming the field. */
export function formatConfigIssues(error: z.ZodError, file: string): string {
  return formatConfigProblems(error.issues, file);
}

function formatConfigProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[], file: string): string {
  const lines = issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    return `  - ${field}: ${issue.message}`;
  });
  return `Invalid site configuration in ${file}:\n${lines.join('\n')}`;
}

/**
 * Validates the site configuration, every problem in one message. HANDBOOK_BASE_PATH overrides
 * `base`, so one checkout can be built for a sub-path without editing the file; HANDBOOK_LANG
 * overrides `lang` the same way. With `publicDir` (the project's public/ folder), the logo must be
 * an image there.
 */
export function resolveSiteConfig(
  input: SiteConfigInput,
  env: Record<string, string | undefined> = {},
  file = 'charter.config.mjs',
  { publicDir }: { publicDir?: string } = {},
): SiteConfig {
  const withBase = env.HANDBOOK_BASE_PATH ? { ...input, base: env.HANDBOOK_BASE_PATH } : input;
  // HANDBOOK_LANG builds the same site in another language, for trying a translation.
  const withLang = env.HANDBOOK_LANG ? { ...withBase, lang: env.HANDBOOK_LANG } : withBase;
  // HANDBOOK_PDF prints (or leaves out) the PDFs for one build, such as the one a deploy makes.
  const merged = env.HANDBOOK_PDF ? { ...withLang, pdf: env.HANDBOOK_PDF as SiteConfigInput['pdf'] } : withLang;
  const result = siteConfigSchema.safeParse(merged);
  const logo = result.success ? result.data.logo : undefined;
  const logoIssue = logo && publicDir ? logoProblem(logo, publicDir) : undefined;
  const issues = [...(result.success ? [] : result.error.issues), ...(logoIssue ? [{ path: ['logo'], message: logoIssue }] : [])];
  if (!result.success || issues.length > 0) throw new ConfigRefused(formatConfigProblems(issues, file));
  return result.data;
}

/**
 * A configuration the build refuses. The message names every bad field and what to write instead;
 * a stack of engine frames below it would only bury that, so the error carries none.
 */
export class ConfigRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigRefused';
    this.stack = `${this.name}: ${message}`;
  }
}

/** Keeps config files typed without validating twice. */
export function defineCharterConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}
