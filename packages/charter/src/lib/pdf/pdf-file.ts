/**
 * What `charter pdf` reads back from a PDF Chromium printed, with PDF.js (through unpdf): where the
 * parts of the book start, for the contents' page numbers, and how many pages it has; and the one
 * thing it changes in it, the dates Chromium stamps, so that two printings of the same build are
 * the same file.
 */
import { getDocumentProxy } from 'unpdf';
import type { BookPart } from './book.ts';
import { PdfRefused } from './book.ts';

/**
 * Chromium writes the moment of printing as the PDF's creation and modification dates. They are
 * replaced by the edition's date in place, with a string of the same length, so that every offset
 * in the file's cross-reference table stays right.
 */
export function withFixedDates(pdf: Uint8Array, isoDate: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = `D:${isoDate.replaceAll('-', '')}000000`;
  let replaced = 0;
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)/g, (_match, key: string, zone: string) => {
    replaced++;
    // A time zone written as +hh'mm' becomes UTC, of the same width; any other form stays as it is.
    return `/${key} (${stamp}${/^[+-]\d\d'\d\d'$/.test(zone) ? "+00'00'" : zone})`;
  });
  if (fixed.length !== text.length) throw new Error('Fixing the PDF dates changed the length of the file, which would break its cross-references.');
  if (replaced === 0) return pdf;
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The number of pages of a PDF and the page (counted from 1) each part of the book starts on, found in its outline. */
export async function partPages(pdf: Uint8Array, parts: readonly BookPart[]): Promise<{ pages: number; starts: Map<string, number> }> {
  // PDF.js may take the buffer over: it gets a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const outline = ((await document.getOutline()) ?? []) as OutlineItem[];
    const flat: { title: string; page: number | undefined }[] = [];
    const walk = async (items: readonly OutlineItem[]) => {
      for (const item of items) {
        flat.push({ title: normalized(item.title), page: await pageOfDestination(document, item.dest) });
        await walk(item.items);
      }
    };
    await walk(outline);
    const starts = new Map<string, number>();
    // Parts are found in order: two chapters with one title are told apart by where they come.
    let at = 0;
    for (const part of parts) {
      const found = flat.findIndex((item, index) => index >= at && item.title === normalized(part.title));
      const page = found === -1 ? undefined : flat[found]!.page;
      if (page === undefined) {
        throw new PdfRefused(
          `The printed PDF has no heading "${part.title}" where the book has that part, so the contents cannot give its page. Is the built site older than its content? Build it again (npm run build).`,
        );
      }
      starts.set(part.anchor, page);
      at = found + 1;
    }
    return { pages: document.numPages, starts };
  } finally {
    await document.loadingTask.destroy();
  }
}

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

async function pageOfDestination(document: Proxy, dest: OutlineItem['dest']): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (ref === undefined || ref === null) return undefined;
  if (typeof ref === 'number') return ref + 1;
  return (await document.getPageIndex(ref as Parameters<Proxy['getPageIndex']>[0])) + 1;
}

/** Every page's text, for tests and for checking what was printed. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const { extractText } = await import('unpdf');
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const { totalPages, text } = await extractText(document, { mergePages: false });
    return { pages: totalPages, text };
  } finally {
    await document.loadingTask.destroy();
  }
}
