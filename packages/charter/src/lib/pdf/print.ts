/**
 * Prints editions of a built site as PDFs with Chromium (playwright-core): the whole edition, and
 * each section on its own. The pages come from the output folder, handed to the browser by
 * intercepting its requests, so no server is started and nothing is fetched from elsewhere. Each
 * book is printed twice: the first printing tells on which page every part starts (from the PDF's
 * outline), the second prints the contents with those numbers; the contents keep their width, so
 * the pages do not move, and that is checked.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import { anchorsOf, bookHtml, bookParts, footerTemplate, PdfRefused, readBuiltPage, type BookInput, type BuiltPage } from './book.ts';
import { partPages, withFixedDates } from './pdf-file.ts';
import { editionPdfFile, PDF_FOLDER, planFile, printPlanSchema, sectionPdfFile, type PrintPlan } from './plan.ts';

/** The made-up origin the browser is shown the site at; every request to it is answered from the output folder. */
const ORIGIN = 'http://handbook.invalid';
const BOOK_PATH = '/__charter-pdf__/';

export interface WrittenPdf {
  /** Below the output folder, with forward slashes: `pdf/2026.1/handbook.pdf`. */
  file: string;
  edition: string;
  /** The section's id, for a section's PDF. */
  section?: string;
  pages: number;
  bytes: number;
}

/** The build commands named in messages: a handbook is built with `npm run build` (astro build). */
const BUILD_HINT = 'build it first with npm run build (astro build)';

/** The editions a built site has plans for: the folders of `pdf/` with a contents.json. */
export function plannedEditions(dist: string): string[] {
  const folder = path.join(dist, PDF_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dist, planFile(entry.name))))
    .map((entry) => entry.name)
    .sort();
}

/** An edition's plan, read from the built site; a missing or unreadable one is a refusal that says what to do. */
export function readPlan(dist: string, edition: string, cwd = process.cwd()): PrintPlan {
  const shown = path.relative(cwd, dist) || '.';
  if (!existsSync(dist) || !statSync(dist).isDirectory())
    throw new PdfRefused(`There is no built site at ${shown}/: ${BUILD_HINT}, or name its folder with --dist.`);
  const file = path.join(dist, planFile(edition));
  if (!existsSync(file)) {
    const planned = plannedEditions(dist);
    throw new PdfRefused(
      planned.length === 0
        ? `${shown}/ holds no ${planFile('<edition>')}, so it was not built by this version of Charter, or is not a handbook: ${BUILD_HINT}.`
        : `${shown}/ has no edition "${edition}": it was built with ${planned.join(', ')}. Name one of them, or build again after adding the edition.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PdfRefused(`${path.relative(cwd, file)} is not JSON (${(error as Error).message}): ${BUILD_HINT} again.`);
  }
  const result = printPlanSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('\n');
    throw new PdfRefused(`${path.relative(cwd, file)} is not a plan this version of Charter reads; ${BUILD_HINT} again.\n${problems}`);
  }
  return result.data;
}

/** The current edition among the plans of a built site, the one `charter pdf` prints when none is named. */
export function currentEdition(dist: string, cwd = process.cwd()): string {
  const planned = plannedEditions(dist);
  const current = planned.find((id) => readPlan(dist, id, cwd).edition.status === 'current');
  if (!current) readPlan(dist, planned[0] ?? 'current', cwd);
  return current ?? planned[0]!;
}

function readPages(dist: string, plan: PrintPlan): Map<string, BuiltPage> {
  const paths = [...(plan.charter ? [plan.charter.path] : []), ...plan.sections.flatMap((s) => s.chapters.map((c) => c.path))];
  const missing = paths.filter((p) => !existsSync(path.join(dist, p, 'index.html')));
  if (missing.length > 0) {
    throw new PdfRefused(
      `The built site lacks ${missing.length === 1 ? 'the page' : `${missing.length} pages`} its plan names (${missing
        .slice(0, 3)
        .map((p) => `${p}index.html`)
        .join(', ')}${missing.length > 3 ? ', …' : ''}): the output folder is incomplete; ${BUILD_HINT} again.`,
    );
  }
  return new Map(paths.map((p) => [p, readBuiltPage(readFileSync(path.join(dist, p, 'index.html'), 'utf8'), p)]));
}

/** A browser whose every request to the made-up origin is answered from the output folder, and every other one refused. */
async function openSite(dist: string, base: string, books: Map<string, string>): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, env: { ...process.env, TZ: 'UTC' } });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const book = books.get(url.pathname);
    if (book !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: book });
    if (!url.pathname.startsWith(base)) return route.fulfill({ status: 404, body: '' });
    let file = path.join(dist, decodeURIComponent(url.pathname.slice(base.length)));
    if (!path.resolve(file).startsWith(path.resolve(dist))) return route.fulfill({ status: 404, body: '' });
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ path: file });
  });
  return { context, close: () => browser.close() };
}

async function printOnce(page: Page, url: string, plan: PrintPlan): Promise<Uint8Array> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(plan),
    margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
  });
  return new Uint8Array(pdf);
}

/** How many times a book may be printed before its contents' page numbers agree with where its parts fell. */
const MAX_PRINTINGS = 4;

/**
 * Prints one book: once to find on which page each part starts, then with those numbers in the
 * contents, until a printing's parts start where its contents say. The contents keep their size
 * whatever the numbers, so this is normally the second printing; but a browser that has printed
 * another book may lay out the first one a line differently, so the numbers are always checked
 * against the printing that is kept.
 */
async function printBook(page: Page, books: Map<string, string>, key: string, input: BookInput): Promise<{ pdf: Uint8Array; pages: number }> {
  const parts = bookParts(input);
  const route = `${BOOK_PATH}${key}.html`;
  let numbers: ReadonlyMap<string, number> | undefined;
  try {
    for (let printing = 1; printing <= MAX_PRINTINGS; printing++) {
      books.set(route, bookHtml({ ...input, ...(numbers ? { pageNumbers: numbers } : {}) }));
      const pdf = await printOnce(page, `${ORIGIN}${route}`, input.plan);
      const found = await partPages(pdf, parts);
      if (numbers && parts.every((part) => found.starts.get(part.anchor) === numbers!.get(part.anchor))) {
        return { pdf: withFixedDates(pdf, input.plan.date), pages: found.pages };
      }
      numbers = found.starts;
    }
  } finally {
    books.delete(route);
  }
  throw new PdfRefused(`The contents of ${key}.pdf did not settle: after ${MAX_PRINTINGS} printings its parts still moved between pages.`);
}

/**
 * Prints each named edition of the built site in `dist`: `pdf/<edition>/handbook.pdf` and
 * `pdf/<edition>/sections/<section>.pdf`. `log` hears of every file written.
 */
export async function writeEditionPdfs(
  dist: string,
  editions: readonly string[],
  log: (pdf: WrittenPdf) => void = () => {},
  cwd = process.cwd(),
): Promise<WrittenPdf[]> {
  const plans = editions.map((edition) => readPlan(dist, edition, cwd));
  const pages = plans.map((plan) => readPages(dist, plan));
  const bases = new Set(plans.map((p) => p.base));
  if (bases.size > 1) throw new PdfRefused(`The plans of ${editions.join(', ')} name different bases (${[...bases].join(', ')}): ${BUILD_HINT} again.`);
  const books = new Map<string, string>();
  const site = await openSite(dist, plans[0]!.base, books);
  const written: WrittenPdf[] = [];
  try {
    const page = await site.context.newPage();
    for (const [index, plan] of plans.entries()) {
      const edition = plan.edition.id;
      const jobs: { file: string; section?: string; input: BookInput }[] = [
        {
          file: editionPdfFile(edition),
          input: { plan, sections: plan.sections, charter: plan.charter, pages: pages[index]!, anchors: anchorsOf(plan, plan.sections, plan.charter) },
        },
        ...plan.sections.map((section) => ({
          file: sectionPdfFile(edition, section.id),
          section: section.id,
          input: { plan, sections: [section], pages: pages[index]!, subtitle: section.title, anchors: anchorsOf(plan, [section], undefined) },
        })),
      ];
      // Sections that are gone from the edition leave no PDF behind.
      rmSync(path.join(dist, path.dirname(sectionPdfFile(edition, 'x'))), { recursive: true, force: true });
      for (const job of jobs) {
        const { pdf, pages: count } = await printBook(page, books, `${edition}-${job.section ?? 'handbook'}`, job.input);
        const target = path.join(dist, job.file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, pdf);
        const result: WrittenPdf = { file: job.file, edition, pages: count, bytes: pdf.byteLength, ...(job.section ? { section: job.section } : {}) };
        written.push(result);
        log(result);
      }
    }
  } finally {
    await site.close();
  }
  return written;
}

/**
 * Prints pages of a built site as they are, one PDF each, as a reader's browser prints them on A4
 * (for the cards, which must each fit one page). `paths` are below the base.
 */
export async function printBuiltPages(dist: string, base: string, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const site = await openSite(dist, base, new Map());
  const printed = new Map<string, Uint8Array>();
  try {
    const page = await site.context.newPage();
    for (const at of paths) {
      await page.goto(`${ORIGIN}${base}${at}`, { waitUntil: 'load' });
      printed.set(at, new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true })));
    }
  } finally {
    await site.close();
  }
  return printed;
}
