/**
 * What the offline worker keeps: the precache of one build, chosen from the built site's files.
 *
 * Kept: every page and file of the current edition as readers find it (the pages at the site's
 * root, the shared assets in `_astro/`, the current edition's search bundle). Left out: the
 * archived editions and the draft (their own folders and search bundles), the current edition's
 * permanent-link copies under its own prefix (the same pages again, at a second address), and the
 * files meant for the web server, not the browser (`_headers`, the nginx include, the worker itself).
 * A reader at the counter needs the standard in force; an older edition is a click away online.
 */
import { createHash } from 'node:crypto';
import type { Edition } from './schemas.ts';
import { SEARCH_DIR } from './search/bundles.ts';

/** The worker's file name, at the site's base, so that its scope is the whole handbook. */
export const WORKER_FILE = 'sw.js';

/** The list of a build's files, named after the build: a file that never changes under its name. */
export function manifestFile(build: string): string {
  return `offline-${build}.json`;
}

const MANIFEST_FILE = /^offline-[0-9a-f]{16}\.json$/;

/** Files for the web server (security headers), never fetched by the browser. */
const SERVER_FILES = new Set(['_headers', 'nginx-security-headers.conf', WORKER_FILE]);

/** One file of the precache: its path in the output folder and its size in bytes. */
export interface BuiltFile {
  path: string;
  bytes: number;
}

/** Whether a file of the built site (path relative to the output folder, `/`-separated) belongs in the precache. */
export function isPrecached(file: string, editions: readonly Pick<Edition, 'id' | 'status'>[]): boolean {
  if (SERVER_FILES.has(file) || MANIFEST_FILE.test(file)) return false;
  const [top, second] = file.split('/');
  const current = editions.find((e) => e.status === 'current');
  if (top === SEARCH_DIR) return current !== undefined && second === encodeURIComponent(current.id);
  // Every edition's own prefix, the current one's permanent links included.
  return !editions.some((e) => e.id === top);
}

/** The address a file is fetched at: `a/index.html` is the page `a/`, as the site links it. */
export function fileUrl(base: string, file: string): string {
  const address = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return `${base}${address.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * A build's id: a hash of every precached file's path and content hash. Two builds of the same
 * content get the same id, so rebuilding without a change offers readers nothing new; any changed
 * byte gives a new id, a new worker file, and so the offer of the new version.
 */
export function buildId(files: readonly { path: string; sha256: string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) hash.update(`${file.path}\0${file.sha256}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** One build's offline copy: what the worker's file names, and the list it fetches on install. */
export interface OfflineManifest {
  build: string;
  edition: string;
  base: string;
  urls: string[];
  /** Total bytes of the precached files, for the build's report. */
  bytes: number;
}

/**
 * The worker's file: the build's id, edition and list's address as one assignment, then the
 * worker's code. The list itself is a file of its own, so the worker's file stays a few kilobytes
 * however large the handbook: browsers fetch it on every check for a new version (the page asks
 * on each visit), and a new build is a different file because its id is in it.
 */
export function workerSource(manifest: OfflineManifest, code: string): string {
  // `<` escaped so that no value can close anything if the file is ever shown as HTML.
  const data = JSON.stringify({
    build: manifest.build,
    edition: manifest.edition,
    base: manifest.base,
    manifest: `${manifest.base}${manifestFile(manifest.build)}`,
  }).replaceAll('<', '\\u003c');
  return `self.CHARTER_OFFLINE = ${data};\n${code}`;
}

/** The list the worker fetches when it installs: every address to keep. */
export function manifestSource(manifest: OfflineManifest): string {
  return `${JSON.stringify({ build: manifest.build, edition: manifest.edition, urls: manifest.urls })}\n`;
}

/**
 * The worker written when offline reading is turned off: it removes the handbook's saved copies
 * and unregisters itself, so that a browser that installed an earlier worker does not keep serving
 * an old copy forever.
 */
export function retiringWorkerSource(base: string): string {
  return `// Offline reading is turned off for this handbook: remove its saved copies and this worker.
const PREFIX = ${JSON.stringify(`charter-offline:${base}:`)};
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX)).map((key) => caches.delete(key))))
      .then(() => self.registration.unregister()),
  );
});
`;
}

/** Bytes as a reader of the build log wants them: `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Above this, the build warns: browsers give a site a share of the disk far larger (Chromium: most
 * of the free space; Safari asks beyond 1 GB), but every reader downloads the whole copy on the
 * first visit, and on a counter's poor network that should stay a few minutes at most.
 */
export const PRECACHE_WARNING_BYTES = 50 * 1024 * 1024;
