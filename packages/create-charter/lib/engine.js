// Which engine a new handbook depends on. A packed scaffolder carries engine.json (written by
// scripts/stamp-engine.mjs at pack time); in the repository the engine's own package.json is read,
// so the two never drift apart.
import { existsSync, readFileSync } from 'node:fs';

const STAMP = new URL('../engine.json', import.meta.url);
const SIBLING = new URL('../../charter/package.json', import.meta.url);

/** The fields a starter needs from the engine's package.json. */
export function engineFromManifest(manifest) {
  const astro = manifest.peerDependencies?.astro;
  if (manifest.name !== 'charter-handbook' || typeof manifest.version !== 'string' || typeof astro !== 'string') {
    throw new Error('the engine manifest must name charter-handbook with a version and an astro peer dependency');
  }
  return { name: manifest.name, version: manifest.version, astro };
}

/** The engine this scaffolder starts handbooks with. */
export function readEngine() {
  if (existsSync(STAMP)) return JSON.parse(readFileSync(STAMP, 'utf8'));
  if (existsSync(SIBLING)) return engineFromManifest(JSON.parse(readFileSync(SIBLING, 'utf8')));
  throw new Error('engine.json is missing from this copy of create-charter; reinstall it (npm create charter@latest).');
}
