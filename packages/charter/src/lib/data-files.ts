/**
 * The handbook's data files beside the chapters. Some a handbook can do without: a missing one is
 * an empty list, and what needs it (glossary links, the checker's terminology, synonyms for
 * search, reading paths) simply has nothing to show or check. But a file that exists and holds no
 * entry is refused, by the build and the checker alike: deleting the file says "none"; an empty
 * file is far more often a bad merge or a half-finished edit, and a silently empty glossary would
 * switch the checker's terminology rules off without a word.
 */
export const OPTIONAL_DATA_FILES = {
  'glossary.yaml': 'glossary terms',
  'phrases.yaml': 'phrases to avoid',
  'search-phrases.yaml': 'search phrases',
  'paths.yaml': 'reading paths',
} as const;

export type OptionalDataFile = keyof typeof OPTIONAL_DATA_FILES;

/** Whether a YAML file's text holds anything but comments and blank lines. */
export function hasYamlContent(text: string): boolean {
  return text.replace(/#.*$/gm, '').trim() !== '';
}

export function noEntriesMessage(file: string, name: OptionalDataFile): string {
  return `${file}: the file has no entries. Add at least one, or delete ${name} if the handbook has no ${OPTIONAL_DATA_FILES[name]} (it is optional).`;
}
