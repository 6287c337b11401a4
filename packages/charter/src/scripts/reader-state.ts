/**
 * What this browser remembers about its reader, and what follows from it: which chapters they read
 * in which edition, which they confirmed, and the searches that found nothing. Everything lives in
 * localStorage under `charter:` keys and works without a server; with the feedback endpoint in the
 * site config, confirmations and failed searches are also sent there (scripts/reader-page.ts).
 *
 * Pure functions over a Storage-like object and plain data, so the unit tests run them as the
 * browser does.
 */

export type ChangeMark = 'material' | 'correction';

/** One changed chapter in an edition's marks file (`/changes/<edition>/marks.json`, made by the build). */
export interface MarkedChange {
  /** The chapter's path in this edition. */
  slug: string;
  /** Its path in the edition before, when it moved. */
  previousSlug?: string;
  title: string;
  mark: ChangeMark;
  /** The chapter's redline on the changes page (base included). */
  redline: string;
}

export interface MarksFile {
  edition: string;
  previous: string;
  changes: MarkedChange[];
}

/** A chapter that changed materially since the reader read it. */
export interface ChangedSince {
  slug: string;
  title: string;
  /** The edition the reader last read it in. */
  readIn: string;
  /** The redline of the latest material change. */
  redline: string;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const READ_KEY = 'charter:read';
export const CONFIRMED_KEY = 'charter:confirmed';
export const PENDING_KEY = 'charter:pending';
export const SEARCH_GAPS_KEY = 'charter:search-gaps';
export const DISMISSED_KEY = 'charter:changes-dismissed';

/** A stored JSON object, or an empty one when it is missing or not what was written. */
function readObject<T>(storage: StorageLike, key: string): Record<string, T> {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
  } catch {
    return {};
  }
}

function readList<T>(storage: StorageLike, key: string): T[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** Storage can refuse (private mode, full): the page works on without remembering. */
function write(storage: StorageLike, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the reader keeps reading, this visit is just not remembered.
  }
}

/** Chapter path → the edition the reader last read it in. */
export function readChapters(storage: StorageLike): Record<string, string> {
  return readObject<string>(storage, READ_KEY);
}

/**
 * Remembers that the reader read a chapter in an edition. `released` lists the released editions,
 * oldest first: reading an older edition again (an archived page) does not hide a change the reader
 * has not seen, and a draft, not yet in force, is not remembered at all.
 */
export function rememberRead(storage: StorageLike, slug: string, edition: string, released: readonly string[]): void {
  const at = released.indexOf(edition);
  if (at === -1) return;
  const read = readChapters(storage);
  const before = read[slug];
  if (before !== undefined && released.indexOf(before) > at) return;
  read[slug] = edition;
  write(storage, READ_KEY, read);
}

/** The editions whose marks files are needed: those after the oldest one the reader read in, up to the current. */
export function editionsToFetch(read: Record<string, string>, released: readonly string[]): string[] {
  const positions = Object.values(read)
    .map((edition) => released.indexOf(edition))
    .filter((i) => i !== -1);
  if (positions.length === 0) return [];
  return released.slice(Math.min(...positions) + 1);
}

/**
 * The chapters that changed materially since the reader read them: each read chapter is followed
 * through the editions after the one it was read in (across renames), and is listed when any of
 * those editions marks its change material. A missing marks file counts as no change known.
 */
export function changedSince(read: Record<string, string>, released: readonly string[], marks: ReadonlyMap<string, MarksFile>): ChangedSince[] {
  const found: ChangedSince[] = [];
  for (const [readSlug, readIn] of Object.entries(read)) {
    const from = released.indexOf(readIn);
    if (from === -1) continue;
    let slug = readSlug;
    let latest: MarkedChange | undefined;
    for (const edition of released.slice(from + 1)) {
      const change = marks.get(edition)?.changes.find((c) => (c.previousSlug ?? c.slug) === slug);
      if (!change) continue;
      slug = change.slug;
      if (change.mark === 'material') latest = change;
    }
    if (latest) found.push({ slug: latest.slug, title: latest.title, readIn, redline: latest.redline });
  }
  return found.sort((a, b) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
}

/** What a dismissed banner was about, so that a new material change shows it again. */
export const bannerKey = (current: string, changes: readonly ChangedSince[]): string => `${current}:${changes.map((c) => c.slug).join(',')}`;

export function isDismissed(storage: StorageLike, current: string, changes: readonly ChangedSince[]): boolean {
  return storage.getItem(DISMISSED_KEY) === bannerKey(current, changes);
}

export function dismiss(storage: StorageLike, current: string, changes: readonly ChangedSince[]): void {
  try {
    storage.setItem(DISMISSED_KEY, bannerKey(current, changes));
  } catch {
    // As in write(): not remembered, nothing more.
  }
}

/** A confirmation that the reader read an edition of a chapter: what `POST <endpoint>/ack` takes. */
export interface Confirmation {
  chapter: string;
  edition: string;
  hash: string;
  path?: string;
}

export interface StoredConfirmation {
  hash: string;
  /** When the reader confirmed, as an ISO date-time (the server keeps its own time). */
  at: string;
}

const confirmationKey = (chapter: string, edition: string) => `${edition}/${chapter}`;

export function confirmations(storage: StorageLike): Record<string, StoredConfirmation> {
  return readObject<StoredConfirmation>(storage, CONFIRMED_KEY);
}

export function confirmedAt(storage: StorageLike, chapter: string, edition: string): StoredConfirmation | undefined {
  return confirmations(storage)[confirmationKey(chapter, edition)];
}

/** Records a confirmation in this browser; the first one stands (confirming again changes nothing). */
export function rememberConfirmation(storage: StorageLike, confirmation: Confirmation, now: Date): StoredConfirmation {
  const all = confirmations(storage);
  const key = confirmationKey(confirmation.chapter, confirmation.edition);
  all[key] ??= { hash: confirmation.hash, at: now.toISOString() };
  write(storage, CONFIRMED_KEY, all);
  return all[key];
}

/** A request the endpoint has not accepted yet, kept to be sent again on a later page. */
export interface PendingRequest {
  kind: 'ack' | 'search-gap';
  body: Confirmation | SearchGap;
}

export function pending(storage: StorageLike): PendingRequest[] {
  return readList<PendingRequest>(storage, PENDING_KEY);
}

/** At most this many requests wait, so a reader who is never online again does not fill storage. */
const MAX_PENDING = 100;

export function setPending(storage: StorageLike, requests: readonly PendingRequest[]): void {
  write(storage, PENDING_KEY, requests.slice(-MAX_PENDING));
}

export interface SearchGap {
  query: string;
  edition: string;
}

/** As kept in the browser; `charter search-gaps --from` reads a list of these. */
export interface StoredSearchGap extends SearchGap {
  count: number;
  /** When it was last searched for, as an ISO date-time. */
  at: string;
}

const MAX_GAPS = 50;

/**
 * Keeps a search that found nothing (one entry per query and edition, counted); returns whether it
 * is new, so that only a new one is sent to the endpoint.
 */
export function rememberSearchGap(storage: StorageLike, gap: SearchGap, now: Date): boolean {
  const query = gap.query.trim().replace(/\s+/g, ' ');
  if (!query) return false;
  const gaps = readList<StoredSearchGap>(storage, SEARCH_GAPS_KEY);
  const same = gaps.find((g) => g.query.toLowerCase() === query.toLowerCase() && g.edition === gap.edition);
  if (same) {
    same.count += 1;
    same.at = now.toISOString();
  } else {
    gaps.push({ query, edition: gap.edition, count: 1, at: now.toISOString() });
  }
  write(storage, SEARCH_GAPS_KEY, gaps.slice(-MAX_GAPS));
  return !same;
}

export function searchGaps(storage: StorageLike): StoredSearchGap[] {
  return readList<StoredSearchGap>(storage, SEARCH_GAPS_KEY);
}

/**
 * The "Report a problem" address: a new issue (`title` and `body` parameters, as GitHub, GitLab and
 * Gitea read them) or an email, with the given lines (the page, its edition) and the reader's
 * selected text quoted below them.
 */
export function reportHref(target: { issues: string } | { email: string }, report: { subject: string; lines: readonly string[]; selection: string }): string {
  const selection = report.selection.trim();
  const quoted = selection ? ['', ...selection.split(/\r?\n/).map((line) => `> ${line}`)] : [];
  const body = [...report.lines, ...quoted, '', ''].join('\n');
  if ('issues' in target) {
    const url = new URL(target.issues);
    url.searchParams.set('title', report.subject);
    url.searchParams.set('body', body);
    return url.href;
  }
  return `mailto:${target.email}?subject=${encodeURIComponent(report.subject)}&body=${encodeURIComponent(body)}`;
}
