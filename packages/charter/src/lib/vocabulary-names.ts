/**
 * The proper nouns an adopter lists in `<content>/vocabulary.yaml` under `names:` (products,
 * places, teams): headings may keep their capitals. Only that key is read here; the file's other
 * keys belong to the vocabulary loader and are left alone, so this reader can be folded into it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isMap, LineCounter, parseDocument } from 'yaml';

export const VOCABULARY = 'vocabulary.yaml';

/** The part of vocabulary.yaml this reader owns; any other key is allowed. */
export const vocabularyNames = z.looseObject({
  /** Proper nouns that keep their capitals in sentence-case headings, e.g. `Harbour Road depot`. */
  names: z.array(z.string().trim().min(1, { error: 'must be a name, not an empty string' })).default([]),
});

/**
 * The `names` of a content folder's vocabulary.yaml: none when the file or the key is absent. A
 * problem names the file, the line and the field, and says what is allowed.
 */
export function readVocabularyNames(contentDir: string): string[] {
  const file = path.join(contentDir, VOCABULARY);
  if (!existsSync(file)) return [];
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new Error(`${file}:${lineOf(error.pos[0])}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error(`${file}:1: expected a map of keys (such as "names:"), not a ${Array.isArray(doc.toJS()) ? 'list' : 'value'}.`);
  const result = vocabularyNames.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data.names;
  const problems = result.error.issues.map((issue) => {
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    return `${file}:${lineOf(node?.range?.[0])}: ${issue.path.join('.')}: ${issue.message}; expected "names:" to be a list of names, e.g. "names: [Harbour Road depot]"`;
  });
  throw new Error(problems.join('\n'));
}
