/**
 * The page's side of offline reading (see src/offline/service-worker.js for the worker's): it
 * registers the worker, shows the saved-copy note on a page the worker served from its copy, and
 * offers a newly published version once the browser has saved it. Loading it is the reader's
 * choice: the new worker takes over, and the page reloads, only after the button is pressed.
 */

/** The worker marks the root element of a page it served from the saved copy. */
export function isSavedCopy(root: Element): boolean {
  return root.hasAttribute('data-charter-saved');
}

export function startOfflineReading(): void {
  const status = document.querySelector<HTMLElement>('[data-offline-worker]');
  if (!status || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const saved = status.querySelector<HTMLElement>('[data-offline-saved]');
  const update = status.querySelector<HTMLElement>('[data-offline-update]');
  if (saved && isSavedCopy(document.documentElement)) saved.hidden = false;

  const offer = (worker: ServiceWorker) => {
    if (!update) return;
    update.hidden = false;
    update.querySelector('button')?.addEventListener(
      'click',
      () => {
        // Reload once the new worker controls the page, so the page and its files come from the same build.
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        worker.postMessage({ type: 'charter:activate' });
      },
      { once: true },
    );
  };

  navigator.serviceWorker
    // `none`: the browser asks the server for the worker's file itself on every check, which is how a new build is noticed.
    .register(status.dataset.offlineWorker!, { scope: status.dataset.offlineScope!, updateViaCache: 'none' })
    .then((registration) => {
      // Only a page that an older worker controls has something newer to offer; the first visit has not.
      const whenSaved = (incoming: ServiceWorker | null) =>
        incoming?.addEventListener('statechange', () => {
          if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
        });
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      // The browser may have started saving a new build while this page loaded, before this script ran.
      whenSaved(registration.installing);
      registration.addEventListener('updatefound', () => whenSaved(registration.installing));
      // Look for a newer version on every visit: the browser's own check on navigation may wait a
      // day, and the worker's file is small (the list of files to keep is a file of its own).
      void registration.update().catch(() => undefined);
      // Back on the network after a while offline: look for a newer version now rather than at the next page.
      window.addEventListener('online', () => void registration.update().catch(() => undefined));
    })
    // Blocked by the browser or its settings: the site works as it does without offline reading.
    .catch(() => undefined);
}
