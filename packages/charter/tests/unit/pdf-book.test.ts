/**
 * The PDF's document, without a browser: a built page's article made part of the book (links,
 * ids, headings, what only works on screen), the cover and contents, the fixed dates, which
 * editions the build prints, and `charter pdf`'s refusals of a site it cannot print.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runPdf } from '../../src/cli/pdf.ts';
import { CommandFailed } from '../../src/cli/command.ts';
import { anchorsOf, bookArticle, bookHtml, bookParts, footerTemplate, PdfRefused, readBuiltPage } from '../../src/lib/pdf/book.ts';
import { withFixedDates } from '../../src/lib/pdf/pdf-file.ts';
import { editionsToPrint, planFile, type PrintPlan } from '../../src/lib/pdf/plan.ts';

const plan = (overrides: Partial<PrintPlan> = {}): PrintPlan => ({
  format: 1,
  lang: 'en-US',
  organization: 'Fenlow & Sons',
  title: 'Service <Handbook>',
  base: '/handbook/',
  edition: { id: '2026.1', title: 'Edition 2026.1', status: 'current' },
  date: '2026-02-01',
  strings: { cover: 'Edition 2026.1, February 1, 2026', contents: 'Contents', footer: 'Edition 2026.1 · page {page} of {pages}' },
  sections: [
    {
      id: 'procedures',
      title: 'Procedures',
      chapters: [
        { slug: 'procedures/telephone', title: 'Telephone', path: '2026.1/procedures/telephone/' },
        { slug: 'procedures/email', title: 'Email', path: '2026.1/procedures/email/' },
      ],
    },
    { id: 'skills', title: 'Skills', chapters: [{ slug: 'skills/listening', title: 'Listening', path: '2026.1/skills/listening/' }] },
  ],
  ...overrides,
});

const page = (article: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/handbook/_astro/site.css"><style>.x{color:red}</style></head><body><header><nav>menu</nav></header><main id="main">${article}</main></body></html>`;

const telephone = page(
  `<article><header class="chapter-header"><h1>Telephone</h1></header><div class="prose">` +
    `<h2 id="steps">Steps</h2><a class="heading-anchor" href="#steps">Copy link</a>` +
    `<p><a href="#steps">these steps</a>, <a href="/handbook/procedures/email/#tone">Email</a>, <a href="/handbook/2026.1/skills/listening/">Listening</a>,` +
    ` <a href="/handbook/touchpoints/">the matrix</a>, <a href="https://example.org/x">outside</a>.</p>` +
    `<span class="term"><a href="/handbook/reference/glossary/#hold" aria-describedby="term-hold-tip">hold</a><span role="tooltip" id="term-hold-tip">Hold: waiting</span></span>` +
    `<details><summary>More</summary><p>Hidden on screen</p></details><div hidden>filters</div><script>alert(1)</script><button>Copy</button>` +
    `</div></article>`,
);

describe('a chapter in the book', () => {
  const p = plan();
  const anchors = anchorsOf(p, p.sections, undefined);
  const html = bookArticle(readBuiltPage(telephone, '2026.1/procedures/telephone/'), 'c1', p, anchors);

  it('gives the chapter an anchor, and its ids and links to them a prefix of it', () => {
    expect(html).toMatch(/^<article id="c1" class="pdf-part pdf-chapter">/);
    expect(html).toContain('<h3 id="c1-steps">Steps</h3>');
    expect(html).toContain('<a href="#c1-steps">these steps</a>');
  });

  it('links chapters of the book inside it, by their short and their permanent address', () => {
    expect(html).toContain('<a href="#c2-tone">Email</a>');
    expect(html).toContain('<a href="#c3">Listening</a>');
  });

  it('keeps outside links, and makes links to pages outside the book plain text without a site address', () => {
    expect(html).toContain('<a href="https://example.org/x">outside</a>');
    expect(html).toContain('<a>the matrix</a>');
    const withSite = bookArticle(readBuiltPage(telephone, '2026.1/procedures/telephone/'), 'c1', plan({ site: 'https://handbook.example.com' }), anchors);
    expect(withSite).toContain('<a href="https://handbook.example.com/handbook/touchpoints/">the matrix</a>');
  });

  it('moves headings a level down, opens details, and leaves out scripts, controls, tooltips and hidden parts', () => {
    expect(html).toContain('<h2>Telephone</h2>');
    expect(html).toContain('<details open="">');
    for (const gone of ['alert(1)', 'Copy', 'filters', 'Hold: waiting', 'heading-anchor']) expect(html).not.toContain(gone);
    expect(html).not.toContain('aria-describedby');
  });

  it('refuses a page without an article in its main, saying to build again', () => {
    expect(() => readBuiltPage('<html><body><main><p>x</p></main></body></html>', 'a/b/')).toThrow(PdfRefused);
    expect(() => readBuiltPage('<html><body><main><p>x</p></main></body></html>', 'a/b/')).toThrow(/a\/b\/index\.html has no <article>.*npm run build/);
  });
});

describe('the book', () => {
  const p = plan({ charter: { title: 'Our charter', path: 'charter/2026.1/' } });
  const pages = new Map(
    ['2026.1/procedures/telephone/', '2026.1/procedures/email/', '2026.1/skills/listening/', 'charter/2026.1/'].map((at) => [
      at,
      readBuiltPage(page(`<article><h1>${at}</h1></article>`), at),
    ]),
  );
  const input = { plan: p, sections: p.sections, charter: p.charter, pages, anchors: anchorsOf(p, p.sections, p.charter) };

  it('has a cover with the organization, title and edition, the contents, the charter and every chapter in order, escaped', () => {
    const html = bookHtml(input);
    expect(html).toContain('<p class="pdf-org">Fenlow &amp; Sons</p><p class="pdf-title">Service &lt;Handbook&gt;</p>');
    expect(html).toContain('Edition 2026.1, February 1, 2026');
    expect(html).toContain('<link rel="stylesheet" href="/handbook/_astro/site.css">');
    const order = ['id="contents"', 'id="charter"', 'id="s-procedures"', 'id="c1"', 'id="c2"', 'id="s-skills"', 'id="c3"'].map((id) => html.indexOf(id));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows the page numbers it is given in the contents, and a stand-in of the same shape before they are known', () => {
    expect(bookHtml(input)).toContain('<a href="#c3">Listening</a><span class="pdf-leader"></span><span class="pdf-page">0</span>');
    const numbered = bookHtml({ ...input, pageNumbers: new Map([['c3', 17]]) });
    expect(numbered).toContain('<a href="#c3">Listening</a><span class="pdf-leader"></span><span class="pdf-page">17</span>');
  });

  it('lists the parts in the order of the outline, sections and the book’s own parts first-level', () => {
    expect(bookParts(input).map((part) => `${part.level}:${part.title}`)).toEqual([
      '1:Contents',
      '1:Our charter',
      '1:Procedures',
      '2:Telephone',
      '2:Email',
      '1:Skills',
      '2:Listening',
    ]);
  });

  it('refuses to print without a page the plan names', () => {
    const few = new Map([...pages].slice(1));
    expect(() => bookHtml({ ...input, pages: few })).toThrow(/no page 2026\.1\/procedures\/telephone\/index\.html.*npm run build/);
  });

  it('prints the edition and the page number in the footer', () => {
    const footer = footerTemplate(p);
    expect(footer).toContain('Edition 2026.1 · page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(footer).toContain('Fenlow &amp; Sons');
  });
});

describe('the fixed dates', () => {
  it("replaces Chromium's moment of printing with the edition's date, keeping the file's length", () => {
    const printed = new TextEncoder().encode("<</Creator (x)\n/CreationDate (D:20261202154419+01'00')\n/ModDate (D:20261202154419+01'00')>>");
    const fixed = new TextDecoder().decode(withFixedDates(printed, '2026-02-01'));
    expect(fixed).toBe("<</Creator (x)\n/CreationDate (D:20260201000000+00'00')\n/ModDate (D:20260201000000+00'00')>>");
    expect(fixed.length).toBe(printed.length);
  });
});

describe('which editions the build prints', () => {
  const editions = [
    { id: 'draft', status: 'draft' as const },
    { id: '2026.1', status: 'current' as const },
    { id: '2025.1', status: 'archived' as const },
  ];
  it('follows the pdf setting', () => {
    expect(editionsToPrint(undefined, editions)).toEqual([]);
    expect(editionsToPrint('off', editions)).toEqual([]);
    expect(editionsToPrint('current', editions).map((e) => e.id)).toEqual(['2026.1']);
    expect(editionsToPrint('released', editions).map((e) => e.id)).toEqual(['2026.1', '2025.1']);
    expect(editionsToPrint('all', editions).map((e) => e.id)).toEqual(['draft', '2026.1', '2025.1']);
  });
});

describe('charter pdf refuses a site it cannot print', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const failure = async (args: string[]) => {
    try {
      await runPdf(args, dir, () => {});
    } catch (error) {
      expect(error).toBeInstanceOf(CommandFailed);
      return error as CommandFailed;
    }
    throw new Error('charter pdf did not fail');
  };

  it('says which command builds the site when there is none', async () => {
    const error = await failure([]);
    expect(error.code).toBe(1);
    expect(error.message).toBe('There is no built site at dist/: build it first with npm run build (astro build), or name its folder with --dist.');
  });

  it('says the folder was not built by Charter when it has no plans', async () => {
    mkdirSync(path.join(dir, 'out'));
    expect((await failure(['--dist', 'out'])).message).toMatch(/out\/ holds no pdf\/<edition>\/contents\.json.*npm run build/);
  });

  it('names the editions a site has when asked for another, and reports a plan it cannot read', async () => {
    mkdirSync(path.join(dir, 'site/pdf/2026.1'), { recursive: true });
    writeFileSync(path.join(dir, 'site', planFile('2026.1')), JSON.stringify({ ...plan(), format: 2 }));
    expect((await failure(['2030.1', '--dist', 'site'])).message).toMatch(/has no edition "2030\.1": it was built with 2026\.1/);
    expect((await failure(['2026.1', '--dist', 'site'])).message).toMatch(/is not a plan this version of Charter reads.*\n {2}- format:/);
  });

  it('refuses unknown options and editions given with --all', async () => {
    expect((await failure(['--pages'])).code).toBe(2);
    expect((await failure(['--all', '2026.1'])).message).toBe('Name editions or give --all, not both.');
  });
});
