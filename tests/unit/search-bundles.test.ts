import { describe, expect, it } from 'vitest';
import { bundleOfPage, bundlePath, pageUrlOf, SearchBundleError } from '../../src/lib/search/bundles.ts';

const page = (body: string) => `<!doctype html><html lang="en"><body><header>Menu</header>${body}</body></html>`;
const chapter = (edition: string) =>
  page(`<article data-pagefind-body><h1>Telephone</h1><div hidden data-pagefind-ignore><data data-pagefind-filter="edition[value]" value="${edition}"></data></div></article>`);

describe('search bundles', () => {
  it('puts each edition in a folder of its own under pagefind/', () => {
    expect(bundlePath('2026.1')).toBe('pagefind/2026.1/');
    expect(bundlePath('draft')).toBe('pagefind/draft/');
  });

  it('gives a built page the address a reader opens', () => {
    expect(pageUrlOf('index.html')).toBe('/');
    expect(pageUrlOf('procedures/telephone/index.html')).toBe('/procedures/telephone/');
    expect(pageUrlOf('2025.1/procedures/telephone/index.html')).toBe('/2025.1/procedures/telephone/');
    expect(pageUrlOf('404.html')).toBe('/404.html');
    expect(pageUrlOf('procedures\\mail\\index.html')).toBe('/procedures/mail/');
  });

  it('reads the edition from an indexed page and skips pages that are not indexed', () => {
    expect(bundleOfPage(chapter('2025.1'), 'a/index.html')).toBe('2025.1');
    expect(bundleOfPage(chapter('draft'), 'a/index.html')).toBe('draft');
    // The current edition's second address is a copy of the page that is not indexed.
    expect(bundleOfPage(page('<article><h1>Telephone</h1></article>'), 'b/index.html')).toBeUndefined();
  });

  it('is not fooled by prose that mentions the attribute', () => {
    expect(bundleOfPage(page('<p>Mark the body with &lt;article data-pagefind-body&gt; to index it.</p>'), 'c/index.html')).toBeUndefined();
  });

  it('refuses an indexed page that names no edition, saying which page and how to fix it', () => {
    const call = () => bundleOfPage(page('<main data-pagefind-body><h1>Stray</h1></main>'), 'stray/index.html');
    expect(call).toThrow(SearchBundleError);
    expect(call).toThrow(/stray\/index\.html: the page is marked for search \(data-pagefind-body\) but names no edition/);
    expect(call).toThrow(/ChapterLayout/);
  });
});
