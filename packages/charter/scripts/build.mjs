// Compiles the engine for plain Node: TypeScript to JavaScript in dist/, and the Astro components,
// styles and checker data copied beside it. Node refuses to strip types below node_modules, so an
// installed engine must not run a single .ts file. Plain JavaScript so that it runs on any Node.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeContentTypes } from './content-types.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
writeContentTypes(root);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// .astro files import their TypeScript neighbours as `./x.ts`; in dist those are `./x.js`.
const TS_SPECIFIER = /(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g;
let copied = 0;
for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  const from = path.join(src, entry);
  if (/\.(ts|md)$/.test(entry) || !entry.includes('.') || entry.startsWith('generated')) continue;
  const to = path.join(dist, entry);
  mkdirSync(path.dirname(to), { recursive: true });
  if (entry.endsWith('.astro')) writeFileSync(to, readFileSync(from, 'utf8').replace(TS_SPECIFIER, '$1$2.js$1'));
  else cpSync(from, to);
  copied++;
}
console.log(`charter-handbook: compiled to dist/ and copied ${copied} component, style and data files.`);
