/**
 * `vocabulary.yaml`: an organization's own kinds of chapter, touchpoints and audiences, in the
 * content folder. The file and each of its keys are optional; a list left out is the default one
 * (src/lib/vocabulary.ts). Read once per content folder (and again when the file changes) by
 * `readVocabulary`, which the build, the checker and the command line all call, so every reader
 * of the handbook works from the same words.
 *
 *   touchpoints: [{ id: sms, label: Text message, words: [text, sms, mobile] }]  # words: search boost
 *   audiences: [{ id: support-team, label: Support team }]
 *   types: [{ id: procedure, label: Procedures, sections: [When this applies, Steps] }]  # required h2s, in order
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ContentRefused, displayPath, formatProblem, yamlSpanProblem, type GateProblem } from '../gate/problem.ts';
import { DEFAULT_VOCABULARY, VOCABULARY_FILE, type Vocabulary, type VocabularyList } from './vocabulary.ts';
import { describeIssue, type Issue } from './validation.ts';

const id = z.string({ error: 'is required: a lowercase id such as "live-chat" (letters, digits and hyphens)' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a lowercase id; write letters, digits and single hyphens, such as "live-chat"`,
});

const label = z
  .string({ error: 'is required: the name readers see, such as "Live chat"' })
  .trim()
  .min(1, { error: 'must not be empty: write the name readers see, such as "Live chat"' });

const nonEmptyText = (what: string) =>
  z
    .string({ error: `must be text: ${what}` })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });

const touchpointEntry = z.strictObject(
  {
    id,
    label,
    /** Everyday words that point at this touchpoint in a search question, e.g. `[text, sms]`. */
    words: z.array(nonEmptyText('one word a reader might type').toLowerCase(), { error: 'must be a list of words, such as [text, sms]' }).default([]),
  },
  { error: unknownKeys('id, label, words') },
);
export type TouchpointEntry = z.infer<typeof touchpointEntry>;

const audienceEntry = z.strictObject({ id, label }, { error: unknownKeys('id, label') });
export type AudienceEntry = z.infer<typeof audienceEntry>;

const chapterTypeEntry = z.strictObject(
  {
    id,
    label,
    /** The h2 sections every chapter of this type has, in this order. */
    sections: z
      .array(nonEmptyText('the heading of one section'), { error: 'must be a list of section headings, such as [When this applies, Steps]' })
      .min(1, { error: 'needs at least one section heading; leave "sections" out for a type without required sections' })
      .superRefine((sections, ctx) => {
        repeated(sections.map((s) => s.toLowerCase())).forEach((index) =>
          ctx.addIssue({ code: 'custom', path: [index], message: `"${sections[index]}" is listed twice; list each section once` }),
        );
      })
      .optional(),
  },
  { error: unknownKeys('id, label, sections') },
);
export type ChapterTypeEntry = z.infer<typeof chapterTypeEntry>;

/**
 * A list of entries with unique ids; at least one, since chapters must name one of them. The
 * uniqueness check runs even when an entry is invalid, so one run reports every problem.
 */
function entryList<T extends { id: string }>(entry: z.ZodType<T, unknown>, what: string) {
  return z
    .array(entry, { error: `must be a list of ${what}, each written as { id: …, label: … }` })
    .min(1, { error: `needs at least one entry; leave the key out to use the default ${what}` })
    .check(
      z.superRefine(
        (entries: unknown[], ctx) => {
          const ids = entries.map((e) => (e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string' ? (e as { id: string }).id : undefined));
          repeated(ids).forEach((index) =>
            ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${ids[index]}" is used by an earlier entry; each id must be unique` }),
          );
        },
        // Also when an entry failed (but never on a value that is not a list at all).
        { when: (payload) => Array.isArray(payload.value) },
      ),
    );
}

/** Indexes of the values that repeat an earlier one (missing values repeat nothing). */
function repeated(values: readonly (string | undefined)[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => (value === undefined ? [] : seen.has(value) ? [index] : (seen.add(value), [])));
}

export const vocabularyFile = z.strictObject(
  {
    touchpoints: entryList(touchpointEntry, 'touchpoints').optional(),
    audiences: entryList(audienceEntry, 'audiences').optional(),
    types: entryList(chapterTypeEntry, 'chapter types').optional(),
    /** Proper nouns that keep their capitals in sentence-case headings: products, places, teams. */
    names: z.array(nonEmptyText('a name, such as Harbour Road depot'), { error: 'must be a list of names, such as [Harbour Road depot]' }).optional(),
  },
  { error: unknownKeys('touchpoints, audiences, types, names') },
);
export type VocabularyFile = z.infer<typeof vocabularyFile>;

function unknownKeys(allowed: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys!.map((k) => `"${k}"`).join(', ')}; allowed keys are ${allowed}` : undefined;
}

/** The vocabulary a parsed file gives: each list it has, the default for each it leaves out. */
export function resolveVocabulary(file: VocabularyFile): Vocabulary {
  const lists: VocabularyList[] = ['touchpoints', 'audiences', 'types'];
  return {
    touchpoints: file.touchpoints ?? DEFAULT_VOCABULARY.touchpoints,
    audiences: file.audiences ?? DEFAULT_VOCABULARY.audiences,
    types: file.types ?? DEFAULT_VOCABULARY.types,
    names: file.names ?? [],
    fromFile: lists.filter((list) => file[list] !== undefined),
  };
}

export const VOCABULARY_RULE = 'vocabulary';

export interface VocabularyReading {
  /** The file's path (whether or not it exists). */
  file: string;
  /** The vocabulary, when the file is absent or valid. */
  vocabulary: Vocabulary | undefined;
  /** Every problem of the file, located; empty when the vocabulary is usable. */
  problems: GateProblem[];
}

/** Checks the text of a vocabulary.yaml: the vocabulary it gives, or all of its problems, located. */
export function parseVocabulary(text: string, file = VOCABULARY_FILE): VocabularyReading {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const place = (start: number, end: number, message: string) => yamlSpanProblem(lines, VOCABULARY_RULE, start, end, message);
  if (document.errors.length > 0) {
    return {
      file,
      vocabulary: undefined,
      problems: document.errors.map((error) => place(error.pos[0], error.pos[1], `${VOCABULARY_FILE} is not valid YAML: ${error.message.split('\n')[0]}`)),
    };
  }
  const data: unknown = document.toJS({ maxAliasCount: 50 }) ?? {};
  const result = vocabularyFile.safeParse(data);
  if (result.success) return { file, vocabulary: resolveVocabulary(result.data), problems: [] };
  const problems = result.error.issues.map((issue) => {
    const [start, end] = rangeOf(document, issue.path, issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.[0] : undefined);
    const field = issue.path.map(String).join('.');
    const message = !field
      ? issue.code === 'invalid_type'
        ? `${VOCABULARY_FILE} must hold the keys touchpoints, audiences, types and names (each optional), not a ${Array.isArray(data) ? 'list' : 'single value'}`
        : issue.message
      : describeIssue(issue as Issue);
    return place(start, end, message);
  });
  return { file, vocabulary: undefined, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** Where an issue's value (or its unknown key) is written; the nearest written parent when it is missing. */
function rangeOf(document: Document, issuePath: readonly PropertyKey[], unknownKey: string | undefined): [number, number] {
  const keys = issuePath.map((key) => (typeof key === 'number' ? key : String(key)));
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(keys.slice(0, depth), true);
    if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    if (depth === keys.length && unknownKey !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === unknownKey);
      if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
    }
    const range = node.range as [number, number, number];
    return [range[0], range[1]];
  }
  return [0, 0];
}

/** Reads a content folder's vocabulary.yaml; the defaults when there is none. */
export function loadVocabulary(contentDir: string): VocabularyReading {
  const file = path.join(contentDir, VOCABULARY_FILE);
  if (!existsSync(file)) return { file, vocabulary: DEFAULT_VOCABULARY, problems: [] };
  return { ...parseVocabulary(readFileSync(file, 'utf8')), file };
}

/** A vocabulary.yaml the build cannot use; the message lists every problem, located. */
export class VocabularyRefused extends ContentRefused {
  readonly problems: readonly GateProblem[];
  readonly file: string;
  constructor(reading: VocabularyReading, cwd = process.cwd()) {
    const display = displayPath(cwd, reading.file);
    super(
      `The handbook's vocabulary file cannot be used:\n  ${reading.problems.map((p) => formatProblem(display, p)).join('\n  ')}\n` +
        `Fix ${VOCABULARY_FILE}, or delete it to use the default touchpoints, audiences and chapter types.`,
      [{ file: reading.file, problems: reading.problems }],
    );
    this.name = 'VocabularyRefused';
    this.stack = `${this.name}: ${this.message}`;
    this.problems = reading.problems;
    this.file = reading.file;
  }
}

// Kept on globalThis: Astro loads the integration and the content config as separate module
// instances, and both must read the file once, the same way.
const cache = ((globalThis as Record<symbol, unknown>)[Symbol.for('charter.vocabulary')] ??= new Map()) as Map<
  string,
  { stamp: string; reading: VocabularyReading }
>;

/** A content folder's vocabulary reading, from the cache while the file has not changed. */
export function vocabularyReading(contentDir: string): VocabularyReading {
  const key = path.resolve(contentDir);
  const file = path.join(key, VOCABULARY_FILE);
  const stamp = existsSync(file) ? `${statSync(file).mtimeMs}:${statSync(file).size}` : '-';
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp) return cached.reading;
  const reading = loadVocabulary(key);
  cache.set(key, { stamp, reading });
  return reading;
}

/** The vocabulary of a content folder; throws VocabularyRefused, listing every problem, when the file is bad. */
export function readVocabulary(contentDir: string): Vocabulary {
  const reading = vocabularyReading(contentDir);
  if (!reading.vocabulary) throw new VocabularyRefused(reading);
  return reading.vocabulary;
}
