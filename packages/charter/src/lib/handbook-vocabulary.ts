/**
 * The handbook's vocabulary, for pages, components and the search code: the integration read it
 * from vocabulary.yaml (or took the defaults) and hands it over through a virtual module, so every
 * page shows the words the content was checked against.
 */
import vocabulary from 'virtual:charter/vocabulary';
import type { Vocabulary } from './vocabulary.ts';

export const handbookVocabulary: Vocabulary = vocabulary;
