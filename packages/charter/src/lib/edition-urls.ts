/**
 * The addresses of chapters across editions. The current edition answers at `/<slug>/` (the link
 * people share) and at `/<edition>/<slug>/` (the permanent link that keeps its content when a newer
 * edition becomes current); other released editions answer at `/<edition>/<slug>/`; the draft at
 * `/draft/<slug>/`.
 */
import type { Edition } from './schemas.ts';

export type EditionRef = Pick<Edition, 'id' | 'status'>;

/** The URL prefix of an edition's own pages (`/2025.1`, `/draft`). */
export function editionPrefix(edition: EditionRef): string {
  return `/${edition.id}`;
}

/** Where readers normally find a chapter of an edition: the short form for the current edition. */
export function chapterUrl(edition: EditionRef, slug: string): string {
  return edition.status === 'current' ? `/${slug}/` : `${editionPrefix(edition)}/${slug}/`;
}

/** The permanent, edition-qualified address of a chapter. */
export function permalinkUrl(edition: EditionRef, slug: string): string {
  return `${editionPrefix(edition)}/${slug}/`;
}

/** The home page of an edition. */
export function editionHomeUrl(edition: EditionRef): string {
  return edition.status === 'current' ? '/' : `${editionPrefix(edition)}/`;
}

/** Editions in the order readers expect: draft first, then newest released to oldest. */
export function sortEditions<E extends EditionRef & { released?: Date | undefined }>(editions: readonly E[]): E[] {
  const rank = (e: E) => (e.status === 'draft' ? 0 : 1);
  return [...editions].sort((a, b) => rank(a) - rank(b) || (b.released?.getTime() ?? 0) - (a.released?.getTime() ?? 0) || b.id.localeCompare(a.id));
}

/** The edition released just before this one (the draft's predecessor is the current edition). */
export function previousEdition<E extends EditionRef & { released?: Date | undefined }>(editions: readonly E[], edition: E): E | undefined {
  if (edition.status === 'draft') return editions.find((e) => e.status === 'current');
  const released = sortEditions(editions).filter((e) => e.status !== 'draft');
  const index = released.findIndex((e) => e.id === edition.id);
  return index === -1 ? undefined : released[index + 1];
}
