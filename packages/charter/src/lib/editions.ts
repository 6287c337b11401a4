/** Which edition a reader is looking at, from the manifest. */
import type { EditionRef } from './edition-urls.ts';
import type { Edition } from './schemas.ts';

/** The edition in force. The manifest must name exactly one. */
export function findCurrentEdition(editions: readonly Edition[], file = 'editions.yaml'): Edition {
  const current = editions.filter((e) => e.status === 'current');
  if (current.length !== 1) {
    const found = current.length === 0 ? 'none' : current.map((e) => e.id).join(' and ');
    throw new Error(
      `${file}: exactly one edition must have status "current"; found ${found}. Set status: current on the edition staff should follow.`,
    );
  }
  return current[0]!;
}

/** A page's title in an edition: as it is in the current one, marked "(draft)" or "(2025.1)" elsewhere. */
export function titleInEdition(title: string, edition: EditionRef): string {
  return edition.status === 'current' ? title : `${title} (${edition.status === 'draft' ? 'draft' : edition.id})`;
}

/** The first step of a breadcrumb trail: the handbook, marked with the edition when it is not current. */
export function handbookCrumb(edition: EditionRef): string {
  return edition.status === 'current' ? 'Handbook' : `Handbook ${edition.status === 'draft' ? '(draft)' : edition.id}`;
}
