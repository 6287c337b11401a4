/**
 * The adopter's `charter.config.mjs` (or `.js`, `.ts`), read by code that runs in plain Node: the
 * `charter` command and the checker's worker threads get its values through their options. Pages
 * get the same values from the integration (`virtual:charter/config`); both validate with
 * `resolveSiteConfig`, so one schema says what is allowed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSiteConfig, siteConfigSchema, type SiteConfig } from './site-config.ts';
import type { CheckerConfig } from '../lint/rule-settings.ts';

/** The names a project's config file may have, in the order they are looked for. */
export const CONFIG_FILES = ['charter.config.mjs', 'charter.config.js', 'charter.config.ts'] as const;

/** A config file that exists but cannot be loaded or does not validate. */
export class ProjectConfigError extends Error {}

/** The config file of a project folder, or undefined when it has none. */
export function findProjectConfig(projectRoot: string): string | undefined {
  return CONFIG_FILES.map((name) => path.join(projectRoot, name)).find((file) => existsSync(file));
}

/**
 * The project's validated settings; undefined when the folder has no config file (the caller
 * decides which defaults are safe then). A file that fails to load or validate is an error that
 * names the file and each bad field.
 */
export async function loadProjectConfig(projectRoot: string, env: Record<string, string | undefined> = process.env): Promise<SiteConfig | undefined> {
  const file = findProjectConfig(projectRoot);
  if (!file) return undefined;
  const shown = path.relative(process.cwd(), file) || file;
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const hint = file.endsWith('.ts') ? ' (a .ts config needs a Node that runs TypeScript, 22.18 or later; or rename it to .mjs)' : '';
    throw new ProjectConfigError(`Could not load ${shown}${hint}: ${(error as Error).message}`);
  }
  const input = module.default;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ProjectConfigError(
      `Invalid site configuration in ${shown}: expected \`export default defineCharterConfig({ … })\` with an object, got ${input === undefined ? 'no default export' : JSON.stringify(input)}.`,
    );
  }
  try {
    return resolveSiteConfig(input as Parameters<typeof resolveSiteConfig>[0], env, shown);
  } catch (error) {
    throw new ProjectConfigError((error as Error).message);
  }
}

/** What the checker needs from the config: the content's language and the organization's name. */
export interface CheckerSettings {
  lang: string;
  organization: string | undefined;
  /** Rule levels for the handbook and for some folders (the config's `checker`). */
  checker: CheckerConfig | undefined;
}

/** The language a handbook is in when nothing says otherwise: the schema's own default. */
export const DEFAULT_LANG: string = siteConfigSchema.shape.lang.parse(undefined);

/**
 * The checker's settings from a config, or the safe defaults without one: the schema's default
 * language, and no organization (its name is then simply not exempt from heading case).
 */
export function checkerSettings(config: SiteConfig | undefined): CheckerSettings {
  return { lang: config?.lang ?? DEFAULT_LANG, organization: config?.organization, checker: config?.checker };
}
