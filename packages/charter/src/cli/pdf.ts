/**
 * charter pdf [edition…] [--dist <folder>] [--all]
 * Prints editions of the built site as PDFs, with the Chromium the browser tests use: the whole
 * edition and one PDF per section, written into the built site at /pdf/<edition>/. A function of
 * its arguments, so tests run it in-process.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ChromiumMissing } from '../lib/chromium.ts';
import { PdfRefused } from '../lib/pdf/book.ts';
import { currentEdition, plannedEditions, readPlan, writeEditionPdfs } from '../lib/pdf/print.ts';
import { CommandFailed } from './command.ts';

export const USAGE = `Usage: charter pdf [edition…] [--dist <folder>] [--all]

Prints editions of the built handbook as PDFs: the whole edition (a cover with the edition and its
date, the contents with page numbers and PDF bookmarks, the charter, every chapter; the edition and
the page number in the footer) as pdf/<edition>/handbook.pdf, and each section as
pdf/<edition>/sections/<section>.pdf, inside the built site. It prints the built pages, so build
first (npm run build). Chromium is found as for the browser tests: PLAYWRIGHT_CHROMIUM_EXECUTABLE,
else Playwright's own, else /usr/bin/chromium.

  edition…          the editions to print, by id (default: the current edition)
  --all             every edition the site was built with
  --dist <folder>   the built site (default: dist)

The editions page links the PDFs of the editions the config's pdf setting names (the build then
prints them itself); PDFs of other editions are written all the same, for sharing by hand.

Exit status: 0 the PDFs were written, 1 the site or a page could not be printed, 2 usage problem.`;

function fail(message: string, code = 2): never {
  throw new CommandFailed('charter pdf', message, code);
}

export async function run(argv: readonly string[], cwd = process.cwd(), out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { dist: { type: 'string', default: 'dist' }, all: { type: 'boolean', default: false } },
    });
  } catch (error) {
    fail(`${(error as Error).message} Run charter pdf --help for the options.`);
  }
  const { dist: given, all } = parsed.values;
  if (!given.trim()) fail('--dist needs a folder, for example --dist dist.');
  if (all && parsed.positionals.length > 0) fail('Name editions or give --all, not both.');
  const dist = path.resolve(cwd, given);
  const started = performance.now();
  try {
    const editions = all ? plannedEditions(dist) : parsed.positionals.length > 0 ? parsed.positionals : [currentEdition(dist, cwd)];
    if (editions.length === 0) readPlan(dist, 'current', cwd);
    const written = await writeEditionPdfs(
      dist,
      editions,
      (pdf) =>
        out(`  ${path.relative(cwd, path.join(dist, pdf.file))}  ${pdf.pages} ${pdf.pages === 1 ? 'page' : 'pages'}, ${(pdf.bytes / 1024).toFixed(0)} KB\n`),
      cwd,
    );
    out(`charter pdf: wrote ${written.length} PDFs of ${editions.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } catch (error) {
    if (error instanceof PdfRefused || error instanceof ChromiumMissing) fail(error.message, 1);
    throw error;
  }
}
