/**
 * charter import <from> [<content-dir>] [--edition <id>] [--owner <team>] [--dry-run] [--report <file.json>] [--json]
 * Turns a folder of Markdown (GitHub or GitLab style, Hugo, Docusaurus, MkDocs) into a Charter
 * content folder, or into a new edition of one, and reports what it changed and what needs a
 * person. Writes every file in one step, or nothing.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR } from '../lib/content-dir.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { reviewToday } from '../lib/review.ts';
import { editionFolderProblem, IMPORTED_NOTE, prepareImport, type ImportReport } from '../import/index.ts';
import { readManifest } from '../lib/content-files.ts';
import { edition } from '../lib/schemas.ts';
import { CommandFailed, commandVocabulary } from './command.ts';

export const USAGE = `Usage: charter import <from> [<content-dir>] [options]

Turns a folder of Markdown pages (GitHub or GitLab style, Hugo, Docusaurus, MkDocs) into a Charter
content folder, or into a new edition of an existing one. Pages keep their folders and become
Markdown chapters; names are made valid and the old addresses redirect; images and documents are
copied; links are pointed at the new files; nothing is dropped without the report saying so.

  <from>             the folder to import
  <content-dir>      the content folder to write (default: the handbook's, HANDBOOK_CONTENT_DIR or src/content)
  --edition <id>     the edition to write (default: ${new Date().getFullYear()}.1 for a new content folder; required for an existing one)
  --owner <team>     the owner of the imported chapters (default: "Handbook team")
  --dry-run          report what would change, and write nothing
  --report <file>    also write the report as JSON to <file>
  --json             print the report as JSON instead of text

Exit status: 0 imported, 1 the import was refused, would lose words or left chapters the build refuses, 2 usage problem.`;

function fail(message: string, code = 1): never {
  throw new CommandFailed('import', message, code);
}

export async function run(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        edition: { type: 'string' },
        owner: { type: 'string', default: 'Handbook team' },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [fromArg, contentArg, ...extra] = parsed.positionals;
  if (!fromArg || extra.length > 0) fail(USAGE, 2);
  const from = path.resolve(fromArg);
  if (!existsSync(from) || !statSync(from).isDirectory()) fail(`"${fromArg}" is not a folder. Give the folder of Markdown pages to import.`, 2);
  // The content folder may not exist yet: the import writes it.
  const contentDir = path.resolve(contentArg ?? (process.env['HANDBOOK_CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR));
  if (contentDir === from || contentDir.startsWith(from + path.sep))
    fail(`The content folder ${contentDir} is inside the folder being imported; write it somewhere else.`, 2);
  const editionName = parsed.values.edition ?? importedEdition(contentDir) ?? `${new Date().getFullYear()}.1`;
  const editionId = edition.shape.id.safeParse(editionName);
  if (!editionId.success) fail(`--edition "${editionName}" ${editionId.error.issues[0]!.message}, for example --edition 2026.1 or --edition draft.`, 2);
  const vocabulary = commandVocabulary('import', contentDir);
  const owner = parsed.values.owner.trim();
  if (owner.length < 2) fail('--owner must name a team, for example --owner "People Team".', 2);

  if (existsSync(path.join(contentDir, 'editions.yaml'))) {
    const draft = readManifest(contentDir).find((e) => e.status === 'draft');
    if (draft && draft.id !== editionName)
      fail(
        `${contentDir} already has a draft edition (${draft.id}), and an edition can only be added as the draft: import into a new content folder and copy over what you need, or release the draft first.`,
      );
  }
  const result = await prepareImport({ from, contentDir, edition: editionName, vocabulary, today: reviewToday(), owner });
  const blocked = editionFolderProblem(result);
  if (blocked) fail(blocked);
  const { report } = result;
  if (parsed.values.report) writeFileSync(path.resolve(parsed.values.report), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, parsed.values['dry-run']));
  if (report.summary.lostWords > 0) {
    process.stderr.write(
      `charter import: words would be lost in ${report.pages.filter((p) => p.lostWords.length > 0).length} page(s); nothing was written. Please report this as a bug.\n`,
    );
    return 1;
  }
  if (!parsed.values['dry-run']) writeFilesAtomically(result.writes);
  if (report.summary.refused > 0) {
    process.stderr.write(
      `charter import: ${report.summary.refused} chapter(s) still have what the build refuses ("the build refuses this" above): fix them by hand, then run npm run lint:content.\n`,
    );
    return 1;
  }
  return 0;
}

/**
 * The edition to import into when none is named: a new content folder's first edition, or the one
 * edition an earlier import made (so running the same import again gives the same folder). Any
 * other content folder needs the edition named.
 */
function importedEdition(contentDir: string): string | undefined {
  const manifest = path.join(contentDir, 'editions.yaml');
  if (!existsSync(manifest)) return undefined;
  const editions = readManifest(contentDir);
  if (editions.length === 1 && editions[0]!.notes === IMPORTED_NOTE) return editions[0]!.id;
  fail(`${contentDir} is already a content folder: name the new edition to import into with --edition <id>, for example --edition draft.`, 2);
}

/** The report for a person: totals first, then each page that was changed or needs a look. */
export function formatReport(report: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(
    `${dryRun ? 'Would import' : 'Imported'} ${s.pagesOut} page${s.pagesOut === 1 ? '' : 's'} and copied ${s.filesCopied} file${s.filesCopied === 1 ? '' : 's'} from ${s.filesIn} file${s.filesIn === 1 ? '' : 's'} in ${report.from}`,
    `into edition ${report.edition} of ${report.contentDir}${report.newContentFolder ? ' (a new content folder)' : ''}.`,
    '',
    `Filled in where pages had nothing: type ${report.defaults['type']}, audience ${report.defaults['audience']}, owner "${report.defaults['owner']}", reviewed ${report.defaults['reviewed']}.`,
  );
  const added = report.sections.filter((section) => section.added);
  if (added.length > 0) lines.push(`Sections added to sections.yaml: ${added.map((section) => `${section.id} ("${section.title}")`).join(', ')}.`);
  if (report.skipped.length > 0) {
    lines.push('', `Not carried over (${report.skipped.length}): neither pages nor images or documents:`);
    for (const file of report.skipped) lines.push(`  ${file}`);
  }
  for (const page of report.pages) {
    if (!page.renamed && page.changes.length === 0 && page.needs.length === 0 && page.lostWords.length === 0) continue;
    lines.push('', `${page.source} → editions/${report.edition}/${page.target}`);
    if (page.renamed) lines.push(`  renamed: ${page.renamed} (the old address redirects)`);
    for (const change of page.changes) lines.push(`  changed: ${change}`);
    for (const need of page.needs)
      lines.push(`  needs a person: ${need.inChapter ? `editions/${report.edition}/${page.target}` : page.source}:${need.line}: ${need.message}`);
    if (page.lostWords.length > 0) lines.push(`  LOST WORDS: ${page.lostWords.join(', ')}`);
  }
  lines.push(
    '',
    `${s.needsAPerson} thing${s.needsAPerson === 1 ? '' : 's'} need${s.needsAPerson === 1 ? 's' : ''} a person. Next: npm run lint:content, then npm run build.`,
  );
  return `${lines.join('\n')}\n`;
}
