/**
 * The PDFs of an edition (issue #17, item 7): a build with the pdf setting prints the current
 * edition and each of its sections into the site and links them from the editions page; the text
 * holds every chapter title of the edition, the contents give the page each chapter starts on,
 * every page's footer names the edition and the page; and `charter pdf` run again on the same
 * build gives the same text, indeed the same bytes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as charterPdf } from '../../../../packages/charter/src/cli/pdf.ts';
import { listChapterFiles } from '../../../../packages/charter/src/lib/content-files.ts';
import { pdfText } from '../../../../packages/charter/src/lib/pdf/pdf-file.ts';
import { shippedExampleBuild } from './support.ts';

const contentDir = path.resolve(import.meta.dirname, '../../src/content');
const EDITION = '2026.1';
const titles = listChapterFiles(contentDir, EDITION).map((c) => String(c.frontmatter['title']));
const sections = [...new Set(listChapterFiles(contentDir, EDITION).map((c) => c.slug.split('/')[0]!))];
const copy = mkdtempSync(path.join(tmpdir(), 'charter-pdf-site-'));
let buildOutput = '';
const fromBuild = new Map<string, Buffer>();

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(() => {
  // The shared build prints the current edition (SHIPPED_BUILD_ENV); charter pdf writes into its copy.
  const { dist, output } = shippedExampleBuild();
  cpSync(dist, copy, { recursive: true });
  buildOutput = output;
  for (const file of ['handbook.pdf', ...sections.map((s) => `sections/${s}.pdf`)]) {
    const at = path.join(copy, 'pdf', EDITION, file);
    expect(existsSync(at), `${file} was not printed`).toBe(true);
    fromBuild.set(file, readFileSync(at));
  }
}, 240_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the PDF of an edition', () => {
  it('is printed by the build for the current edition only, and said so', () => {
    expect(buildOutput).toMatch(new RegExp(`Printed ${sections.length + 1} PDFs of ${EDITION.replace('.', '\\.')} \\(\\d+ pages\\)`));
    expect(existsSync(path.join(copy, 'pdf/draft/handbook.pdf'))).toBe(false);
    expect(existsSync(path.join(copy, 'pdf/2025.1/handbook.pdf'))).toBe(false);
  });

  it('is linked from the editions page, whole and by section, for the edition printed only', () => {
    const page = readFileSync(path.join(copy, 'editions/index.html'), 'utf8');
    const links = [...page.matchAll(/href="(\/pdf\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(sections.length + 1);
    expect(new Set(links)).toEqual(new Set([`/pdf/${EDITION}/handbook.pdf`, ...sections.map((s) => `/pdf/${EDITION}/sections/${s}.pdf`)]));
  });

  it('holds every chapter title of the edition, a cover with the edition and its date, and a footer on every page', async () => {
    const { pages, text } = await pdfText(fromBuild.get('handbook.pdf')!);
    const all = oneLine(text.join('\n'));
    for (const title of titles) expect(all, title).toContain(oneLine(title));
    expect(oneLine(text[0]!)).toContain('Northwind Supply Service Handbook Edition 2026.1, February 1, 2026');
    // The service charter follows the contents, with the standards' values.
    expect(all).toContain('Service charter');
    expect(all).toContain('We answer every call by the third ring.');
    text.forEach((pageText, index) => expect(oneLine(pageText)).toContain(`Edition 2026.1 · page ${index + 1} of ${pages}`));
  });

  it('gives in its contents the page each chapter starts on', async () => {
    const { text } = await pdfText(fromBuild.get('handbook.pdf')!);
    const contents = oneLine(text[1]!);
    for (const title of titles) {
      const listed = new RegExp(`${oneLine(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(contents);
      expect(listed, `${title} in the contents`).not.toBeNull();
      const page = Number(listed![1]);
      // The page starts with the chapter's title (the footer is the page's last line).
      expect(oneLine(text[page - 1]!).startsWith(oneLine(title)), `${title} on page ${page}`).toBe(true);
    }
  });

  it('has one PDF per section with that section’s chapters', async () => {
    for (const section of sections) {
      const { text } = await pdfText(fromBuild.get(`sections/${section}.pdf`)!);
      const all = oneLine(text.join('\n'));
      for (const chapter of listChapterFiles(contentDir, EDITION).filter((c) => c.slug.startsWith(`${section}/`))) {
        expect(all, `${chapter.slug} in ${section}.pdf`).toContain(oneLine(String(chapter.frontmatter['title'])));
      }
    }
  });

  it('comes out the same when charter pdf prints the same build again: the same text, the same bytes', async () => {
    let said = '';
    expect(await charterPdf([EDITION, '--dist', copy], copy, (text) => void (said += text))).toBe(0);
    expect(said).toMatch(/charter pdf: wrote \d+ PDFs of 2026\.1/);
    for (const [file, before] of fromBuild) {
      const again = readFileSync(path.join(copy, 'pdf', EDITION, file));
      expect((await pdfText(again)).text, file).toEqual((await pdfText(before)).text);
      expect(again.equals(before), `${file} byte for byte`).toBe(true);
    }
  }, 120_000);
});
