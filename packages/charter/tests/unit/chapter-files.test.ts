import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterFileNameProblem, chapterSlug, readEditionFolder, suggestedChapterPath, toSlugSegment } from '../../src/lib/chapter-files.ts';
import { publishedHref, resolveLink } from '../../src/lib/link-targets.ts';
import { readRawHtml, rewriteRawHtml } from '../../src/gate/raw-html.ts';

describe('chapter files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'charter-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sorts an edition folder into chapters, files chapters use and everything else', () => {
    const edition = path.join(dir, 'editions', '2026.1');
    for (const file of ['a/one.md', 'a/two.mdx', 'a/b/index.md', 'a/b/c/deep.md', 'a/pic.PNG', 'a/forms/f.pdf', 'a/notes.html', 'a/Old.MD', 'a/.DS_Store']) {
      mkdirSync(path.dirname(path.join(edition, file)), { recursive: true });
      writeFileSync(path.join(edition, file), 'x');
    }
    expect(readEditionFolder(dir, '2026.1')).toEqual({
      chapters: ['a/b/c/deep.md', 'a/b/index.md', 'a/one.md', 'a/two.mdx'],
      attachments: ['a/forms/f.pdf', 'a/pic.PNG'],
      unexpected: ['a/Old.MD', 'a/notes.html'],
    });
  });

  it('lists a folder again only when a file was added, removed or renamed in it or below', () => {
    const edition = path.join(dir, 'editions', 'kept');
    mkdirSync(path.join(edition, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(edition, 'a/b/one.md'), 'x');
    // Folders changed a moment ago are listed again every time: a change in the same instant would not show.
    const first = readEditionFolder(dir, 'kept');
    expect(readEditionFolder(dir, 'kept')).not.toBe(first);
    const past = new Date(Date.now() - 60_000);
    for (const folder of [edition, path.join(edition, 'a'), path.join(edition, 'a/b')]) utimesSync(folder, past, past);
    const listed = readEditionFolder(dir, 'kept');
    expect(readEditionFolder(dir, 'kept')).toBe(listed);
    writeFileSync(path.join(edition, 'a/b/one.md'), 'changed text, same files');
    expect(readEditionFolder(dir, 'kept')).toBe(listed);
    writeFileSync(path.join(edition, 'a/b/two.md'), 'x');
    expect(readEditionFolder(dir, 'kept').chapters).toEqual(['a/b/one.md', 'a/b/two.md']);
    expect(() => (listed.chapters as string[]).push('z.md')).toThrow(TypeError);
  });

  it('gives a folder index file the folder address', () => {
    expect(chapterSlug('procedures/telephone.mdx')).toBe('procedures/telephone');
    expect(chapterSlug('procedures/phone/index.md')).toBe('procedures/phone');
    expect(chapterSlug('procedures/index.mdx')).toBe('procedures');
    expect(chapterSlug('index.md')).toBe('');
  });

  it('makes names fit for an address, and suggests them when a name is not', () => {
    expect(toSlugSegment('stateFMLA')).toBe('state-fmla');
    expect(toSlugSegment('Paid Time Off (2024)')).toBe('paid-time-off-2024');
    expect(toSlugSegment('Café_Ouvert')).toBe('cafe-ouvert');
    expect(toSlugSegment('R&D')).toBe('r-and-d');
    expect(suggestedChapterPath('Benefits/stateFMLA.MD')).toBe('benefits/state-fmla.md');
    expect(chapterFileNameProblem('2026.1', 'benefits/stateFMLA.md')).toContain('"editions/2026.1/benefits/state-fmla.md"');
    expect(chapterFileNameProblem('2026.1', 'benefits/leave/parental.md')).toBeUndefined();
    expect(chapterFileNameProblem('2026.1', 'benefits/index.md')).toBeUndefined();
    expect(chapterFileNameProblem('2026.1', 'loose.md')).toContain('outside a section folder');
    expect(chapterFileNameProblem('2026.1', 'index.md')).toContain('at the top of the edition');
  });
});

describe('links as the published page has them', () => {
  const current = { id: '2026.1', status: 'current' as const };
  const archived = { id: '2025.1', status: 'archived' as const };

  it('reads a chapter file link from the folder of the file it is written in', () => {
    expect(resolveLink('../skills/listening.mdx#tone', 'procedures/phone/hold.md')).toMatchObject({
      kind: 'page',
      path: '/procedures/skills/listening/',
      anchor: 'tone',
    });
    expect(resolveLink('./index.md', 'procedures/phone/hold.md')).toMatchObject({ kind: 'page', path: '/procedures/phone/' });
    expect(resolveLink('Paid%20Leave.MD', 'benefits/index.md')).toMatchObject({ kind: 'page', path: '/benefits/Paid Leave/' });
    expect(resolveLink('../../../x.md', 'a/b.md')).toEqual({ kind: 'escapes', resolved: '../../x.md' });
    expect(resolveLink('./forms/refund.pdf?v=2', 'procedures/phone/hold.md')).toEqual({
      kind: 'file',
      file: 'procedures/phone/forms/refund.pdf',
      suffix: '?v=2',
    });
    expect(resolveLink('../listening/', 'skills/tone.mdx')).toMatchObject({ kind: 'page', path: '/skills/listening/' });
    expect(resolveLink('https://example.com/a.md', 'a/b.md')).toEqual({ kind: 'outside' });
    expect(resolveLink('#top', 'a/b.md')).toEqual({ kind: 'anchor', anchor: 'top' });
    // A chapter's file named from the top of the edition is its page; other files there come from public/.
    expect(resolveLink('/procedures/telephone.mdx#hold', 'a/b.md')).toMatchObject({ kind: 'page', path: '/procedures/telephone/', anchor: 'hold' });
    expect(resolveLink('/favicon.svg', 'a/b.md')).toEqual({ kind: 'public', path: '/favicon.svg' });
  });

  it('gives pages and files the edition and the base path, and leaves other hosts alone', () => {
    expect(publishedHref('../telephone.mdx#our-standard', 'procedures/phone/hold.md', current, '/handbook/')).toBe(
      '/handbook/procedures/telephone/#our-standard',
    );
    expect(publishedHref('/skills/listening/', 'procedures/a.md', archived, '/')).toBe('/2025.1/skills/listening/');
    expect(publishedHref('/search/?q=hold', 'procedures/a.md', archived, '/')).toBe('/search/?q=hold');
    expect(publishedHref('./hold music.png', 'procedures/a.md', current, '/')).toBe('/2026.1/procedures/hold%20music.png');
    expect(publishedHref('https://example.com/', 'procedures/a.md', archived, '/h/')).toBe('https://example.com/');
    expect(publishedHref('#steps', 'procedures/a.md', archived, '/h/')).toBe('#steps');
  });
});

describe('raw HTML in Markdown chapters', () => {
  it('reads elements and attributes as a browser does, and finds HTML that does not end where it starts', () => {
    const reading = readRawHtml('<DIV Title="a"><img src="x.png" onerror=alert(1)></div>');
    expect(reading.elements.map((e) => [e.name, e.attributes.map((a) => a.name)])).toEqual([
      ['div', ['title']],
      ['img', ['src', 'onerror']],
    ]);
    expect(readRawHtml('<div><img src="').problems.map((p) => [p.offset, p.message])).toEqual([
      [5, 'an unfinished tag (it would take in the text that follows it)'],
    ]);
    expect(readRawHtml('<!-- open').problems).toHaveLength(1);
    expect(readRawHtml('<?php echo 1 ?>').problems).toHaveLength(1);
  });

  it('rewrites attribute values in place, escaped, and can add attributes', () => {
    const html = '<p><a href="./a.md" title="x">A</a> <img alt="b" src=\'b.png\'></p>';
    const rewritten = rewriteRawHtml(
      html,
      (_element, attribute, value) => (attribute === 'href' || attribute === 'src' ? `/new/${value}?a="1"&b` : undefined),
      (element) => (element.name === 'a' ? 'rel="noopener"' : ''),
    );
    expect(rewritten).toBe(
      '<p><a rel="noopener" href="/new/./a.md?a=&quot;1&quot;&amp;b" title="x">A</a> <img alt="b" src="/new/b.png?a=&quot;1&quot;&amp;b"></p>',
    );
    expect(readRawHtml(rewritten).elements[1]!.attributes.find((a) => a.name === 'href')!.value).toBe('/new/./a.md?a="1"&b');
  });
});
