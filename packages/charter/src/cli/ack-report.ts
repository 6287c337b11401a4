/**
 * charter ack-report [--db charter-acks.sqlite] [--roster roster.csv] [--format text|json|csv]
 *
 * Per chapter that changed materially in the current edition and per team: who has confirmed it as
 * it is now, who confirmed an earlier text (stale), and who has not yet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv, toCsv } from '../lib/acks/csv.ts';
import { buildAckReport, materialChapters, rosterFromRows, type AckReport, type ReportChapter } from '../lib/acks/report.ts';
import { AckStore, AckStoreRefused, DEFAULT_ACK_DB } from '../lib/acks/store.ts';
import { chapterFormatOf, chapterSlug, listChapterPaths } from '../lib/chapter-files.ts';
import { chapterContentHash, changeMark, type ChangeMark } from '../lib/diff/material.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { listChapterFiles, readManifest } from '../lib/content-files.ts';
import { previousEdition } from '../lib/edition-urls.ts';
import { findCurrentEdition } from '../lib/editions.ts';
import { CommandFailed, parseFlags } from './command.ts';

export const USAGE = `Usage: charter ack-report [--db <file>] [--roster <file.csv>] [--format text|json|csv]

  For each chapter of the current edition that changed materially since the edition before (or is
  new with standards or steps), as the site's changes page marks it, and for each team: who has confirmed the chapter as it is now, who
  confirmed an earlier text of it (stale: does not count), and who has not yet. A confirmation
  counts only when its content hash is the chapter's hash now.

Options:
  --db <file>        the database charter ack-server writes (default: ${DEFAULT_ACK_DB} in this folder)
  --roster <file>    a CSV file with the columns reader,team: every reader it lists is expected to
                     confirm, and its teams win over the team header the proxy sent
  --format <kind>    text (default), json or csv`;

const FORMATS = ['text', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function fail(message: string, code = 2): never {
  throw new CommandFailed('charter ack-report', message, code);
}

export function parseAckReportArgs(argv: readonly string[], cwd: string = process.cwd()) {
  const values = parseFlags(argv, { db: { type: 'string' }, roster: { type: 'string' }, format: { type: 'string' } }, USAGE, fail);
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) fail(`--format takes ${FORMATS.join(', ')}, not "${format}".\n\n${USAGE}`);
  if (values.db !== undefined && !values.db.trim()) fail(`--db needs a file name, such as ${DEFAULT_ACK_DB}.\n\n${USAGE}`);
  if (values.roster !== undefined && !values.roster.trim()) fail(`--roster needs a CSV file with the columns reader,team.\n\n${USAGE}`);
  return {
    db: path.resolve(cwd, values.db ?? DEFAULT_ACK_DB),
    roster: values.roster === undefined ? undefined : path.resolve(cwd, values.roster),
    format: format as Format,
  };
}

/** The roster file, refused with every problem and its line. */
export function readRoster(file: string): Map<string, string> {
  if (!existsSync(file))
    fail(`there is no roster at ${file}: give a CSV file with the columns reader,team, or leave out --roster to take teams from the proxy's header.`, 1);
  const parsed = parseCsv(readFileSync(file, 'utf8'));
  if ('error' in parsed) fail(`${file}:${parsed.line}: ${parsed.error}`, 1);
  const { roster, problems } = rosterFromRows(parsed.rows, file);
  if (problems.length > 0) fail(`the roster has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`, 1);
  return roster;
}

function reportChapters(contentDir: string, edition: string): ReportChapter[] {
  return listChapterFiles(contentDir, edition).map((file) => {
    const title = file.frontmatter['title'];
    const redirectFrom = file.frontmatter['redirectFrom'];
    return {
      slug: file.slug,
      title: typeof title === 'string' ? title : file.slug,
      source: file.source,
      format: chapterFormatOf(file.file),
      redirectFrom: Array.isArray(redirectFrom) ? redirectFrom.filter((s): s is string => typeof s === 'string').map((s) => s.replace(/^\/+|\/+$/g, '')) : [],
    };
  });
}

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * How a chapter changed since the text a stale confirmation names: that text is looked for among
 * the versions of the chapter's file that git has (following renames), and compared with the file
 * now by the material rule. Undefined when the folder is not in git or no version has the hash.
 * Asked only for confirmations of another text than the chapter's now, and each file's history is read once.
 */
export function changeSinceInGit(contentDir: string, edition: string): (chapter: string, hash: string) => ChangeMark | undefined {
  const folder = path.join(contentDir, 'editions', edition);
  const top = git(folder, ['rev-parse', '--show-toplevel'])?.trim();
  const files = new Map(listChapterPaths(contentDir, edition).map((file) => [chapterSlug(file), file]));
  const versions = new Map<string, Map<string, string>>();
  const versionsOf = (file: string): Map<string, string> => {
    const known = versions.get(file);
    if (known) return known;
    const byHash = new Map<string, string>();
    const log = top ? git(top, ['log', '--follow', '--format=commit %H', '--name-only', '--', path.relative(top, path.join(folder, file))]) : undefined;
    let commit: string | undefined;
    for (const line of log?.split('\n') ?? []) {
      if (line.startsWith('commit ')) commit = line.slice(7);
      else if (line.trim() && commit) {
        const text = git(top!, ['show', `${commit}:${line.trim()}`]);
        if (text !== undefined) byHash.set(chapterContentHash(text), text);
      }
    }
    versions.set(file, byHash);
    return byHash;
  };
  return (chapter, hash) => {
    const file = files.get(chapter);
    if (!top || !file) return undefined;
    const then = versionsOf(file).get(hash);
    if (then === undefined) return undefined;
    const format = chapterFormatOf(file);
    return changeMark({ source: then, format }, { source: readFileSync(path.join(folder, file), 'utf8'), format });
  };
}

const list = (names: readonly string[]) => (names.length ? names.join(', ') : '–');

export function formatText(report: AckReport): string {
  const lines = [
    report.previous
      ? `Edition ${report.edition}: ${report.chapters.length} chapter(s) changed materially since ${report.previous}.`
      : `Edition ${report.edition} is the first edition: no chapter changed in it, so none asks readers to confirm a change.`,
    `A confirmation counts when its content hash is the chapter's as it is now, or when git has the text confirmed and only corrections were made to it since ("after corrections"); confirmations of an earlier text with material changes since, or of a text git does not have, are stale and listed apart. Teams from ${report.teams === 'roster' ? 'the roster' : "the proxy's team header"}.`,
  ];
  for (const chapter of report.chapters) {
    const why = chapter.reasons.length ? `changed: ${chapter.reasons.join(', ')}` : chapter.change === 'added' ? 'new' : 'marked material in editions.yaml';
    lines.push('', `${chapter.chapter} — ${chapter.title} (${chapter.change === 'added' ? 'new' : why}${chapter.previous ? `, was ${chapter.previous}` : ''})`);
    if (chapter.teams.length === 0) {
      lines.push('  no readers known yet: nobody has confirmed anything, and no roster was given');
      continue;
    }
    const rows = chapter.teams.map((t) => [
      t.team,
      `${t.confirmed.length}/${t.readers}`,
      list(t.confirmed.map((c) => (c.throughCorrections ? `${c.reader} (after corrections)` : c.reader))),
      list(t.missing),
      list(t.stale.map((s) => s.reader)),
    ]);
    const header = ['team', 'confirmed', 'who', 'not yet', 'stale'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows])
      lines.push(
        `  ${row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function formatCsv(report: AckReport): string {
  const rows: string[][] = [];
  for (const chapter of report.chapters) {
    for (const team of chapter.teams) {
      for (const c of team.confirmed)
        rows.push([chapter.chapter, team.team, c.reader, 'confirmed', c.at, chapter.hash, c.throughCorrections ? 'correction' : '']);
      for (const s of team.stale) rows.push([chapter.chapter, team.team, s.reader, 'stale', s.at, s.hash, s.since ?? '']);
      for (const reader of team.missing.filter((r) => !team.stale.some((s) => s.reader === r)))
        rows.push([chapter.chapter, team.team, reader, 'not yet', '', '']);
    }
  }
  return toCsv(['chapter', 'team', 'reader', 'status', 'confirmed_at', 'hash', 'since'], rows);
}

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseAckReportArgs(argv);
  const roster = options.roster ? readRoster(options.roster) : undefined;
  const contentDir = resolveContentDir();
  const manifest = readManifest(contentDir);
  const current = findCurrentEdition(manifest);
  const previous = previousEdition(manifest, current);
  const chapters = materialChapters(reportChapters(contentDir, current.id), previous ? reportChapters(contentDir, previous.id) : [], current.changeMarks ?? {});
  let store: AckStore;
  try {
    store = await AckStore.open(options.db, { create: false });
  } catch (error) {
    if (error instanceof AckStoreRefused) fail(error.message, 1);
    throw error;
  }
  let report: AckReport;
  try {
    report = buildAckReport({
      edition: current.id,
      previous: previous?.id,
      chapters,
      acks: store.acks(),
      roster,
      changeSince: changeSinceInGit(contentDir, current.id),
    });
  } finally {
    store.close();
  }
  const out = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'csv' ? formatCsv(report) : formatText(report);
  process.stdout.write(out);
  return 0;
}
