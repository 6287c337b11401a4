/**
 * Finds the checker's own files (its YAML data and the rule sources whose doc comments make the
 * rule catalog). The sources ship in the package's `src/lint`, so the catalog reads the very
 * comments the rules were written with, whether the engine runs from `src`, from `dist` or from a
 * bundle (see engine-files.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { engineDir } from '../lib/engine-files.ts';

const candidates = () => [path.join(engineDir(), 'src', 'lint')];

/** The checker's own file at `relative` (e.g. `data/spelling-variants.yaml`), read as text. */
export function readLintFile(relative: string): string {
  for (const dir of candidates()) {
    const file = path.join(dir, relative);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`Checker file not found: ${relative} (looked in ${candidates().join(' and ')}).`);
}

/** A YAML file of the checker's data folder, parsed. */
export function readLintData(name: string): unknown {
  return parse(readLintFile(path.join('data', name)));
}
