/**
 * The feedback endpoint of the site config (`feedback.endpoint`), as the browser speaks to it: JSON
 * POSTs of confirmations (`/ack`) and searches that found nothing (`/search-gap`). What cannot be
 * sent now (offline, the server busy) waits in localStorage for the next page.
 */
import { pending, setPending, type PendingRequest, type SearchGap } from './reader-state.ts';

export type Outcome = 'accepted' | 'refused' | 'later';

/**
 * Sends one request to the feedback endpoint. Refused is final (a 4xx other than 429: sending again
 * will not change the answer); later keeps it for another page (offline, 429, a server error).
 */
async function send(endpoint: string, request: PendingRequest): Promise<Outcome> {
  try {
    const response = await fetch(`${endpoint}/${request.kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      // Sent to the end even when the reader leaves the page (a failed search is kept on pagehide).
      keepalive: true,
      body: JSON.stringify(request.body),
    });
    if (response.ok) return 'accepted';
    return response.status >= 400 && response.status < 500 && response.status !== 429 ? 'refused' : 'later';
  } catch {
    return 'later';
  }
}

/** Sends what waits and then `request`, in order, and keeps what must wait. Resolves to `request`'s outcome. */
export async function post(endpoint: string | undefined, request?: PendingRequest): Promise<Outcome> {
  if (!endpoint) return 'later';
  const queue = [...pending(localStorage), ...(request ? [request] : [])];
  const left: PendingRequest[] = [];
  let outcome: Outcome = 'later';
  for (const item of queue) {
    // Once one must wait the network is likely gone: keep the rest without trying each.
    const result = left.length === 0 ? await send(endpoint, item) : 'later';
    if (result === 'later') left.push(item);
    if (item === request) outcome = result;
  }
  setPending(localStorage, left);
  return outcome;
}

/** Records a search that found nothing, for `charter search-gaps` when the endpoint is configured. */
export function sendSearchGap(endpoint: string | undefined, gap: SearchGap): void {
  if (endpoint) void post(endpoint, { kind: 'search-gap', body: gap });
}
