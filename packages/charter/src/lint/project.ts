/**
 * The checker for a file met on its own: by `remark`, by an editor, or by a rule used outside
 * `charter lint`. It finds the project the file belongs to, reads that project's config and
 * content folder once, and checks every file of the project with the settings `charter lint`
 * uses there, so the messages are the same whichever tool asks.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { DEFAULT_CONTENT_DIR, resolveContentDir } from '../lib/content-dir.ts';
import { ContentRefused } from '../gate/problem.ts';
import { CONFIG_FILES, checkerSettings, loadProjectConfigSync, ProjectConfigError } from '../lib/project-config.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { createRun, UsageError, vocabularyMessages, type CheckRun } from './check.ts';
import { registerContextDiscovery, type FileContext } from './file-context.ts';
import type { CheckOptions } from './types.ts';

export interface Project {
  root: string;
  options: CheckOptions;
  run: CheckRun;
}

/** The options `charter lint` checks a project with: its folders, its config's settings and today. */
export function projectCheckOptions(root: string, contentDir: string, config: SiteConfig | undefined, env: Record<string, string | undefined>): CheckOptions {
  const { lang, organization, checker } = checkerSettings(config);
  return { root, contentDir, today: env['CHARTER_TODAY'] || new Date(), lang, organization, ruleSettings: checker };
}

/**
 * The project folder of a file: the nearest folder above it with a charter config file, else the
 * nearest with the default content folder, else the working directory (where `charter lint` runs).
 */
export function projectRootOf(absoluteFile: string, cwd: string = process.cwd()): string {
  const marked = (test: (dir: string) => boolean) => {
    for (let dir = path.dirname(absoluteFile); ; dir = path.dirname(dir)) {
      if (test(dir)) return dir;
      if (path.dirname(dir) === dir) return undefined;
    }
  };
  return (
    marked((dir) => CONFIG_FILES.some((name) => existsSync(path.join(dir, name)))) ??
    marked((dir) => existsSync(path.join(dir, DEFAULT_CONTENT_DIR, 'editions'))) ??
    cwd
  );
}

const projects = new Map<string, Project>();

/**
 * The project of a file, read once per process (see forgetProjects). A project that cannot be
 * checked (no content folder, a broken config or vocabulary) is a ContentRefused whose message
 * says what is wrong and where.
 */
export function projectFor(absoluteFile: string, env: Record<string, string | undefined> = process.env): Project {
  const root = projectRootOf(absoluteFile);
  let project = projects.get(root);
  if (!project) {
    let options: CheckOptions;
    try {
      options = projectCheckOptions(root, resolveContentDir(env, root), loadProjectConfigSync(root, env), env);
    } catch (error) {
      if (error instanceof ProjectConfigError) throw new ContentRefused(error.message);
      throw error;
    }
    // As in charter lint: no chapter is checked against a vocabulary that cannot be read.
    const refused = vocabularyMessages(options);
    if (refused.length > 0)
      throw new ContentRefused(
        `The vocabulary cannot be read, so no chapter is checked: ${refused.map((m) => `${m.file}:${m.line}:${m.column}: ${m.message}`).join('; ')}`,
      );
    try {
      project = { root, options, run: createRun(options) };
    } catch (error) {
      if (error instanceof UsageError) throw new ContentRefused(error.message);
      throw error;
    }
    projects.set(root, project);
  }
  return project;
}

/** Reads every project again on next use: for a long-lived process (the language server) after files change. */
export function forgetProjects(): void {
  projects.clear();
}

/** The context of a file checked outside `charter lint`, from its project. */
export function discoveredContext(file: VFile): FileContext {
  const absolute = path.resolve(file.cwd, file.path);
  return { ...projectFor(absolute).run.contextOf(absolute), standalone: true };
}

registerContextDiscovery(discoveredContext);
