/**
 * The result cache of the command line (like ESLint's `--cache`): a chapter is checked again only
 * when something its result depends on changed. A result depends on
 *
 * - the run: the checker's own code and data, the installed packages, the glossary, phrases,
 *   manifest, reading paths and vocabulary, the content's language and the organization, the
 *   readability thresholds, "today" (review-due), the rules asked for, the root and content
 *   folder. Any change there starts the cache afresh (see `runKey`);
 * - the chapter's own text (its SHA-1);
 * - what the links rule asked the edition's index about other chapters (does `/x/` exist, which
 *   headings has it…): every question is asked again, and the result is reused only if every
 *   answer is the same (see `IndexRead` in edition-index.ts).
 *
 * Runs that compare with a git base (`--changed`) do not use it: archived-frozen reads the base.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST } from '../lib/content-files.ts';
import { VOCABULARY_FILE } from '../lib/vocabulary.ts';
import type { IndexRead } from './edition-index.ts';
import type { ReadabilitySettings } from './rule-settings.ts';
import type { Edit, LintMessage } from './types.ts';
import { engineVersion } from '../lib/engine-files.ts';
import { sha1 } from './cache-file.ts';

/** Bump when the file's layout changes. */
const FORMAT = 2;

export interface CachedResult {
  /** SHA-1 of the chapter's text. */
  hash: string;
  reads: IndexRead[];
  messages: LintMessage[];
  /** The fix of each message, by index (null without one). */
  edits?: (Edit[] | null)[];
}

interface CacheFile {
  format: number;
  key: string;
  results: Record<string, CachedResult>;
}

export interface RunKeyInputs {
  root: string;
  contentDir: string;
  /** "Today" as YYYY-MM-DD. */
  today: string;
  /** The content's language and the organization (spelling and heading names depend on them). */
  lang: string;
  organization: string | null;
  /** The config's rule settings: levels per folder and the rules' options (messages depend on them). */
  ruleSettings: unknown;
  /** The readability rule's thresholds from the config (its messages depend on them). */
  readability: ReadabilitySettings | null;
  rules: readonly string[] | undefined;
  edition: string | undefined;
}

/** Everything a whole run's results depend on, as one hash. */
export function runKey(inputs: RunKeyInputs): string {
  const data = ['glossary.yaml', 'phrases.yaml', MANIFEST, 'paths.yaml', 'sections.yaml', VOCABULARY_FILE].map(
    (name) => `${name}\n${readOrDash(path.join(inputs.contentDir, name))}`,
  );
  return sha1(JSON.stringify({ FORMAT, checker: checkerFingerprint(), data, ...inputs, rules: inputs.rules ? [...inputs.rules].sort() : null }));
}

let fingerprint: string | undefined;

/**
 * The engine's version and code (its checker and the library modules the checker imports, from
 * wherever the engine runs) and the project's installed package versions (package-lock.json).
 * Hashing every file is simpler and safer than listing the ones that matter, and takes a few
 * milliseconds.
 */
export function checkerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const lintDir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha1').update(`${engineVersion()}\n`);
  for (const dir of [lintDir, path.join(lintDir, '..', 'lib'), path.join(lintDir, '..', 'gate')]) {
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(ts|js|yaml|json)$/.test(entry)) continue;
      hash
        .update(`${entry}\n`)
        .update(readFileSync(path.join(dir, entry)))
        .update('\n');
    }
  }
  hash.update(readOrDash(nearestLockfile(process.cwd())));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The lockfile of the project (or the workspace it belongs to) the checker runs in. */
function nearestLockfile(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package-lock.json');
    if (existsSync(file) || path.dirname(dir) === dir) return file;
  }
}

function readOrDash(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '-';
}

export class ResultCache {
  private readonly results: Map<string, CachedResult>;
  private changed = false;
  /** Files looked up or stored in this run; only the others are checked for existence on save. */
  private readonly seen = new Set<string>();

  private readonly file: string;
  private readonly key: string;

  private constructor(file: string, key: string, results: Record<string, CachedResult>) {
    this.file = file;
    this.key = key;
    this.results = new Map(Object.entries(results));
  }

  /** The cache at `file` if it was written for this run key; an empty one otherwise. */
  static open(file: string, key: string): ResultCache {
    let stored: Partial<CacheFile> | undefined;
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    } catch {
      // Missing or unreadable (an interrupted write, a hand edit): start afresh.
    }
    const usable = stored?.format === FORMAT && stored.key === key && typeof stored.results === 'object' && stored.results !== null;
    return new ResultCache(file, key, usable ? stored!.results! : {});
  }

  /**
   * The cached messages of `file` when its text has hash `hash` and every recorded question still
   * gets the recorded answer (`answer` asks it again).
   */
  lookup(file: string, hash: string, answer: (read: IndexRead) => string): CachedResult | undefined {
    this.seen.add(file);
    const cached = this.results.get(file);
    if (!cached || cached.hash !== hash) return undefined;
    return cached.reads.every((read) => answer(read) === read.answer) ? cached : undefined;
  }

  store(file: string, result: CachedResult): void {
    this.seen.add(file);
    this.results.set(file, result);
    this.changed = true;
  }

  /** Forgets files that no longer exist, then writes the cache (whole, by renaming a new file). */
  save(): void {
    for (const file of this.results.keys()) {
      if (!this.seen.has(file) && !existsSync(file)) {
        this.results.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const content: CacheFile = { format: FORMAT, key: this.key, results: Object.fromEntries(this.results) };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, this.file);
  }
}
