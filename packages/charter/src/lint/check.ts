/**
 * Runs the checker over files or in-memory text and turns vfile messages into LintMessages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { VFile } from 'vfile';
import { resolveContentDir } from '../lib/content-dir.ts';
import { DEFAULT_LANG } from '../lib/project-config.ts';
import { isoDate, reviewToday } from '../lib/review.ts';
import { ResultCache, runKey } from './cache.ts';
import { cacheFileFor, sha1 } from './cache-file.ts';
import { answerAgain, editionIndex, recordingIndex, snapshotIndex, type EditionIndex, type IndexRead } from './edition-index.ts';
import type { FileContext } from './file-context.ts';
import { editsOf, recordMessageEdits } from './fixes.ts';
import { findEdition, loadHandbookData, type HandbookData } from './handbook-data.ts';
import { readAtCommit, resolveCommit } from './git.ts';
import { checkInParallel, sameTextsTogether, stopEarlyWorkers, threadCount, type Job } from './parallel.ts';
import { displayPath } from '../gate/problem.ts';
import { isChapterFile, unexpectedFileMessage } from '../lib/chapter-files.ts';
import { contentFolderProblems } from '../lib/content-check.ts';
import type { GateProblem } from '../gate/index.ts';
import { readChapterSources, readPathShortLinks, strayFiles, structureProblems } from '../lib/structure.ts';
import { vocabularyReading } from '../lib/vocabulary-file.ts';
import { linterFor } from './processor.ts';
// Loads project.ts, which lets rules find their context outside a run (remark, the editor).
import './project.ts';
import { GATE_SOURCE } from './gate-step.ts';
import { batchReadings, type ChapterReading } from './readings.ts';
import { applyRuleSettings, configuredOptions, readabilityAudienceProblems, type CheckerConfig, type ReadabilitySettings } from './rule-settings.ts';
import type { ForcedError } from './rules/lint-comments.ts';
import { CONTROLLABLE_RULE_IDS, MDX_SYNTAX_RULE } from './rules/index.ts';
import type { CheckOptions, Edit, LintMessage } from './types.ts';

/** A problem with how the checker was called (a path that does not exist, a bad date or ref). */
export class UsageError extends Error {}

export interface FileResult {
  messages: LintMessage[];
  /** The edits of each fixable message, one group per message. */
  fixes: Edit[][];
  /**
   * The edits of each message, by its index in `messages` (null without a fix): a result that comes
   * back from a worker thread or the cache is a copy, which the edits recorded on the original
   * (fixes.ts) do not follow.
   */
  edits: (Edit[] | null)[];
  /** What the rules asked about other chapters (for the result cache). */
  reads: IndexRead[];
}

/** Settings resolved once for a whole run. */
export interface CheckRun {
  root: string;
  contentDir: string;
  handbook: HandbookData;
  today: Date;
  /** The content's language and the organization's name (see CheckOptions). */
  lang: string;
  organization: string | undefined;
  /** The edition's index for this run. */
  indexOf(edition: string): EditionIndex;
  check(absolutePath: string, source: string, rules?: readonly string[]): Promise<FileResult>;
  /**
   * Checks jobs one after another, as `check` would, reading each distinct text once and the next
   * few ahead (readings.ts): identical chapters of several editions share the gate's work and the
   * messages of the rules that only read the text.
   */
  checkBatch(jobs: readonly Job[]): Promise<FileResult[]>;
  /** What the rules know about a file of this run (for a file checked outside `check`). */
  contextOf(absolutePath: string): FileContext;
}

/** The project root and content folder a run checks. */
function runFolders(options: CheckOptions): { root: string; contentDir: string } {
  const root = path.resolve(options.root ?? process.cwd());
  return { root, contentDir: options.contentDir ? path.resolve(root, options.contentDir) : resolveContentDir(process.env, root) };
}

/**
 * The problems of the content folder's vocabulary.yaml, as messages on that file; none when it is
 * absent or valid. Chapters are not checked against a vocabulary that cannot be read: every
 * message would be about the wrong words.
 */
export function vocabularyMessages(options: CheckOptions = {}): LintMessage[] {
  const { root, contentDir } = runFolders(options);
  const reading = vocabularyReading(contentDir);
  const file = displayPath(root, reading.file);
  return reading.problems.map((problem) => gateMessage(file, problem));
}

export function createRun(options: CheckOptions = {}): CheckRun {
  const { root, contentDir } = runFolders(options);
  const handbook = loadHandbookData(contentDir);
  const today = todayOf(options.today);
  const lang = options.lang ?? DEFAULT_LANG;
  const organization = options.organization;
  const readability = readabilitySettingsFor(options, handbook);
  const readBase = baseReader(options, root);
  const baseLabel = options.baseLabel ?? options.baseRef ?? 'the base';
  // One index per edition for the whole run: the files do not change while it runs (--fix starts a
  // new run after writing).
  const indexes = new Map<string, EditionIndex>();
  const indexOf = (edition: string) => {
    let index = indexes.get(edition);
    if (!index) indexes.set(edition, (index = snapshotIndex(editionIndex(contentDir, edition))));
    return index;
  };
  const check = async (absolutePath: string, source: string, rules = options.rules, reading?: ChapterReading): Promise<FileResult> => {
    const reads: IndexRead[] = [];
    const stray = notAChapter(contentDir, root, absolutePath);
    if (stray) return { messages: [stray], fixes: [], edits: [null], reads };
    const settings = { today, lang, organization, readability, ruleSettings: options.ruleSettings };
    const context = () =>
      fileContext(handbook, absolutePath, options.edition, settings, readBase, baseLabel, (edition) => recordingIndex(indexOf(edition), reads));
    return checkOne(absolutePath, source, rules, context, root, reads, reading);
  };
  return {
    root,
    contentDir,
    handbook,
    today,
    lang,
    organization,
    indexOf,
    check,
    checkBatch: async (jobs) => {
      const readingAt = batchReadings(jobs, handbook.vocabulary);
      const results: FileResult[] = [];
      for (const [index, job] of jobs.entries()) results.push(await check(job.file, job.source, options.rules, readingAt(index)));
      return results;
    },
    contextOf: (absolutePath) =>
      fileContext(
        handbook,
        absolutePath,
        options.edition,
        { today, lang, organization, readability, ruleSettings: options.ruleSettings },
        readBase,
        baseLabel,
        indexOf,
      ),
  };
}

/**
 * The readability thresholds of the config (they travel to worker threads inside `ruleSettings`). A
 * threshold for an audience the vocabulary does not list is a usage error, found before any check.
 */
function readabilitySettingsFor(options: CheckOptions, handbook: HandbookData): ReadabilitySettings | undefined {
  const settings = options.ruleSettings?.readability;
  // Thresholds given as the rule's options (for the handbook or an override) name audiences too.
  const asOptions = [options.ruleSettings?.rules, ...(options.ruleSettings?.overrides ?? []).map((o) => o.rules)].flatMap((rules) => {
    const setting = rules?.['readability'];
    return Array.isArray(setting) && setting[1] ? [setting[1] as ReadabilitySettings] : [];
  });
  const problems = [settings, ...asOptions].flatMap((each) => readabilityAudienceProblems(each, handbook.vocabulary));
  if (problems.length > 0) throw new UsageError(`Invalid site configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return settings;
}

/** The config's thresholds refined by the rule's options for a file: its minimum, and its audiences over the config's. */
function withReadabilityOptions(base: ReadabilitySettings | undefined, options: ReadabilitySettings | undefined): ReadabilitySettings | undefined {
  if (!options) return base;
  const minimum = options.minimum ?? base?.minimum;
  const audiences = base?.audiences || options.audiences ? { ...base?.audiences, ...options.audiences } : undefined;
  return { ...(minimum === undefined ? {} : { minimum }), ...(audiences ? { audiences } : {}) };
}

function todayOf(today: CheckOptions['today']): Date {
  if (today instanceof Date) return today;
  try {
    return reviewToday(today === undefined ? process.env : { CHARTER_TODAY: today });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function baseReader(options: CheckOptions, root: string): ((file: string) => string | null) | undefined {
  if (options.readBase) return options.readBase;
  if (!options.baseRef) return undefined;
  const ref = options.baseRef;
  let commit: string;
  try {
    commit = resolveCommit(root, ref);
  } catch {
    throw new UsageError(`"${ref}" is not a git ref (a branch, tag or commit) in ${root}.`);
  }
  return (file) => readAtCommit(commit, file);
}

/** The draft's copy of a chapter as it is now; null when the draft has no such chapter. */
function draftTextOf(handbook: HandbookData, chapterFile: string): string | null {
  const draft = handbook.editions.find((e) => e.status === 'draft');
  const file = draft && path.join(handbook.contentDir, 'editions', draft.id, chapterFile);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function fileContext(
  handbook: HandbookData,
  absolutePath: string,
  editionOption: string | undefined,
  {
    today,
    lang,
    organization,
    readability,
    ruleSettings,
  }: { today: Date; lang: string; organization: string | undefined; readability: ReadabilitySettings | undefined; ruleSettings: CheckerConfig | undefined },
  readBase: ((file: string) => string | null) | undefined,
  baseLabel: string,
  indexOf: (edition: string) => EditionIndex,
): FileContext {
  const place = placeInEditions(handbook.contentDir, absolutePath);
  const edition = place?.edition ?? editionOption ?? handbook.currentEdition;
  const editionEntry = findEdition(handbook, edition);
  // Only archived and current chapters are compared with the base, so only they cost a git call.
  const compared = editionEntry?.status === 'archived' || editionEntry?.status === 'current';
  const baseSource = readBase && place && compared ? readBase(absolutePath) : undefined;
  const draftSource = editionEntry?.status === 'current' && place && baseSource !== undefined ? draftTextOf(handbook, place.chapterFile) : undefined;
  const ruleOptions = configuredOptions(ruleSettings, handbook.contentDir, absolutePath);
  return {
    handbook,
    edition,
    editionEntry,
    chapterFile: place?.chapterFile,
    index: indexOf(edition),
    today,
    lang,
    organization,
    baseSource,
    draftSource,
    baseLabel,
    readability: withReadabilityOptions(readability, ruleOptions['readability'] as ReadabilitySettings | undefined),
    ruleOptions,
    knownRuleIds: CONTROLLABLE_RULE_IDS,
  };
}

/**
 * A file in an edition folder that the build does not take for a chapter (`Notes.MD`, `x.markdown`)
 * is refused by name, as the build refuses it, whichever way it reached the checker: named on the
 * command line, by remark, or open in the editor.
 */
export function notAChapter(contentDir: string, root: string, absolutePath: string): LintMessage | undefined {
  const place = placeInEditions(contentDir, absolutePath);
  if (!place || isChapterFile(place.chapterFile)) return undefined;
  const message = unexpectedFileMessage(place.edition, place.chapterFile);
  return { file: displayPath(root, absolutePath), line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'chapter-files', severity: 'error', message };
}

/** The edition folder and the path below it, for a file inside `<content>/editions/`. */
export function placeInEditions(contentDir: string, absolutePath: string): { edition: string; chapterFile: string } | undefined {
  const relative = path.relative(path.join(contentDir, 'editions'), absolutePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [edition, ...rest] = relative.split(path.sep);
  return edition && rest.length > 0 ? { edition, chapterFile: rest.join('/') } : undefined;
}

async function checkOne(
  absolutePath: string,
  source: string,
  rules: readonly string[] | undefined,
  context: () => FileContext,
  root: string,
  reads: IndexRead[],
  reading: ChapterReading | undefined,
): Promise<FileResult> {
  const display = displayPath(root, absolutePath);
  const file = new VFile({ path: absolutePath, value: source });
  file.data.charter = context();
  if (reading) file.data.charterReading = reading;
  try {
    // The gate step replaces this empty tree with the checker's reading of the file.
    await linterFor(rules).run({ type: 'root', children: [] }, file);
  } catch (error) {
    // A rule that fails must not let the chapter through unchecked: the chapter is refused, named.
    const gate = file.messages.filter((message) => message.source === GATE_SOURCE).map((message) => toLintMessage(display, message));
    return { messages: [...gate, checkerFailure(display, error)], fixes: [], edits: [], reads };
  }
  // The gate's messages bypass the rule selection: safety, syntax and limits cannot be switched off.
  const kept = file.messages.filter(
    (message) => message.source === GATE_SOURCE || !rules || rules.includes(reportIdOf(message)) || rules.includes(message.ruleId ?? ''),
  );
  const messages = kept.map((message) => toLintMessage(display, message));
  const edits = kept.map((message) => {
    const recorded = editsOf(message);
    return recorded ? [...recorded] : null;
  });
  messages.forEach((message, i) => attachEdits(message, edits[i]));
  return {
    messages,
    fixes: edits.filter((group): group is Edit[] => group !== null),
    edits,
    reads,
  };
}

function attachEdits(message: LintMessage, edits: readonly Edit[] | null | undefined): void {
  if (edits) recordMessageEdits(message, edits);
}

function gateMessage(file: string, problem: GateProblem & { expected?: string }): LintMessage {
  const message: LintMessage = {
    file,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
    ruleId: problem.ruleId,
    severity: 'error',
    message: problem.message,
  };
  if (problem.expected !== undefined) message.expected = problem.expected;
  return message;
}

function checkerFailure(file: string, error: unknown): LintMessage {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    ruleId: MDX_SYNTAX_RULE.id,
    severity: 'error',
    message: `Could not check the chapter, so it is refused: the checker failed (${reason})`,
  };
}

/** `prose:<name>` for the retext suggestions, the rule id for everything else. */
/** Rules at level 2 mark their messages fatal; a lint comment that tries to turn off a build rule is forced to an error. */
export function isError(message: VFileMessage): boolean {
  return message.fatal === true || (message as ForcedError).forcedError === true;
}

export function reportIdOf(message: VFileMessage): string {
  return message.source === 'prose' ? `prose:${message.ruleId}` : (message.ruleId ?? 'unknown');
}

function toLintMessage(file: string, message: VFileMessage): LintMessage {
  const place = message.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : start;
  const line = start?.line ?? 1;
  const column = start?.column ?? 1;
  const result: LintMessage = {
    file,
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column,
    ruleId: reportIdOf(message),
    // Rules at level 2 mark their messages fatal; warnings and prose suggestions are not.
    severity: isError(message) ? 'error' : 'warning',
    message: message.reason,
  };
  const expected = message.expected?.[0];
  if (expected !== undefined) result.expected = expected;
  return result;
}

export { displayPath } from '../gate/problem.ts';

/** The chapter files named by paths (files, or folders searched for `.md` and `.mdx`), sorted, each once. */
export function expandPaths(paths: readonly string[], root: string): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    // One stat per path: a whole tree's run is given thousands of files.
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`No such file or folder: ${given}`);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(absolute, { recursive: true, encoding: 'utf8' })) {
        if (isChapterFile(entry)) files.add(path.join(absolute, entry));
      }
    } else {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** By file, then position, then rule, so output is stable. */
export function sortMessages(messages: readonly LintMessage[]): LintMessage[] {
  return [...messages].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
  );
}

/**
 * Checks files (and folders of `.md` and `.mdx` files); the whole content tree when `paths` is empty. With
 * the `cache` option, unchanged results are reused (see cache.ts); many files are checked on
 * several threads (see parallel.ts). `read` gives the text of chapters the caller has just read
 * from disk, by absolute path, so that they are not read again.
 */
export async function checkFiles(paths: readonly string[], options: CheckOptions = {}, read?: ReadonlyMap<string, string>): Promise<LintMessage[]> {
  const refused = vocabularyMessages(options);
  if (refused.length > 0) return refused;
  const run = createRun(options);
  const files = expandPaths(paths.length > 0 ? paths : [path.join(run.contentDir, 'editions')], run.root);
  const cache = openCache(run, options);
  const messages: LintMessage[] = [];
  const jobs: (Job & { hash: string })[] = [];
  // Kept for the checks between chapters below, which read every chapter of the editions; `read`
  // holds chapters the caller has just read (--changed, looking for links to changed chapters).
  const sources = new Map(read);
  for (const file of files) {
    const source = sources.get(file) ?? readFileSync(file, 'utf8');
    sources.set(file, source);
    const hash = cache ? sha1(source) : '';
    const cached = cache?.lookup(file, hash, (read) => answerAgain(run.indexOf(read.edition), read));
    if (cached) {
      cached.messages.forEach((message, i) => attachEdits(message, cached.edits?.[i]));
      messages.push(...cached.messages);
    } else jobs.push({ file, source, hash });
  }
  const results = await checkJobs(run, jobs, options);
  results.forEach((result, index) => {
    const job = jobs[index]!;
    result.messages.forEach((message, i) => attachEdits(message, result.edits[i]));
    messages.push(...result.messages);
    cache?.store(job.file, { hash: job.hash, reads: result.reads, messages: result.messages, edits: result.edits });
  });
  cache?.save();
  // Problems between chapters depend on every chapter of the edition: worked out each run, not cached.
  const folders = paths.length > 0 ? paths.filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory()) : [path.join(run.contentDir, 'editions')];
  messages.push(...structureMessages(run, files, sources), ...strayFileMessages(folders, options));
  return sortMessages(applyRuleSettings(messages, options.ruleSettings, run.root, run.contentDir));
}

/**
 * The problems between chapters (file names, one address twice, redirects, short links) that
 * concern the given files, from the same check the build's content loader runs. `texts` gives
 * text that is not (yet) on disk, such as an editor's buffer.
 */
export function structureMessages(run: CheckRun, files: readonly string[], texts: ReadonlyMap<string, string> = new Map()): LintMessage[] {
  // Files that are no chapter are refused by name (notAChapter) and take no part in the checks between chapters.
  const places = files
    .map((file) => ({ file, place: placeInEditions(run.contentDir, file) }))
    .filter(({ place }) => !place || isChapterFile(place.chapterFile));
  const editions = [...new Set(places.flatMap(({ place }) => (place ? [place.edition] : [])))];
  if (editions.length === 0) return [];
  const chapters = readChapterSources(run.contentDir, editions, texts).map((c) => {
    const text = texts.get(path.join(run.contentDir, 'editions', c.edition, c.file));
    return text === undefined ? c : { ...c, source: text };
  });
  for (const { file, place } of places) {
    const text = texts.get(file);
    if (place && text !== undefined && !chapters.some((c) => c.edition === place.edition && c.file === place.chapterFile))
      chapters.push({ edition: place.edition, file: place.chapterFile, source: text });
  }
  const problems = structureProblems(chapters, {
    shortLinks: readPathShortLinks(run.contentDir),
    edition: run.handbook.currentEdition,
    sections: run.handbook.sections,
    editions: run.handbook.editions.map((e) => e.id),
  });
  return places.flatMap(({ file, place }) =>
    place ? (problems.get(`${place.edition}/${place.chapterFile}`) ?? []).map((p) => gateMessage(displayPath(run.root, file), p)) : [],
  );
}

/**
 * Files in the edition folders under the given folders that are neither chapters nor files
 * chapters use: the build refuses them, so the checker names each one.
 */
export function strayFileMessages(folders: readonly string[], options: CheckOptions = {}): LintMessage[] {
  // No folder, no stray file: the edition folders are not even listed.
  if (folders.length === 0) return [];
  const { root, contentDir } = runFolders(options);
  const scopes = folders.map((given) => path.resolve(root, given));
  const inScope = (file: string) => scopes.some((scope) => file === scope || file.startsWith(scope + path.sep));
  return strayFiles(contentDir).flatMap((stray) => {
    const file = path.join(contentDir, 'editions', stray.edition, stray.file);
    return inScope(file) ? [gateMessage(displayPath(root, file), stray.problem)] : [];
  });
}

/**
 * The problems of the content folder as a whole that stop the build (editions, reading paths,
 * published addresses), as messages on the files that hold them: for runs over the whole tree.
 */
export function contentFolderMessages(options: CheckOptions = {}): LintMessage[] {
  const run = createRun(options);
  return contentFolderProblems(run.contentDir, run.handbook, run.indexOf).flatMap(({ file, problems }) =>
    problems.map((problem) => gateMessage(displayPath(run.root, file), problem)),
  );
}

/** The run's cache, when asked for and usable: not when comparing with a git base, which it does not record. */
function openCache(run: CheckRun, options: CheckOptions): ResultCache | undefined {
  if (options.cache === undefined || options.cache === false || options.baseRef || options.readBase) return undefined;
  const file = cacheFileFor(run.root, run.contentDir, options.cache);
  const key = runKey({
    root: run.root,
    contentDir: run.contentDir,
    today: isoDate(run.today),
    lang: run.lang,
    organization: run.organization ?? null,
    readability: options.ruleSettings?.readability ?? null,
    ruleSettings: options.ruleSettings ?? null,
    rules: options.rules,
    edition: options.edition,
  });
  return ResultCache.open(file, key);
}

async function checkJobs(run: CheckRun, jobs: readonly Job[], options: CheckOptions): Promise<FileResult[]> {
  // A `readBase` function cannot be handed to another thread.
  const threads = options.readBase ? 1 : threadCount(jobs.length, options.threads);
  if (threads > 1) {
    const { readBase: _readBase, cache: _cache, ...rest } = options;
    return checkInParallel(jobs, threads, { ...rest, root: run.root, contentDir: run.contentDir, today: run.today }, run.checkBatch);
  }
  // Workers the command started in case the run needed them (parallel.ts prestartWorkers) are not needed.
  stopEarlyWorkers();
  // One batch, each text's files together so that they share its reading.
  const order = sameTextsTogether(jobs);
  const checked = await run.checkBatch(order.map((index) => jobs[index]!));
  const results: FileResult[] = new Array(jobs.length);
  order.forEach((index, position) => (results[index] = checked[position]!));
  return results;
}

/** Checks text that is not (or not yet) on disk, such as an editor's buffer, as if it were `filePath`. */
export async function checkSource(source: string, filePath: string, options: CheckOptions = {}): Promise<LintMessage[]> {
  const refused = vocabularyMessages(options);
  if (refused.length > 0) return refused;
  return checkSourceInRun(createRun(options), source, filePath, options);
}

/**
 * checkSource in a run made before: a long-lived caller (the language server) keeps one run per
 * project and checks each new text of a buffer in it, instead of reading the handbook every time.
 */
export async function checkSourceInRun(run: CheckRun, source: string, filePath: string, options: CheckOptions): Promise<LintMessage[]> {
  const file = path.resolve(run.root, filePath);
  const messages = (await run.check(file, source)).messages;
  return sortMessages(
    applyRuleSettings([...messages, ...structureMessages(run, [file], new Map([[file, source]]))], options.ruleSettings, run.root, run.contentDir),
  );
}
