/**
 * One printable document from an edition's built pages: a cover, the contents, the charter page
 * when there is one, and every chapter's text (the `<article>` of its page) in reading order, each
 * section opening on a page of its own. Pure: built HTML in, one HTML document out, so what the
 * PDF holds is tested without a browser. Links between chapters become links inside the document;
 * links to pages it does not hold go to the site when the config names its address, and are plain
 * text otherwise (a path means nothing on paper).
 */
import { parse, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import type { PlannedSection, PrintPlan } from './plan.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** A built page the PDF cannot be made from; the message says which and what to do. */
export class PdfRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRefused';
  }
}

/** A built page as the book uses it: its styles and the article that holds its text. */
export interface BuiltPage {
  /** The page's path below the base, e.g. `2026.1/procedures/telephone/`. */
  path: string;
  stylesheets: string[];
  styles: string[];
  article: Element;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function setAttr(element: Element, name: string, value: string): void {
  const found = element.attrs.find((a) => a.name === name);
  if (found) found.value = value;
  else element.attrs.push({ name, value });
}

const removeAttr = (element: Element, name: string) => {
  element.attrs = element.attrs.filter((a) => a.name !== name);
};

function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  // `template` keeps its children in `content`; the book has no use for them.
  for (const child of [...children]) yield* elements(child);
}

const first = (root: Node, test: (e: Element) => boolean) => {
  for (const e of elements(root)) if (test(e)) return e;
  return undefined;
};

const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

/** Reads a built page: its stylesheets and inline styles, and the `<article>` inside its `<main>`. */
export function readBuiltPage(html: string, path: string): BuiltPage {
  const document = parse(html);
  const head = first(document, (e) => e.tagName === 'head');
  const stylesheets = head ? [...elements(head)].filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet').map((e) => attr(e, 'href') ?? '') : [];
  const styles = head ? [...elements(head)].filter((e) => e.tagName === 'style').map(textOf) : [];
  const main = first(document, (e) => e.tagName === 'main');
  const article = main && first(main, (e) => e.tagName === 'article');
  if (!article) {
    throw new PdfRefused(
      `The built page ${path}index.html has no <article> in its <main>, so it is not a page this version of Charter built: build the site again (npm run build).`,
    );
  }
  return { path, stylesheets: stylesheets.filter(Boolean), styles, article };
}

/** The anchor a chapter (or the charter) has in the book, and its ids' prefix. */
export const chapterAnchor = (index: number) => `c${index + 1}`;
export const sectionAnchor = (id: string) => `s-${id}`;
export const CHARTER_ANCHOR = 'charter';

/** Where a link inside the book goes: a site path below the base → the anchor of the part that holds it. */
export type AnchorMap = ReadonlyMap<string, string>;

/**
 * The site paths (below the base) the book holds, with their anchors: every chapter's permanent
 * path, and for the current edition its short path too, which chapters link to.
 */
export function anchorsOf(plan: PrintPlan, sections: readonly PlannedSection[], charter: PrintPlan['charter']): Map<string, string> {
  const anchors = new Map<string, string>();
  let index = 0;
  for (const section of sections) {
    for (const chapter of section.chapters) {
      const anchor = chapterAnchor(index++);
      anchors.set(chapter.path, anchor);
      if (plan.edition.status === 'current') anchors.set(`${chapter.slug}/`, anchor);
    }
  }
  if (charter) anchors.set(charter.path, CHARTER_ANCHOR);
  return anchors;
}

/** What a link of a page becomes in the book: an anchor in it, an address on the site, or nothing. */
export function bookHref(href: string, page: { path: string; prefix: string }, plan: PrintPlan, anchors: AnchorMap): string | undefined {
  if (href.startsWith('#')) return href.length > 1 ? `#${page.prefix}-${href.slice(1)}` : `#${page.prefix}`;
  const origin = 'http://handbook.invalid';
  let url: URL;
  try {
    url = new URL(href, `${origin}${plan.base}${page.path}`);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return href;
  if (!url.pathname.startsWith(plan.base)) return undefined;
  const below = decodeURIComponent(url.pathname.slice(plan.base.length));
  const anchor = anchors.get(below.endsWith('/') || below === '' ? below : `${below}/`);
  if (anchor) return url.hash ? `#${anchor}-${url.hash.slice(1)}` : `#${anchor}`;
  return plan.site ? `${plan.site.replace(/\/$/, '')}${url.pathname}${url.search}${url.hash}` : undefined;
}

/** Attributes that name ids of the same page, each a list of ids separated by spaces. */
const ID_REFERENCES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for', 'headers'];
const DROPPED = new Set(['script', 'template', 'noscript', 'button', 'dialog', 'form', 'input']);

function detach(node: Element): void {
  const parent = node.parentNode as ParentNode | null;
  if (parent) parent.childNodes = parent.childNodes.filter((child) => child !== node);
}

/**
 * A page's article made part of the book: ids prefixed so that the chapters' ids stay unique,
 * links rewritten, headings one level down (the book's sections are its first level; the charter,
 * a first-level part of its own, keeps them), closed
 * details opened (paper cannot be clicked), and what only works on screen left out: scripts,
 * controls, and tooltips (a glossary term's tip, shown on hover, would open on paper wherever the
 * browser's pointer happens to rest).
 */
export function bookArticle(page: BuiltPage, anchor: string, plan: PrintPlan, anchors: AnchorMap, { demote = true } = {}): string {
  const article = page.article;
  for (const element of [...elements(article)]) {
    const classes = (attr(element, 'class') ?? '').split(/\s+/);
    if (
      element !== article &&
      (DROPPED.has(element.tagName) ||
        attr(element, 'hidden') !== undefined ||
        classes.includes('heading-anchor') ||
        classes.includes('no-print') ||
        attr(element, 'role') === 'tooltip')
    ) {
      detach(element);
      continue;
    }
    const id = attr(element, 'id');
    if (id !== undefined) setAttr(element, 'id', `${anchor}-${id}`);
    if (element.tagName === 'a') {
      const href = attr(element, 'href');
      const target = href === undefined ? undefined : bookHref(href, { path: page.path, prefix: anchor }, plan, anchors);
      if (target === undefined) removeAttr(element, 'href');
      else setAttr(element, 'href', target);
      removeAttr(element, 'target');
    }
    if (element.tagName === 'details') setAttr(element, 'open', '');
    const level = /^h([1-6])$/.exec(element.tagName)?.[1];
    if (level && demote) {
      const demoted = `h${Math.min(6, Number(level) + 1)}`;
      element.tagName = demoted;
      element.nodeName = demoted;
    }
  }
  // References to ids follow them; those to parts left out (a tooltip) go.
  const ids = new Set([...elements(article)].map((e) => attr(e, 'id')).filter((id) => id !== undefined));
  for (const element of elements(article)) {
    for (const name of ID_REFERENCES) {
      const value = attr(element, name);
      if (value === undefined) continue;
      const kept = value
        .split(/\s+/)
        .map((ref) => `${anchor}-${ref}`)
        .filter((ref) => ids.has(ref));
      if (kept.length > 0) setAttr(element, name, kept.join(' '));
      else removeAttr(element, name);
    }
  }
  setAttr(article, 'id', anchor);
  setAttr(article, 'class', `${attr(article, 'class') ?? ''} pdf-part pdf-chapter`.trim());
  return serializeOuter(article);
}

/** Text for HTML, in element content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The book's own print styles, after the site's: the cover, the contents and where pages break. */
export const BOOK_STYLES = `
@page { size: A4; margin: 16mm 16mm 18mm; }
html, body { background: #fff !important; color: #000 !important; }
body.pdf-book { font-size: 10.5pt; line-height: 1.45; }
.pdf-cover { break-after: page; padding-top: 70mm; }
.pdf-cover .pdf-org { font-size: 14pt; font-weight: 600; margin: 0; }
.pdf-cover .pdf-title { font-size: 30pt; font-weight: 700; line-height: 1.15; margin: 0.3em 0; }
.pdf-cover .pdf-subtitle { font-size: 16pt; margin: 0 0 0.4em; }
.pdf-cover .pdf-edition { font-size: 13pt; margin: 0; }
.pdf-contents { break-after: page; }
.pdf-contents ol { list-style: none; padding: 0; margin: 0; }
.pdf-contents ol ol { padding-inline-start: 1.2em; margin-bottom: 0.5em; }
.pdf-entry { display: flex; align-items: baseline; gap: 0.4em; margin: 0.15em 0; }
.pdf-entry a { color: #000; text-decoration: none; }
.pdf-contents > ol > li > .pdf-entry { font-weight: 600; margin-top: 0.6em; }
.pdf-leader { flex: 1; border-bottom: 1px dotted #000; }
.pdf-page { display: inline-block; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.pdf-part, .pdf-section { break-before: page; }
.pdf-section > h1 { font-size: 24pt; margin-top: 40mm; }
.pdf-section .pdf-section-chapters { font-size: 12pt; }
.pdf-chapter .chapter-header > h2 { font-size: 20pt; margin-top: 0; }
/* The chapters' headings are a level down in the book; they keep the size they have on the site. */
.pdf-chapter .prose h3 { font-size: 14pt; }
.pdf-chapter .prose h4 { font-size: 12pt; }
.pdf-book a { color: #000; }
.pdf-book a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.85em; word-break: break-all; }
`;

export interface BookInput {
  plan: PrintPlan;
  /** The sections to print: all of the edition's, or one. */
  sections: readonly PlannedSection[];
  /** The charter page, printed after the contents (in the whole edition's book). */
  charter?: PrintPlan['charter'];
  /** The built page of every chapter of those sections, by its path, and the charter's. */
  pages: ReadonlyMap<string, BuiltPage>;
  /** The heading of the book's cover: the handbook's title, or a section's. */
  subtitle?: string;
  /** The page each part starts on, by anchor; left out on the first printing, which finds them. */
  pageNumbers?: ReadonlyMap<string, number>;
  /** The anchor of every page the book holds (anchorsOf); links to other pages go to the site. */
  anchors: AnchorMap;
}

/** A part of the book with a heading of the outline: the contents, the charter, a section or a chapter. */
export interface BookPart {
  anchor: string;
  title: string;
  /** 1 for the book's own parts and sections, 2 for chapters. */
  level: 1 | 2;
}

/** The parts of a book in the order they are printed, which is the order of the PDF's outline. */
export function bookParts(input: Pick<BookInput, 'plan' | 'sections' | 'anchors' | 'charter'>): BookPart[] {
  const parts: BookPart[] = [{ anchor: 'contents', title: input.plan.strings.contents, level: 1 }];
  if (input.charter) parts.push({ anchor: CHARTER_ANCHOR, title: input.charter.title, level: 1 });
  for (const section of input.sections) {
    parts.push({ anchor: sectionAnchor(section.id), title: section.title, level: 1 });
    for (const chapter of section.chapters) parts.push({ anchor: input.anchors.get(chapter.path)!, title: chapter.title, level: 2 });
  }
  return parts;
}

/**
 * The page number a contents entry shows. The first printing, which finds the numbers, shows a
 * stand-in of the same shape: an empty box would sit differently on its line and could move the
 * pages that follow.
 */
function pageOf(input: BookInput, anchor: string): string {
  if (!input.pageNumbers) return '0';
  const page = input.pageNumbers.get(anchor);
  return page === undefined ? '' : String(page);
}

function contentsEntry(input: BookInput, anchor: string, title: string): string {
  return `<span class="pdf-entry"><a href="#${anchor}">${escapeHtml(title)}</a><span class="pdf-leader"></span><span class="pdf-page">${pageOf(input, anchor)}</span></span>`;
}

function pageFor(input: BookInput, path: string): BuiltPage {
  const page = input.pages.get(path);
  if (!page) throw new PdfRefused(`The built site has no page ${path}index.html: build the site again (npm run build).`);
  return page;
}

/** The whole printable document. */
export function bookHtml(input: BookInput): string {
  const { plan } = input;
  const used = [...input.pages.values()];
  const stylesheets = [...new Set(used.flatMap((p) => p.stylesheets))];
  const styles = [...new Set(used.flatMap((p) => p.styles))];
  const entries = input.sections.map(
    (section) =>
      `<li>${contentsEntry(input, sectionAnchor(section.id), section.title)}<ol>${section.chapters
        .map((c) => `<li>${contentsEntry(input, input.anchors.get(c.path)!, c.title)}</li>`)
        .join('')}</ol></li>`,
  );
  if (input.charter) entries.unshift(`<li>${contentsEntry(input, CHARTER_ANCHOR, input.charter.title)}</li>`);
  const charter = input.charter ? bookArticle(pageFor(input, input.charter.path), CHARTER_ANCHOR, plan, input.anchors, { demote: false }) : '';
  const sections = input.sections.map((section) => {
    const chapters = section.chapters.map((c) => bookArticle(pageFor(input, c.path), input.anchors.get(c.path)!, plan, input.anchors));
    const list = section.chapters.map((c) => `<li>${escapeHtml(c.title)}</li>`).join('');
    return `<section class="pdf-section" id="${sectionAnchor(section.id)}"><h1>${escapeHtml(section.title)}</h1><ul class="pdf-section-chapters">${list}</ul></section>${chapters.join('')}`;
  });
  const title = input.subtitle ? `${input.subtitle} · ${plan.title}` : plan.title;
  return [
    `<!DOCTYPE html><html lang="${escapeHtml(plan.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(`${title} · ${plan.edition.title}`)}</title>`,
    ...stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...styles.map((css) => `<style>${css}</style>`),
    `<style>${BOOK_STYLES}</style></head><body class="pdf-book">`,
    `<section class="pdf-cover"><p class="pdf-org">${escapeHtml(plan.organization)}</p><p class="pdf-title">${escapeHtml(plan.title)}</p>`,
    input.subtitle ? `<p class="pdf-subtitle">${escapeHtml(input.subtitle)}</p>` : '',
    `<p class="pdf-edition">${escapeHtml(plan.strings.cover)}</p></section>`,
    `<section class="pdf-contents" id="contents"><h1>${escapeHtml(plan.strings.contents)}</h1><ol>${entries.join('')}</ol></section>`,
    charter,
    ...sections,
    '</body></html>',
  ].join('');
}

/** The footer Chromium prints on every page: the edition, and the page's number of the book's pages. */
export function footerTemplate(plan: PrintPlan): string {
  const text = escapeHtml(plan.strings.footer).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
  // The footer is drawn apart from the page, without its styles: everything it needs is inline.
  return `<div style="font-size:8pt;width:100%;margin:0 16mm;color:#000;font-family:sans-serif;display:flex;justify-content:space-between"><span>${escapeHtml(plan.organization)} · ${escapeHtml(plan.title)}</span><span>${text}</span></div>`;
}
