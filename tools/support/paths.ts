/** Where the repository's parts are, for the tools that drive them. */
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const engineRoot = path.join(repoRoot, 'packages/charter');
/** The example handbook: the project the tools build and check. */
export const exampleRoot = path.join(repoRoot, 'examples/northwind');
export const exampleContent = path.join(exampleRoot, 'src/content');
export const astroBin = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');
/** The `charter` command, run from the engine's sources (no compile step needed). */
export const charterCli = path.join(engineRoot, 'src/cli/main.ts');
