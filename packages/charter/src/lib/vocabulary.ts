/**
 * The organization's vocabulary: its kinds of chapter, customer touchpoints and audiences. An
 * adopter writes its own in `vocabulary.yaml` (read by vocabulary-file.ts); a list it leaves out is
 * the default below. Schemas, the checker, navigation, search and the touchpoint matrix all read
 * the one resolved vocabulary, so a word is allowed in one place exactly when it is in all.
 *
 * This module holds data and pure helpers only (no file system, no Zod): the search code in the
 * browser imports it too.
 */
import type { AudienceEntry, ChapterTypeEntry, TouchpointEntry } from './vocabulary-file.ts';

export type { AudienceEntry, ChapterTypeEntry, TouchpointEntry } from './vocabulary-file.ts';

/** The name of the optional vocabulary file in the content folder. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

export type VocabularyList = 'touchpoints' | 'audiences' | 'types';

export interface Vocabulary {
  touchpoints: readonly TouchpointEntry[];
  audiences: readonly AudienceEntry[];
  types: readonly ChapterTypeEntry[];
  /** Proper nouns the organization lists (`names:`); headings may keep their capitals. */
  names: readonly string[];
  /** The lists vocabulary.yaml gave (the others are the defaults), so messages can say where to look. */
  fromFile: readonly VocabularyList[];
}

/** The six sections every procedure page has, in this order (the default `procedure` type's). */
const PROCEDURE_SECTIONS = ['When this applies', 'Our standard', 'Steps', 'What to say', 'If something goes wrong', 'Checklist'];

/** The vocabulary of a handbook without a vocabulary.yaml: the one the example handbook uses. */
export const DEFAULT_VOCABULARY: Vocabulary = {
  types: [
    { id: 'creed', label: 'Creed' },
    { id: 'principle', label: 'Principles' },
    { id: 'skill', label: 'Skills' },
    { id: 'procedure', label: 'Procedures', sections: PROCEDURE_SECTIONS },
    { id: 'guide', label: 'Guides' },
    { id: 'reference', label: 'Reference' },
  ],
  // `words` are everyday words that point at a touchpoint: search uses them to prefer the chapters
  // of the touchpoint a question is about ("pick up the phone" → telephone chapters).
  touchpoints: [
    { id: 'telephone', label: 'Telephone', words: ['phone', 'telephone', 'call', 'calls', 'caller', 'callers', 'ring', 'rings', 'hold', 'voicemail', 'dial'] },
    {
      id: 'face-to-face',
      label: 'Face to face',
      words: ['counter', 'desk', 'branch', 'site', 'sites', 'walk-in', 'walks', 'visitor', 'visitors', 'reception', 'person'],
    },
    { id: 'email', label: 'Email', words: ['email', 'emails', 'inbox', 'subject'] },
    { id: 'website', label: 'Website', words: ['website', 'web', 'online', 'form', 'page', 'pages', 'site'] },
    { id: 'mail', label: 'Mail', words: ['mail', 'letter', 'letters', 'parcel', 'parcels', 'post', 'envelope', 'courier'] },
    { id: 'live-chat', label: 'Live chat', words: ['chat', 'chats', 'transcript'] },
  ],
  audiences: [
    { id: 'all-staff', label: 'All staff' },
    { id: 'frontline', label: 'Frontline' },
    { id: 'phone-team', label: 'Phone team' },
    { id: 'email-desk', label: 'Email desk' },
    { id: 'mail-room', label: 'Mail room' },
    { id: 'site-staff', label: 'Site staff' },
    { id: 'managers', label: 'Managers' },
    { id: 'editors', label: 'Editors' },
  ],
  fromFile: [],
  names: [],
};

/** The ids of one list, in the vocabulary's order. */
export function idsOf(vocabulary: Vocabulary, list: VocabularyList): string[] {
  return vocabulary[list].map((entry) => entry.id);
}

/** How a value is named to readers; the id itself for a value the vocabulary does not list. */
export function labelOf(vocabulary: Vocabulary, list: VocabularyList, id: string): string {
  return vocabulary[list].find((entry) => entry.id === id)?.label ?? id;
}

/** The required h2 sections of a kind of chapter, in order; undefined when it has none. */
export function sectionsOf(vocabulary: Vocabulary, type: unknown): readonly string[] | undefined {
  return vocabulary.types.find((entry) => entry.id === type)?.sections;
}

/** Search's touchpoint words, by touchpoint id. */
export function touchpointWords(vocabulary: Vocabulary): Record<string, readonly string[]> {
  return Object.fromEntries(vocabulary.touchpoints.map((t) => [t.id, t.words]));
}

const PLURALS: Record<VocabularyList, string> = { touchpoints: 'touchpoints', audiences: 'audiences', types: 'chapter types' };

/**
 * What a message adds after the allowed values when they came from vocabulary.yaml, so an editor
 * knows where they are defined (and where to add one); nothing for the defaults.
 */
export function vocabularyNote(vocabulary: Vocabulary, list: VocabularyList): string {
  return vocabulary.fromFile.includes(list) ? ` (the ${PLURALS[list]} listed in ${VOCABULARY_FILE}, where you can add one)` : '';
}
