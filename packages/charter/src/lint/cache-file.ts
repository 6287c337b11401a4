/**
 * Where the checker keeps its result cache. A module of its own, with nothing but Node's own
 * modules, so that the command can look for the file before it loads the checker (cli/index.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Where the command line keeps its cache: one file per repository root and content folder. */
export function defaultCacheFile(root: string, contentDir: string): string {
  return path.join(root, 'node_modules', '.cache', 'charter-lint', `${sha1(`${root}\n${contentDir}`).slice(0, 16)}.json`);
}

/** The cache file a run uses: `CHARTER_LINT_CACHE` (relative to the root) when set, else the default one. */
export function cacheFileFor(root: string, contentDir: string, setting: string | true): string {
  return setting === true ? defaultCacheFile(root, contentDir) : path.resolve(root, setting);
}
