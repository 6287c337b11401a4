/**
 * The `charter lint` command line, as a function of its arguments and environment so that
 * tests can run it in-process. src/cli/index.ts runs it as `charter lint`.
 *
 *   charter lint [paths…] [--format pretty|json|github] [--fix] [--changed[=<git-ref>]]
 *
 * The content's language and the organization's name come from the project's charter.config.mjs
 * (see src/lib/project-config.ts); without one, the checker assumes the config schema's defaults.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 a usage or internal failure.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { ContentRefused, displayPath, type LocatedProblems } from '../gate/problem.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../lib/content-dir.ts';
import { checkerSettings, loadProjectConfig, ProjectConfigError } from '../lib/project-config.ts';
import { changedBase, GitError } from './git.ts';
import { checkFiles, contentFolderMessages, expandPaths, sortMessages, strayFileMessages, UsageError, vocabularyMessages } from './check.ts';
import { selectChanged } from './changed.ts';
import { fixFiles } from './fix.ts';
import { formatGithub, formatJobSummary } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { formatPretty } from './format/pretty.ts';
import { formatReview } from './format/review.ts';
import { loadHandbookData } from './handbook-data.ts';
import type { CheckOptions, LintMessage } from './types.ts';

export const USAGE = `Usage: charter lint [paths…] [--format pretty|json|github] [--fix] [--changed[=<git-ref>]] [--no-cache] [--threads <n>]

  paths              chapter files or folders, relative to the repository root (default: every edition)
  --format <name>    pretty (default), json, github (GitHub Actions annotations and job summary), or
                     review (a pull-request review with a suggested change for every message with a fix,
                     as the body of GitHub's create-review request)
  --fix              rewrite terminology and spelling to the suggested words, then report what is left
  --changed[=<ref>]  check only chapters changed since the merge base with <ref> (default: main)
                     and the chapters that link to them; also turns on the archived-editions check
  --no-cache         check every chapter again instead of reusing the results of unchanged ones
                     (kept in node_modules/.cache/charter-lint/, or the file CHARTER_LINT_CACHE
                     names; not used with --changed or --fix)
  --threads <n>      check on n threads (default: one per core, fewer for few chapters)

Exit status: 0 no errors, 1 errors found, 2 usage or internal failure.`;

const FORMATS = ['pretty', 'json', 'github', 'review'] as const;
type Format = (typeof FORMATS)[number];

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The repository root: paths are read and reported relative to it. */
  cwd: string;
}

interface CliArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  /** undefined: not given; '': given without a ref. */
  changed: string | undefined;
  cache: boolean;
  threads: number | undefined;
  help: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  // `--changed` takes its ref only as `--changed=<ref>`, so a bare `--changed` never eats a path.
  const args = argv.map((arg) => (arg === '--changed' ? '--changed=' : arg));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', default: 'pretty' },
      fix: { type: 'boolean', default: false },
      changed: { type: 'string' },
      cache: { type: 'boolean', default: true },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}".`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1))
    throw new UsageError(`--threads must be a whole number of at least 1, got "${values.threads}".`);
  return { paths: positionals, format, fix: values.fix, changed: values.changed, cache: values.cache, threads, help: values.help };
}

/** Runs the command and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`charter lint: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const { messages, checked } = await lint(args, io);
    report(args.format, messages, checked, io);
    return messages.some((message) => message.severity === 'error') ? 1 : 0;
  } catch (error) {
    // A data file or vocabulary the checker cannot use is content to fix, like a chapter's problem:
    // its located problems are reported in the format asked for, and the run fails as content does.
    if (error instanceof ContentRefused && error.located.length > 0) {
      report(args.format, refusedFileMessages(error.located, io.cwd), 0, io);
      io.stderr('charter lint: no chapter was checked: the checker reads these files first; fix them and run it again.\n');
      return 1;
    }
    // Refused content and usage problems are their own message; anything else is a fault, shown with where it happened.
    const known = error instanceof UsageError || error instanceof GitError || error instanceof ContentRefused;
    io.stderr(`charter lint: ${known ? (error as Error).message : (error as Error).stack || String(error)}\n`);
    return 2;
  }
}

/** The problems of refused data files as checker messages, errors all. */
export function refusedFileMessages(located: readonly LocatedProblems[], root: string): LintMessage[] {
  return located.flatMap(({ file, problems }) =>
    problems.map(({ ruleId, line, column, endLine, endColumn, message }) => ({
      file: displayPath(root, file),
      line,
      column,
      endLine,
      endColumn,
      ruleId,
      severity: 'error' as const,
      message,
    })),
  );
}

async function lint(args: CliArgs, io: CliIO): Promise<{ messages: LintMessage[]; checked: number }> {
  const root = io.cwd;
  const contentDir = resolveContentDir(io.env, root);
  const { lang, organization, checker } = checkerSettings(await projectConfig(root, io.env));
  const options: CheckOptions = {
    root,
    contentDir,
    today: io.env['CHARTER_TODAY'] || new Date(),
    cache: cacheOption(args.cache, io.env),
    threads: args.threads,
    lang,
    organization,
    ruleSettings: checker,
  };
  // Every chapter is checked against the vocabulary: a broken one is the only thing to report.
  const refused = vocabularyMessages(options);
  if (refused.length > 0) return { messages: refused, checked: 0 };
  const scopes = args.paths.length > 0 ? args.paths.map((p) => path.resolve(root, p)) : [path.join(contentDir, 'editions')];
  // Listed once: --changed looks among them for the chapters that link to a changed one.
  const allFiles = expandPaths(scopes, root);
  let files = allFiles;
  let texts: ReadonlyMap<string, string> | undefined;
  let extra: LintMessage[] = [];
  if (args.changed !== undefined) {
    const base = changedBase(root, args.changed || undefined);
    const selection = selectChanged(root, base.commit, loadHandbookData(contentDir), scopes, () => allFiles, base.label);
    files = selection.files;
    texts = selection.texts;
    extra = selection.deletions;
    options.baseRef = base.commit;
    options.baseLabel = base.label;
  }
  // Files in the folders checked that the build would refuse, as it does: neither chapters nor files chapters use.
  extra = [
    ...extra,
    ...strayFileMessages(
      scopes.filter((scope) => existsSync(scope) && statSync(scope).isDirectory()),
      options,
    ),
  ];
  // A run over every edition also checks what lies between them: the manifest, reading paths, published addresses.
  const editionsDir = path.join(contentDir, 'editions');
  if (scopes.some((scope) => editionsDir === scope || editionsDir.startsWith(scope + path.sep))) extra = [...extra, ...contentFolderMessages(options)];
  if (files.length === 0) return { messages: extra, checked: 0 };
  if (args.fix) {
    const result = await fixFiles(files, options);
    for (const { file, count } of result.fixed) io.stderr(`Fixed ${count} ${count === 1 ? 'problem' : 'problems'} in ${file}\n`);
    for (const { file, reason } of result.refused) io.stderr(`Did not fix ${file}: ${reason}\n`);
    return { messages: sortMessages([...extra, ...result.messages]), checked: files.length };
  }
  return { messages: sortMessages([...extra, ...(await checkFiles(files, options, texts))]), checked: files.length };
}

/** The project's charter.config (its language and organization); a broken one is a usage error. */
async function projectConfig(root: string, env: Record<string, string | undefined>) {
  try {
    return await loadProjectConfig(root, env);
  } catch (error) {
    if (error instanceof ProjectConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The cache file: CHARTER_LINT_CACHE when set, else the default one (see cache.ts); none with --no-cache. */
function cacheOption(wanted: boolean, env: Record<string, string | undefined>): string | boolean {
  return wanted && (env['CHARTER_LINT_CACHE']?.trim() || true);
}

function report(format: Format, messages: readonly LintMessage[], checked: number, io: CliIO): void {
  if (format === 'json') return io.stdout(formatJson(messages));
  if (format === 'pretty') return io.stdout(formatPretty(messages, checked));
  if (format === 'review') return io.stdout(formatReview(messages, { cwd: io.cwd, workspace: io.env['GITHUB_WORKSPACE'] }));
  io.stdout(formatGithub(messages, { cwd: io.cwd, workspace: io.env['GITHUB_WORKSPACE'] }));
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) appendFileSync(summaryFile, formatJobSummary(messages, checked));
}
