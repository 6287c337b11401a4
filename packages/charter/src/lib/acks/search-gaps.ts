/**
 * Searches that found nothing, turned into what an editor can act on: candidate entries for
 * `search-phrases.yaml` (what staff typed → the handbook's word, which the editor fills in) and
 * search-eval cases (the query → the chapter that should come first). Similar queries are grouped
 * ("lost parcels", "parcel lost?", "lost parcle") and counted, the most frequent first. Pure.
 */
import { z } from 'astro/zod';
import { isSpellingFix, meaningTokens } from '../diff/material.ts';
import { isValidSlug } from '../chapter-files.ts';
import { searchPhrase, type SearchPhrase } from '../schemas.ts';

/** A failed search as the browser keeps it (exported from localStorage) or the endpoint recorded it. */
export interface FailedSearch {
  query: string;
  edition: string;
  /** How many times it was searched, when the browser kept a count. */
  count?: number;
}

const browserSearch = z.object({
  query: z.string({ error: 'must be a string, the words searched for' }),
  edition: z.string({ error: 'must be a string, the edition id such as "2026.1"' }),
  /** When it was last searched, as the browser keeps it under `charter:search-gaps`; not used. */
  at: z.string({ error: 'must be a string, an ISO date and time' }).optional(),
  count: z.number({ error: 'must be a whole number of searches' }).int({ error: 'must be a whole number of searches' }).min(1).optional(),
});

/** The JSON a browser export holds: a list of searches, or `{ "searches": [...] }`. */
export const browserSearchExport = z.union([z.array(browserSearch), z.object({ searches: z.array(browserSearch) })], {
  error: 'must be a list of {"query", "edition"} objects, or an object {"searches": [...]} holding one',
});

export function searchesOfExport(value: z.infer<typeof browserSearchExport>): FailedSearch[] {
  return (Array.isArray(value) ? value : value.searches).map((s) => ({ query: s.query, edition: s.edition, ...(s.count ? { count: s.count } : {}) }));
}

/** Words that do not tell one search from another. */
const STOP_WORDS = new Set(
  'a an the to of for i me my we our you your do does did how what when where who why is are am be can could should in on at by with and or it this that there about if'.split(
    ' ',
  ),
);

/** The words of a query that carry its meaning, each in a plain form ("parcels" → "parcel"). */
export function queryWords(query: string): string[] {
  const tokens = meaningTokens(query);
  const words = tokens.filter((token) => !STOP_WORDS.has(token)).map((token) => (token.length > 3 && /[^s]s$/.test(token) ? token.slice(0, -1) : token));
  return words.length > 0 ? words : tokens;
}

export interface SearchGapGroup {
  /** The words of the form searched most often, as they would go into search-phrases.yaml. */
  phrase: string;
  count: number;
  /** Each form searched, with how often. */
  forms: { query: string; count: number }[];
  editions: string[];
}

const displayForm = (query: string) => query.trim().replace(/\s+/g, ' ').toLowerCase();

/** What goes into search-phrases.yaml for a query: its words without punctuation or words like "how do i". */
export function phraseOf(query: string): string {
  const tokens = meaningTokens(query).filter((token) => !/^[\p{S}%‰#]$/u.test(token));
  const words = tokens.filter((token) => !STOP_WORDS.has(token));
  return (words.length > 0 ? words : tokens).join(' ');
}

/** Groups searches by their meaning words (in any order), then merges groups one spelling fix apart. */
export function groupSearchGaps(searches: readonly FailedSearch[]): SearchGapGroup[] {
  const groups = new Map<string, { words: string[]; forms: Map<string, number>; editions: Set<string> }>();
  for (const search of searches) {
    const form = displayForm(search.query);
    if (!form) continue;
    const words = [...new Set(queryWords(form))].sort();
    const key = words.join(' ');
    const group = groups.get(key) ?? { words, forms: new Map(), editions: new Set() };
    group.forms.set(form, (group.forms.get(form) ?? 0) + (search.count ?? 1));
    group.editions.add(search.edition);
    groups.set(key, group);
  }
  const size = (g: { forms: Map<string, number> }) => [...g.forms.values()].reduce((a, b) => a + b, 0);
  // Larger groups absorb the ones that differ from them by a misspelt word.
  const ordered = [...groups.values()].sort((a, b) => size(b) - size(a));
  const merged: typeof ordered = [];
  for (const group of ordered) {
    const into = merged.find((m) => m.words.length === group.words.length && m.words.every((word, i) => isSpellingFix(word, group.words[i]!)));
    if (!into) {
      merged.push(group);
      continue;
    }
    for (const [form, count] of group.forms) into.forms.set(form, (into.forms.get(form) ?? 0) + count);
    for (const edition of group.editions) into.editions.add(edition);
  }
  return merged
    .map((group) => {
      const forms = [...group.forms]
        .map(([query, count]) => ({ query, count }))
        .sort((a, b) => b.count - a.count || a.query.length - b.query.length || a.query.localeCompare(b.query));
      return { phrase: phraseOf(forms[0]!.query), count: size(group), forms, editions: [...group.editions].sort() };
    })
    .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
}

/** A kebab-case id for a phrase that no existing entry has. */
export function phraseId(phrase: string, taken: Set<string>): string {
  const base =
    meaningTokens(phrase)
      .join('-')
      .normalize('NFKD')
      .replace(/[^a-z0-9-]+/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'search';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const yamlString = (text: string) => JSON.stringify(text);

/**
 * An entry of the review file: a search phrase (the schema of search-phrases.yaml, with `means`
 * filled in by the editor) and, optionally, the chapter the query should find first.
 */
export const reviewedCandidate = searchPhrase.extend({
  means: z.string({ error: "is required: the handbook's word for the phrase" }).trim().min(1, {
    error: "is empty: write the handbook's word for the phrase (a glossary term, or the word chapters use), or delete the entry",
  }),
  expect: z
    .string()
    .refine((value) => value === '' || isValidSlug(value.replace(/#.*$/, '')), {
      error: 'must be a chapter path such as "procedures/telephone" (the chapter this query should find first), or ""',
    })
    .optional(),
  /** The query as staff typed it, for the search-eval case; the phrase when absent. */
  q: z.string().trim().min(1).optional(),
});
export type ReviewedCandidate = z.infer<typeof reviewedCandidate>;

/**
 * The review file: the candidates as a YAML list the editor edits (fill in `means`, and `expect`
 * for a search-eval case; delete what is not worth adding), then applies with
 * `charter search-gaps --apply`. Groups whose phrase search-phrases.yaml already has are listed in
 * a comment, not as candidates.
 */
export function reviewYaml(groups: readonly SearchGapGroup[], existing: readonly SearchPhrase[], sources: string): string {
  const known = new Set(existing.map((p) => phraseOf(p.phrase)));
  const taken = new Set(existing.map((p) => p.id));
  const fresh = groups.filter((g) => !known.has(g.phrase));
  const already = groups.filter((g) => known.has(g.phrase));
  const searches = groups.reduce((sum, g) => sum + g.count, 0);
  const lines = [
    `# Searches that found nothing: ${searches} from ${sources}, in ${groups.length} group(s) of similar queries.`,
    "# Review before applying: in `means` write the handbook's word for each phrase (a glossary term or",
    '# the word chapters use); in `expect` the chapter it should find first (e.g. procedures/telephone),',
    '# which makes it a search-eval case too, or leave it ""; delete entries not worth adding. Then run',
    '#   charter search-gaps --apply <this file> [--queries tests/search/queries.yaml]',
    '# which checks every entry and adds the phrases to search-phrases.yaml (and the cases to the queries).',
  ];
  if (already.length) lines.push(`# Already in search-phrases.yaml: ${already.map((g) => `"${g.phrase}" (${g.count})`).join(', ')}`);
  if (fresh.length === 0) lines.push('# No new candidates.', '[]');
  for (const group of fresh) {
    // The eval case asks the query as staff typed it most often; the phrase is its words.
    const forms = group.forms.map((f) => `"${f.query}" ×${f.count}`).join(', ');
    lines.push(`# ${group.count} search(es) in ${group.editions.join(', ')}: ${forms}`);
    lines.push(
      `- id: ${phraseId(group.phrase, taken)}`,
      `  phrase: ${yamlString(group.phrase)}`,
      '  means: ""',
      '  expect: ""',
      `  q: ${yamlString(group.forms[0]!.query)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** search-phrases.yaml entries for reviewed candidates, to append to the file. */
export function phraseEntriesYaml(candidates: readonly ReviewedCandidate[]): string {
  return candidates.map((c) => `- id: ${c.id}\n  phrase: ${yamlString(c.phrase)}\n  means: ${yamlString(c.means)}\n`).join('');
}

/** Search-eval cases (tests/search/queries.yaml) for the reviewed candidates that name a chapter. */
export function evalCasesYaml(candidates: readonly ReviewedCandidate[]): string {
  return candidates
    .filter((c) => c.expect)
    .map((c) => `- q: ${yamlString(c.q ?? c.phrase)}\n  expect: ${c.expect}\n`)
    .join('');
}
