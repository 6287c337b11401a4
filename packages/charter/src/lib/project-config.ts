/**
 * The adopter's `charter.config.mjs` (or `.js`, `.ts`), read by code that runs in plain Node: the
 * `charter` command and the checker's worker threads get its values through their options. Pages
 * get the same values from the integration (`virtual:charter/config`); both validate with
 * `resolveSiteConfig`, so one schema says what is allowed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw loadFailure(file, error);
  }
  return configOfModule(file, module, env);
}

/**
 * The same as loadProjectConfig, for code that cannot wait: a lint rule run by remark or an
 * editor builds its context synchronously. Node loads an ES module config with `require` as long
 * as it has no top-level await, which a config has no reason to use.
 */
export function loadProjectConfigSync(projectRoot: string, env: Record<string, string | undefined> = process.env): SiteConfig | undefined {
  const file = findProjectConfig(projectRoot);
  if (!file) return undefined;
  let module: { default?: unknown };
  try {
    module = createRequire(import.meta.url)(file) as { default?: unknown };
  } catch (error) {
    throw loadFailure(file, error);
  }
  return configOfModule(file, module, env);
}

const shownPath = (file: string) => path.relative(process.cwd(), file) || file;

function loadFailure(file: string, error: unknown): ProjectConfigError {
  const hint = file.endsWith('.ts') ? ' (a .ts config needs a Node that runs TypeScript, 22.18 or later; or rename it to .mjs)' : '';
  return new ProjectConfigError(`Could not load ${shownPath(file)}${hint}: ${(error as Error).message}`);
}

function configOfModule(file: string, module: { default?: unknown }, env: Record<string, string | undefined>): SiteConfig {
  const shown = shownPath(file);
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
