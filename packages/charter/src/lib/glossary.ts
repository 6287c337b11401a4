/** The glossary, as data every part of the site reads. */
import type { GlossaryEntry } from './schemas.ts';

/** Alphabetical by term, ignoring case, so the page reads like a dictionary. */
export function sortGlossary(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/** The chapter that shows the whole glossary (with <GlossaryList />); terms link to it. */
export const GLOSSARY_SLUG = 'reference/glossary';
