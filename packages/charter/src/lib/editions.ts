/** Which edition a reader is looking at, from the manifest. */
import type { EditionRef } from './edition-urls.ts';
import type { Edition } from './schemas.ts';
import { createTranslator, type Translator } from '../i18n/index.ts';

/**
 * English, for callers that do not pass the handbook's own translator: made on first use, as its
 * Intl formatters cost a command that never names an edition's title (charter lint) its start.
 */
let english: Translator | undefined;
const inEnglish = (): Translator => (english ??= createTranslator('en'));

/** The edition in force. The manifest must name exactly one. */
export function findCurrentEdition(editions: readonly Edition[], file = 'editions.yaml'): Edition {
  const current = editions.filter((e) => e.status === 'current');
  if (current.length !== 1) {
    const found = current.length === 0 ? 'none' : current.map((e) => e.id).join(' and ');
    throw new Error(`${file}: exactly one edition must have status "current"; found ${found}. Set status: current on the edition staff should follow.`);
  }
  return current[0]!;
}

/** A page's title in an edition: as it is in the current one, marked "(draft)" or "(2025.1)" elsewhere. */
export function titleInEdition(title: string, edition: EditionRef, i18n: Translator = inEnglish()): string {
  if (edition.status === 'current') return title;
  return edition.status === 'draft' ? i18n.t('title.inDraft', { title }) : i18n.t('title.inEdition', { title, id: edition.id });
}

/** The first step of a breadcrumb trail: the handbook, marked with the edition when it is not current. */
export function handbookCrumb(edition: EditionRef, i18n: Translator = inEnglish()): string {
  if (edition.status === 'current') return i18n.t('crumb.handbook');
  return edition.status === 'draft' ? i18n.t('crumb.handbookDraft') : i18n.t('crumb.handbookEdition', { id: edition.id });
}
