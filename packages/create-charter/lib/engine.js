// Which engine a new handbook depends on. In the repository, the engine's own package.json beside
// this package, so the two never drift apart; a packed scaffolder instead carries engine.json,
// written by scripts/stamp-engine.mjs at pack time.
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

const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

/** The engine this scaffolder starts handbooks with. */
export function readEngine() {
  // Installed from the registry, ../../charter is some other package's folder (or none).
  if (existsSync(SIBLING) && readJson(SIBLING).name === 'charter-handbook') return engineFromManifest(readJson(SIBLING));
  if (existsSync(STAMP)) return readJson(STAMP);
  throw new Error('engine.json is missing from this copy of create-charter; reinstall it (npm create charter@latest).');
}
