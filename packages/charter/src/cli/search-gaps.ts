/**
 * charter search-gaps [--db charter-acks.sqlite] [--from browser-searches.json ...] [--min-count n] [--out review.yaml]
 * charter search-gaps --apply review.yaml [--queries tests/search/queries.yaml]
 *
 * Turns the searches that found nothing into a review file of candidate search phrases and
 * search-eval cases; only --apply, after the editor's review, writes into the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  browserSearchExport,
  evalCasesYaml,
  groupSearchGaps,
  phraseEntriesYaml,
  reviewedCandidate,
  reviewYaml,
  searchesOfExport,
  type FailedSearch,
} from '../lib/acks/search-gaps.ts';
import { AckStore, AckStoreRefused, DEFAULT_ACK_DB } from '../lib/acks/store.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { dataFileRefusal, optionalFile, readDataListOrRefuse, validateList } from '../lib/data-files.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { searchPhrase } from '../lib/schemas.ts';
import { describeIssue } from '../lib/validation.ts';
import { CommandFailed, parseFlags } from './command.ts';

export const USAGE = `Usage: charter search-gaps [--db <file>] [--from <browser-export.json>]... [--min-count <n>] [--out <review.yaml>]
       charter search-gaps --apply <review.yaml> [--queries <queries.yaml>]

  Groups the searches that found nothing (recorded by charter ack-server, and/or exported from
  readers' browsers) by their words, counts them, and writes a review file: one candidate
  search-phrases.yaml entry per group, with the handbook's word (means) and the chapter it should
  find (expect) left for the editor to fill in. Nothing is written into the content until the
  editor applies the reviewed file with --apply.

Options:
  --db <file>          the database charter ack-server writes (default: ${DEFAULT_ACK_DB} here, when it exists)
  --from <file.json>   a browser's list of failed searches: [{"query", "edition", "count"?}] or
                       {"searches": [...]}; may be given more than once
  --min-count <n>      leave out groups searched fewer than n times (default 1)
  --out <file>         write the review file there instead of standard output
  --apply <file>       check a reviewed file and add its entries to the content's search-phrases.yaml
  --queries <file>     with --apply: also add the entries with an expect to this search-eval query file`;

function fail(message: string, code = 2): never {
  throw new CommandFailed('charter search-gaps', message, code);
}

function parseSearchGapArgs(argv: readonly string[], cwd: string) {
  const values = parseFlags(
    argv,
    {
      db: { type: 'string' },
      from: { type: 'string', multiple: true },
      'min-count': { type: 'string' },
      out: { type: 'string' },
      apply: { type: 'string' },
      queries: { type: 'string' },
    },
    USAGE,
    fail,
  );
  const minCount = values['min-count'] === undefined ? 1 : Number(values['min-count']);
  if (!Number.isInteger(minCount) || minCount < 1) fail(`--min-count must be a whole number from 1, not "${values['min-count']}".\n\n${USAGE}`);
  if (values.apply !== undefined && (values.db !== undefined || values.from !== undefined || values.out !== undefined || values['min-count'] !== undefined)) {
    fail(`--apply takes a reviewed file (and --queries), not --db, --from, --min-count or --out: make the review file first, then apply it.\n\n${USAGE}`);
  }
  if (values.queries !== undefined && values.apply === undefined)
    fail(`--queries goes with --apply: it names the search-eval file the reviewed cases are added to.\n\n${USAGE}`);
  const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(cwd, file));
  return {
    db: resolve(values.db),
    from: (values.from ?? []).map((file) => path.resolve(cwd, file)),
    minCount,
    out: resolve(values.out),
    apply: resolve(values.apply),
    queries: resolve(values.queries),
  };
}

/** "entry 3: query must be a string": the list's index counted from 1, as an editor counts. */
function entryIssue(issue: { code: string; path: PropertyKey[]; message: string }): string {
  const at = issue.path.findIndex((key) => typeof key === 'number');
  if (at < 0) return describeIssue(issue);
  return `entry ${(issue.path[at] as number) + 1}: ${describeIssue({ ...issue, path: issue.path.slice(at + 1) })}`;
}

/** A browser export, refused with what is wrong and where. */
export function readBrowserExport(file: string): FailedSearch[] {
  if (!existsSync(file)) fail(`there is no file ${file} to read failed searches from.`, 1);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message}`, 1);
  }
  const result = browserSearchExport.safeParse(json);
  if (!result.success) {
    // The union reports its own branches; the branch that fits the file's top-level shape says more.
    const branch = Array.isArray(json) ? browserSearchExport.options[0] : browserSearchExport.options[1];
    const issues = branch.safeParse(json).error?.issues ?? result.error.issues;
    fail(`${file} is not a list of failed searches:\n${issues.map((issue) => `  ${entryIssue(issue)}`).join('\n')}`, 1);
  }
  return searchesOfExport(result.data);
}

async function recordedSearches(file: string): Promise<FailedSearch[]> {
  let store: AckStore;
  try {
    store = await AckStore.open(file, { create: false });
  } catch (error) {
    if (error instanceof AckStoreRefused) fail(error.message, 1);
    throw error;
  }
  try {
    return store.searchGaps().map((row) => ({ query: row.query, edition: row.edition }));
  } finally {
    store.close();
  }
}

function apply(reviewFile: string, queriesFile: string | undefined, contentDir: string): number {
  if (!existsSync(reviewFile)) fail(`there is no review file at ${reviewFile}: make one with charter search-gaps --out ${path.basename(reviewFile)}.`, 1);
  const reviewed = validateList(readFileSync(reviewFile, 'utf8'), path.basename(reviewFile), reviewedCandidate, {
    required: true,
    purpose: 'a reviewed candidate',
  });
  const problems = reviewed.problems.map((p) => p);
  const phrasesFile = path.join(contentDir, 'search-phrases.yaml');
  const existing = readDataListOrRefuse(contentDir, 'search-phrases.yaml', searchPhrase, optionalFile('search-phrases.yaml'));
  const ids = new Set(existing.map((p) => p.id));
  const phrases = new Set(existing.map((p) => p.phrase.toLowerCase()));
  const duplicates: string[] = [];
  for (const candidate of reviewed.entries) {
    if (ids.has(candidate.id)) duplicates.push(`id "${candidate.id}" is already in search-phrases.yaml: give the entry another id`);
    if (phrases.has(candidate.phrase.toLowerCase())) duplicates.push(`the phrase "${candidate.phrase}" is already in search-phrases.yaml: delete the entry`);
    ids.add(candidate.id);
    phrases.add(candidate.phrase.toLowerCase());
  }
  if (problems.length > 0 || duplicates.length > 0) {
    const located = problems.length > 0 ? dataFileRefusal(reviewFile, problems) : '';
    fail(`nothing was written: ${[located, ...duplicates.map((d) => `${reviewFile}: ${d}`)].filter(Boolean).join('\n')}`, 1);
  }
  if (queriesFile !== undefined && !existsSync(queriesFile)) fail(`there is no search-eval query file at ${queriesFile}: nothing was written.`, 1);
  const writes = new Map<string, string>();
  const append = (file: string, text: string, header: string) => {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : header;
    writes.set(file, `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${text}`);
  };
  append(phrasesFile, phraseEntriesYaml(reviewed.entries), "# Everyday words staff type into search, and the handbook's words for them.\n");
  const cases = evalCasesYaml(reviewed.entries);
  if (queriesFile !== undefined && cases) append(queriesFile, `\n# From charter search-gaps\n${cases}`, '');
  writeFilesAtomically(writes);
  const caseCount = queriesFile && cases ? cases.split('\n- q:').length : 0;
  process.stdout.write(
    `charter search-gaps: added ${reviewed.entries.length} phrase(s) to ${phrasesFile}${queriesFile ? ` and ${caseCount} search-eval case(s) to ${queriesFile}` : ''}.\n`,
  );
  return 0;
}

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseSearchGapArgs(argv, process.cwd());
  const contentDir = resolveContentDir();
  if (options.apply) return apply(options.apply, options.queries, contentDir);

  const defaultDb = path.resolve(DEFAULT_ACK_DB);
  const db = options.db ?? (existsSync(defaultDb) ? defaultDb : undefined);
  if (!db && options.from.length === 0) {
    fail(
      `there is nothing to read: no ${DEFAULT_ACK_DB} here, and no --db or --from. Pass --db with the file charter ack-server writes, or --from with a browser's export.\n\n${USAGE}`,
    );
  }
  const searches = [...(db ? await recordedSearches(db) : []), ...options.from.flatMap(readBrowserExport)];
  const groups = groupSearchGaps(searches).filter((g) => g.count >= options.minCount);
  const existing = readDataListOrRefuse(contentDir, 'search-phrases.yaml', searchPhrase, optionalFile('search-phrases.yaml'));
  const sources = [db ? path.basename(db) : undefined, ...options.from.map((f) => path.basename(f))].filter(Boolean).join(', ');
  const review = reviewYaml(groups, existing, sources);
  if (options.out) {
    writeFilesAtomically(new Map([[options.out, review]]));
    process.stderr.write(
      `charter search-gaps: wrote ${groups.length} group(s) of ${groups.reduce((sum, g) => sum + g.count, 0)} search(es) to ${options.out}; review it, then run charter search-gaps --apply ${path.basename(options.out)}\n`,
    );
  } else process.stdout.write(review);
  return 0;
}
