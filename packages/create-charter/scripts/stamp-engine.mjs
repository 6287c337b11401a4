// Runs before `npm pack`/`npm publish`: records the engine's version and the Astro range it needs
// in engine.json, so a published scaffolder pins the engine it was released with. In the repository
// the scaffolder reads ../charter/package.json directly instead (see lib/engine.js), and postpack
// removes the stamp again.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineFromManifest } from '../lib/engine.js';

const manifest = JSON.parse(readFileSync(new URL('../../charter/package.json', import.meta.url), 'utf8'));
const engine = engineFromManifest(manifest);
const target = fileURLToPath(new URL('../engine.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(engine, null, 2)}\n`);
console.log(`create-charter: stamped ${engine.name}@${engine.version} (astro ${engine.astro}) into engine.json.`);
