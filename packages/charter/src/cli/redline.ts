/**
 * charter redline [--base <git-ref>] [--out <file>] [--summary <file>] [paths…]
 * The chapters a branch changed, as word-level redlines on one static page (the renderer of the
 * site's "what changed" pages), and a Markdown table of them for GitHub's job summary. A function
 * of its arguments and environment, so tests run it in-process.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentRefused } from '../gate/problem.ts';
import { createTranslator, type Translator } from '../i18n/index.ts';
import { chapterFormatOf, isChapterFile } from '../lib/chapter-files.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { byPlace, compareChapter, type ChangedChapter, type ChapterVersion } from '../lib/diff/changed-chapters.ts';
import { redlinePage, redlinePageStyles } from '../lib/diff/redline-page.ts';
import { readabilityChange } from '../lib/diff/redline-readability.ts';
import type { RedlineReport, ReportedChapter } from '../lib/diff/redline-report.ts';
import { redlineSummary } from '../lib/diff/redline-summary.ts';
import { checkerSettings, loadProjectConfig, ProjectConfigError, type CheckerSettings } from '../lib/project-config.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import type { CliIO } from '../lint/cli.ts';
import { isEnglish } from '../lint/rules/readability.ts';
import { changedBase, changedPaths, GitError, readFilesAtCommit, repositoryRoot, type PathChange } from '../lint/git.ts';
import { CommandFailed } from './command.ts';

export const DEFAULT_OUT = 'charter-redline.html';

export const USAGE = `Usage: charter redline [--base <git-ref>] [--out <file>] [--summary <file>] [paths…]

Shows what a branch changes in the handbook's chapters: every chapter file (.md, .mdx) under the
content folder's editions/ that was added, changed, removed or renamed since the branch left
<git-ref>, committed or not, as a word-level redline, the same as the site's "what changed" pages.

  --base <git-ref>   compare with the merge base of HEAD and this ref (default: main, else origin/main);
                     in a pull request's workflow: --base origin/\${{ github.base_ref }}, after a
                     checkout with fetch-depth: 0
  --out <file>       the page to write, one HTML file with no script and nothing to download
                     (default: ${DEFAULT_OUT})
  --summary <file>   write the Markdown summary (a table of the changed chapters) to <file>, or to the
                     output with --summary -. Without it, the summary is added to the file
                     $GITHUB_STEP_SUMMARY names (GitHub's job summary) when that is set, and printed
                     otherwise
  paths              only chapters below these files or folders (default: every edition)

For an English handbook (the config's lang), the table also gives each chapter's Flesch reading
ease before → after, marked when it is below the threshold the readability rule holds the chapter
to (checker.readability), and lists the sections that fell below it.

Exit status: 0 the page and summary were written (also when no chapter changed), 2 usage problem, no
git repository, a ref git does not know, or no content folder.`;

interface RedlineArgs {
  base: string | undefined;
  out: string;
  summary: string | undefined;
  paths: string[];
  help: boolean;
}

function fail(message: string): never {
  throw new CommandFailed('charter redline', message, 2);
}

export function parseRedlineArgs(argv: readonly string[]): RedlineArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        out: { type: 'string', default: DEFAULT_OUT },
        summary: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message} Run charter redline --help for the options.`);
  }
  const { base, out, summary, help } = parsed.values;
  if (base !== undefined && !base.trim()) fail('--base needs a git ref, for example --base origin/main.');
  if (!out.trim()) fail('--out needs a file name, for example --out charter-redline.html.');
  return { base, out, summary, paths: parsed.positionals, help };
}

/** A git path (relative to the repository root) as an edition and a chapter path, or undefined for anything else. */
export function chapterPlace(repoPath: string, editionsFolder: string): { edition: string; path: string } | undefined {
  if (!repoPath.startsWith(`${editionsFolder}/`) || !isChapterFile(repoPath)) return undefined;
  const [edition, ...rest] = repoPath.slice(editionsFolder.length + 1).split('/');
  return edition && rest.length > 0 ? { edition, path: rest.join('/') } : undefined;
}

/** The git paths of a chapter's two versions; one is missing for an added or a removed chapter. */
interface Pairing {
  before?: string;
  after?: string;
}

/** Which versions to compare for each change: a rename to or from a file that is not a chapter is an addition or a removal. */
function pairings(changes: readonly PathChange[], isChapter: (repoPath: string) => boolean): Pairing[] {
  return changes.flatMap((change): Pairing[] => {
    const before = change.status === 'renamed' ? change.previousPath : change.status === 'added' ? undefined : change.path;
    const after = change.status === 'removed' ? undefined : change.path;
    const pairing: Pairing = {};
    if (before !== undefined && isChapter(before)) pairing.before = before;
    if (after !== undefined && isChapter(after)) pairing.after = after;
    return pairing.before || pairing.after ? [pairing] : [];
  });
}

interface Repository {
  root: string;
  /** The editions folder, relative to the root, with forward slashes. */
  editions: string;
}

/**
 * A path with its links resolved, as git names the repository's root (a temporary folder may be
 * reached through a link); a path that no longer exists, a removed chapter's, keeps its missing tail.
 */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
}

const toGitPath = (root: string, file: string) => path.relative(root, realPath(file)).split(path.sep).join('/');

function repositoryOf(contentDir: string, cwd: string): Repository {
  let root: string;
  try {
    root = repositoryRoot(contentDir);
  } catch {
    fail(
      `${path.relative(cwd, contentDir) || contentDir} is not in a git repository, so there is no commit to compare with: run charter redline in the handbook's repository.`,
    );
  }
  return { root, editions: toGitPath(root, path.join(contentDir, 'editions')) };
}

/** The chapter folders to look in: the given paths, or every edition. */
function scopes(args: RedlineArgs, repository: Repository, cwd: string): string[] {
  if (args.paths.length === 0) return [repository.editions];
  return args.paths.map((given) => {
    const scope = toGitPath(repository.root, path.resolve(cwd, given));
    if (scope.startsWith('..') || path.isAbsolute(scope)) fail(`"${given}" is outside the repository of the content folder.`);
    // git takes no empty path: the repository's root is ".".
    return scope || '.';
  });
}

/** Every changed chapter, both versions read: the earlier from git, the current from the disk. */
function changedChapters(repository: Repository, commit: string, folders: readonly string[]): ChangedChapter[] {
  const isChapter = (repoPath: string) => chapterPlace(repoPath, repository.editions) !== undefined;
  const pairs = pairings(changedPaths(repository.root, commit, folders), isChapter);
  const earlier = readFilesAtCommit(
    repository.root,
    commit,
    pairs.flatMap((pair) => (pair.before ? [pair.before] : [])),
  );
  const version = (repoPath: string | undefined, read: (repoPath: string) => string | null | undefined): ChapterVersion | undefined => {
    if (repoPath === undefined) return undefined;
    const source = read(repoPath);
    if (source === null || source === undefined) return undefined;
    return { ...chapterPlace(repoPath, repository.editions)!, source, format: chapterFormatOf(repoPath) };
  };
  const onDisk = (repoPath: string) => {
    const file = path.join(repository.root, repoPath);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  return pairs
    .map((pair) => ({ before: version(pair.before, (p) => earlier.get(p)), after: version(pair.after, onDisk) }))
    .filter((pair) => pair.before || pair.after)
    .map((pair) => compareChapter(pair.before, pair.after))
    .sort(byPlace);
}

/**
 * The chapters with their reading ease before and after, held to the thresholds the readability
 * rule would use; unchanged for a handbook not in English, which the score is not made for.
 */
export function withReadability(chapters: readonly ChangedChapter[], settings: CheckerSettings): ReportedChapter[] {
  if (!isEnglish(settings.lang)) return [...chapters];
  const thresholds = settings.checker?.readability;
  return chapters.map((chapter) => ({ ...chapter, readability: readabilityChange(chapter, thresholds) }));
}

/** The project's config: its language, its name and its own wording; a broken one is a usage error. */
async function projectConfig(cwd: string, env: Record<string, string | undefined>): Promise<SiteConfig | undefined> {
  try {
    return await loadProjectConfig(cwd, env);
  } catch (error) {
    if (error instanceof ProjectConfigError) fail(error.message);
    throw error;
  }
}

/** Writes a file, creating its folder. */
function writeWithFolder(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The summary to --summary's file, to the output (--summary -), to GitHub's job summary, or else to the output. */
function writeSummary(markdown: string, args: RedlineArgs, io: CliIO): string {
  if (args.summary === '-') {
    io.stdout(markdown);
    return 'the output';
  }
  if (args.summary !== undefined) {
    const file = path.resolve(io.cwd, args.summary);
    writeWithFolder(file, markdown);
    return file;
  }
  const jobSummary = io.env['GITHUB_STEP_SUMMARY'];
  if (jobSummary) {
    appendFileSync(jobSummary, `\n${markdown}`);
    return 'the job summary';
  }
  io.stdout(markdown);
  return 'the output';
}

async function redline(args: RedlineArgs, io: CliIO): Promise<void> {
  const contentDir = resolveContentDir(io.env, io.cwd);
  const repository = repositoryOf(contentDir, io.cwd);
  const folders = scopes(args, repository, io.cwd);
  const base = changedBase(repository.root, args.base);
  const config = await projectConfig(io.cwd, io.env);
  // Read as charter lint reads them, so the language and thresholds are the rule's.
  const settings = checkerSettings(config);
  const i18n: Translator = createTranslator(settings.lang, config?.strings);
  const chapters = withReadability(changedChapters(repository, base.commit, folders), settings);
  const report: RedlineReport = { ref: base.ref, commit: base.commit, mergeBase: base.mergeBase, chapters };
  const out = path.resolve(io.cwd, args.out);
  writeWithFolder(out, redlinePage(report, i18n, { lang: i18n.lang, siteTitle: config?.title, styles: redlinePageStyles() }));
  const summaryWhere = writeSummary(redlineSummary(report, i18n), args, io);
  const count = report.chapters.length;
  io.stderr(
    `charter redline: ${count} changed chapter${count === 1 ? '' : 's'} against ${base.label}. Page: ${path.relative(io.cwd, out) || out}; summary: ${summaryWhere}.\n`,
  );
}

/** One line for the person at the terminal: git's own complaints can run over several. */
const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim();

/** Runs the command and returns its exit code. */
export async function runRedline(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseRedlineArgs(argv);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    await redline(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CommandFailed) {
      io.stderr(`${error.command}: ${oneLine(error.message)}\n`);
      return error.code;
    }
    // Refused content and git's refusals are the whole story; anything else is a fault, shown with where it happened.
    const known = error instanceof GitError || error instanceof ContentRefused;
    io.stderr(`charter redline: ${known ? oneLine((error as Error).message) : (error as Error).stack || String(error)}\n`);
    return 2;
  }
}

/** `charter redline` from the terminal. */
export async function run(argv: readonly string[]): Promise<number> {
  return runRedline(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  });
}
