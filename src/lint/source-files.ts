/**
 * Finds the checker's own files (its YAML data and the rule sources whose doc comments make the
 * rule catalog). They sit beside this module; when a bundler has moved the code elsewhere (an
 * Astro build renders the House style page from a bundle), they are found below the working
 * directory, which for every build and script is the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const candidates = [path.dirname(fileURLToPath(import.meta.url)), path.resolve('src/lint')];

/** The checker's own file at `relative` (e.g. `data/us-spelling.yaml`), read as text. */
export function readLintFile(relative: string): string {
  for (const dir of candidates) {
    const file = path.join(dir, relative);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`Checker file not found: ${relative} (looked in ${candidates.join(' and ')}).`);
}

/** A YAML file of the checker's data folder, parsed. */
export function readLintData(name: string): unknown {
  return parse(readLintFile(path.join('data', name)));
}
