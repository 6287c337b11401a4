/**
 * Where the engine's own files are (its checker data, the rule sources whose doc comments make the
 * rule catalog). Beside the running module when it runs from the package, as the CLI does; found
 * through the adopter's `node_modules` when a bundler has moved the code into a build (the House
 * style page renders the rule catalog from Astro's prerender bundle).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINE_NAME = 'charter-handbook';

function isEngineDir(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === ENGINE_NAME;
  } catch {
    return false;
  }
}

let found: string | undefined;

/** The engine package's folder (the one holding its package.json). */
export function engineDir(): string {
  if (found) return found;
  // This module sits at <package>/src/lib or <package>/dist/lib.
  const beside = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (isEngineDir(beside)) return (found = beside);
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  try {
    return (found = path.dirname(require.resolve(`${ENGINE_NAME}/package.json`)));
  } catch {
    throw new Error(`Cannot find the ${ENGINE_NAME} package from ${process.cwd()}. Run npm install in the handbook's folder.`);
  }
}

/** The engine's version, as its package.json declares it. */
export function engineVersion(): string {
  return (JSON.parse(readFileSync(path.join(engineDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A sibling module's URL with the running module's own extension: `.ts` when the engine runs from
 * its sources (tests), `.js` when it runs compiled from the package. Worker threads and child
 * processes need a file plain Node can run.
 */
export function siblingModule(name: string, of: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(of))}`, of);
}
