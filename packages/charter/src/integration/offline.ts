/**
 * Writes the offline worker once the site is built, search bundles included: `sw.js` at the site's
 * base, with the build's id, and beside it the list of the current edition's files to keep
 * (`offline-<build>.json`, see src/lib/offline.ts). With offline reading turned off it writes a worker that removes itself and the
 * copies an earlier one saved.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../lib/content-dir.ts';
import { readManifest } from '../lib/content-files.ts';
import {
  buildId,
  fileUrl,
  formatBytes,
  isPrecached,
  manifestFile,
  manifestSource,
  PRECACHE_WARNING_BYTES,
  retiringWorkerSource,
  WORKER_FILE,
  workerSource,
  type OfflineManifest,
} from '../lib/offline.ts';
import type { Edition } from '../lib/schemas.ts';

const WORKER_CODE = new URL('../offline/service-worker.js', import.meta.url);

/** The manifest of a built site's output folder. */
export function offlineManifest(outDir: string, base: string, editions: readonly Edition[]): OfflineManifest {
  const current = editions.find((e) => e.status === 'current');
  if (!current) throw new Error('Offline reading keeps the current edition, and editions.yaml names none as current.');
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => isPrecached(file, editions))
    .sort();
  let bytes = 0;
  const hashed = files.map((file) => {
    const content = readFileSync(path.join(outDir, file));
    bytes += content.length;
    return { path: file, sha256: createHash('sha256').update(content).digest('hex') };
  });
  return { build: buildId(hashed), edition: current.id, base, urls: files.map((file) => fileUrl(base, file)), bytes };
}

export function offlineIntegration(options: { base: string; enabled: boolean }): AstroIntegration {
  return {
    name: 'charter:offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const target = path.join(outDir, WORKER_FILE);
        if (!options.enabled) {
          writeFileSync(target, retiringWorkerSource(options.base));
          logger.info('Offline reading is off: wrote a worker that removes saved copies from browsers that kept one.');
          return;
        }
        const manifest = offlineManifest(outDir, options.base, readManifest(resolveContentDir()));
        writeFileSync(path.join(outDir, manifestFile(manifest.build)), manifestSource(manifest));
        writeFileSync(target, workerSource(manifest, readFileSync(WORKER_CODE, 'utf8')));
        const summary = `${manifest.urls.length} files, ${formatBytes(manifest.bytes)} of edition ${manifest.edition} (build ${manifest.build})`;
        if (manifest.bytes > PRECACHE_WARNING_BYTES)
          logger.warn(
            `The offline copy is ${summary}: every reader downloads it on the first visit. Large images are the usual cause; make them smaller, or set offline: false in the site configuration.`,
          );
        else logger.info(`Offline copy: ${summary}.`);
      },
    },
  };
}
