// The handbook's offline worker. The build puts self.CHARTER_OFFLINE (the build id, the current
// edition, the base path and the address of the list of files to keep) on the line above; see
// src/lib/offline.ts for what is kept and src/integration/offline.ts for how the file is written.
//
// Strategy, and why:
// - Install: the list of this build's files, then every file on it, is fetched into a cache named
//   after the build, past the HTTP cache, all or nothing. A reader never gets half a copy, and two
//   builds never mix in one cache: a page of one build with the search index of another would find
//   what is not there.
// - Pages (navigations): network first, the saved copy when the network fails, answers with a
//   server error, or takes longer than PAGE_TIMEOUT_MS (a counter's poor network). Online, readers
//   always see the standard as published now, not a copy; a saved copy is marked so the page can
//   say so. Stale-while-revalidate would show yesterday's page first and the new one only on the
//   next visit: wrong for a handbook whose point is the standard in force.
// - Files whose name changes with their content (`_astro/`, the search bundle's fragment, index
//   and filter folders): cache first. They never change under the same name, so the saved one is
//   the one the network would send.
// - Everything else (the search bundle's entry, script and WebAssembly, images): network first,
//   the saved copy offline.
// - Nothing fetched at run time is written into the cache: it holds exactly one build, replaced
//   whole when the reader takes the next one.
// - A new build installs beside the old one and waits; the page offers it and the reader chooses
//   when to load it (a message "charter:activate"), so nobody's page changes while they read.
const { build, base, manifest } = self.CHARTER_OFFLINE;
const PREFIX = `charter-offline:${base}:`;
const CACHE = `${PREFIX}${build}`;
const PAGE_TIMEOUT_MS = 6000;
const IMMUTABLE = /\/(?:_astro|pagefind\/[^/]+\/(?:fragment|index|filter))\//;
const SCOPE = new URL(base, self.location.origin).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const response = await fetch(manifest, { cache: 'reload' });
  if (!response.ok) throw new Error(`The list of files to keep (${manifest}) answered ${response.status}.`);
  const { urls } = await response.json();
  const cache = await caches.open(CACHE);
  // `reload`: the HTTP cache may still hold the previous build's copy of a file without a hash in its name.
  await cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' })));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)));
      // The first visit's page is controlled at once, so the copy works from its next click.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'charter:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (IMMUTABLE.test(new URL(request.url).pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});

/** The saved copy of a request, whatever its query (`?path=…` on reading-path links, Pagefind's `?ts=`). */
async function saved(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request, { ignoreSearch: true });
}

async function page(request) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), PAGE_TIMEOUT_MS);
  });
  const network = fetch(request).then(
    (response) => (response.status >= 500 ? undefined : response),
    () => undefined,
  );
  const first = await Promise.race([network, late]);
  clearTimeout(timer);
  if (first) return first;
  const copy = await saved(request);
  if (copy) return markedAsSaved(copy);
  // Not kept (an archived edition, say): wait for the network after all, and let it fail as it will.
  return (await network) ?? Response.error();
}

/** The saved page with `data-charter-saved` on its root element, which the page's script reads to say so. */
async function markedAsSaved(response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html.replace(/<html\b/i, `<html data-charter-saved="${build}"`), { status: response.status, statusText: response.statusText, headers });
}

async function cacheFirst(request) {
  return (await saved(request)) ?? fetch(request);
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const copy = await saved(request);
    if (copy) return copy;
    throw error;
  }
}
