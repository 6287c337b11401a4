/**
 * Markdown chapters in nested folders, as a handbook brought from another tool has them: `.md`
 * files three folders deep with index pages, raw HTML, relative links to `.md`/`.mdx` files,
 * images and a download next to the chapters. The build must publish every one of them at its
 * folder's address with working links; and a set of broken chapters must be refused all at once,
 * by the build and the checker alike, in the same words at the same places.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, buildWithContent, copyContent, htmlFiles, withoutCode } from './support.ts';
import { charterCli, engineRoot } from '../../../../tools/support/paths.ts';
import type { LintMessage } from '../../../../packages/charter/src/lint/types.ts';
import siteConfig from '../../charter.config.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const FRONTMATTER = (title: string, description: string) =>
  `---\ntitle: ${title}\ndescription: ${description}\ntype: guide\naudience: [frontline]\nowner: Customer Contact Team\nreviewed: 2026-11-01\n---\n\n`;

/** A 1×1 PNG, written byte by byte. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

function write(dir: string, rel: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

/** Every `href` of the built site's pages with where it is, for looking at links by their form. */
function hrefs(dist: string): { page: string; href: string }[] {
  return htmlFiles(dist).flatMap((page) =>
    [...withoutCode(readFileSync(path.join(dist, page), 'utf8')).matchAll(/\shref="([^"]*)"/g)].map((m) => ({ page, href: m[1]! })),
  );
}

/** Links with `#anchor` into the site whose target page has no element with that id. */
function brokenAnchors(dist: string): string[] {
  const broken: string[] = [];
  for (const { page, href } of hrefs(dist)) {
    const url = new URL(href.replaceAll('&amp;', '&'), `https://h.test/${page.replace(/index\.html$/, '')}`);
    // Only pages have headings to point at; `#page=2` on a PDF is for the PDF viewer.
    if (url.origin !== 'https://h.test' || url.hash === '' || !/(?:\/|\.html)$/.test(url.pathname)) continue;
    const target = path.join(dist, decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : '');
    let html: string;
    try {
      html = readFileSync(target, 'utf8');
    } catch {
      continue; // brokenLinks reports the page itself.
    }
    if (!html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)) broken.push(`${page}: ${href}`);
  }
  return broken;
}

/*
 * Two handbooks written for other tools: company-handbook (small, one of each construct) and
 * fenlow-handbook (written apart from the importer, as a team's repository grows over years:
 * Confluence, GitBook, Jekyll, Hugo, Docusaurus and MkDocs leftovers, two files differing only in
 * case, broken YAML, a 3,000-line page, links out of the folder, images a browser cannot show).
 */
describe.each(['company-handbook', 'fenlow-handbook'])('a handbook brought in with charter import (%s)', (name) => {
  it('builds unedited: every source page is a page, no link leads to a source file or nowhere, and the checker finds no error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-imported-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    const content = path.join(dir, 'content');
    const fixture = path.join(engineRoot, 'tests/fixtures/imports', name);
    const reportFile = path.join(dir, 'report.json');
    const imported = spawnSync(process.execPath, [charterCli, 'import', fixture, content, '--report', reportFile], { cwd: root, encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { edition: string; pages: { target: string; redirectFrom: string[] }[] };
    const { status, output } = buildWithContent(content, {}, (dist) => {
      for (const page of report.pages) expect(htmlFiles(dist), page.target).toContain(path.join(page.target.replace(/(?:\/index)?\.md$/, ''), 'index.html'));
      expect(hrefs(dist).filter(({ href }) => !/^https?:/.test(href) && /\.mdx?(?:[#?]|$)/i.test(href))).toEqual([]);
      // Northwind's own config (built here with another handbook's content) has a home button to its touchpoints.
      const configLinks = new Set((siteConfig.home?.actions ?? []).map((action) => action.href));
      expect(brokenLinks(dist, '/').filter((line) => !configLinks.has(line.slice(line.indexOf(': ') + 2)))).toEqual([]);
      expect(brokenAnchors(dist)).toEqual([]);
      // The old addresses forward to the new ones.
      const redirects = report.pages.flatMap((page) => page.redirectFrom.map((old) => ({ old, to: `/${page.target.replace(/(?:\/index)?\.md$/, '')}/` })));
      expect(redirects.length).toBeGreaterThan(3);
      for (const { old, to } of redirects) expect(readFileSync(path.join(dist, old, 'index.html'), 'utf8'), old).toContain(encodeURI(to));
    });
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/\bwarn(?:ing)?\b/i);
    const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: content },
    });
    expect((JSON.parse(lint.stdout) as LintMessage[]).filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('Markdown chapters in nested folders', () => {
  it('are published at their folders’ addresses, with every link, image and download working', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const edition = (rel: string) => `editions/2026.1/procedures/${rel}`;
    write(
      content.dir,
      edition('phone/index.md'),
      `${FRONTMATTER('Phone calls', 'Everything about calls on the phone.')}Start with [holding](./hold.md#when-to-hold) and the [telephone standard](../telephone.mdx).\n`,
    );
    write(
      content.dir,
      edition('phone/hold.md'),
      `${FRONTMATTER('Putting a caller on hold', 'How to put a caller on hold.')}## When to hold

Hold only when you must, and come back <abbr title="as soon as possible">ASAP</abbr>.<br>
Fill in the [refund form](./forms/refund%20form.pdf); see [listening](/skills/listening/) and [warm transfers](transfers/warm/index.md#before-you-transfer).

![The counter](./counter.png)

<div>
<img src="./counter.png" alt="The counter again">
<a href="https://example.com/hold">Hold music rules</a>
</div>

<!-- a note for editors -->

    an indented code block

Back to [the phone pages](./index.md) or [the top](#when-to-hold).
`,
    );
    write(
      content.dir,
      edition('phone/transfers/cold.md'),
      `${FRONTMATTER('Cold transfers', 'Passing a call on without an introduction.')}See [warm transfers](./warm/index.md) first, or [the folder](../) above.\n`,
    );
    write(
      content.dir,
      edition('phone/transfers/warm/index.md'),
      `${FRONTMATTER('Warm transfers', 'Introducing the caller before you pass the call on.')}## Before you transfer\n\nTell the caller who you are passing them to. Up: [cold](../cold.md), [phone](../../index.md).\n`,
    );
    write(content.dir, edition('phone/counter.png'), PNG);
    write(content.dir, edition('phone/forms/refund form.pdf'), '%PDF-1.4\n%%EOF\n');
    // An archived edition's Markdown links stay in that edition.
    write(
      content.dir,
      'editions/2025.1/procedures/notes.md',
      `${FRONTMATTER('Call notes', 'What to write down during a call.')}See [telephone](./telephone.mdx) and [listening](/skills/listening/).\n`,
    );
    // The same Markdown chapter changed between editions, with HTML that MDX would not read: its redline.
    write(
      content.dir,
      'editions/2026.1/procedures/notes.md',
      `${FRONTMATTER('Call notes', 'What to write down during a call.')}Write the caller's name first.<br>\nThen the order number.\n`,
    );

    const { status, output } = buildWithContent(content.dir, {}, (dist) => {
      for (const page of [
        'procedures/phone',
        'procedures/phone/hold',
        'procedures/phone/transfers',
        'procedures/phone/transfers/warm',
        'procedures/phone/transfers/cold',
      ])
        expect(htmlFiles(dist), page).toContain(path.join(page, 'index.html'));
      expect(readFileSync(path.join(dist, '2026.1/procedures/phone/counter.png'))).toEqual(PNG);
      expect(readFileSync(path.join(dist, '2026.1/procedures/phone/forms/refund form.pdf'), 'utf8')).toContain('%PDF');
      // No page links to a source file on the site (the edit links go to the repository), and every internal link and anchor leads somewhere.
      expect(hrefs(dist).filter(({ href }) => !/^https?:/.test(href) && /\.mdx?(?:[#?]|$)/i.test(href))).toEqual([]);
      expect(brokenLinks(dist, '/')).toEqual([]);
      expect(brokenAnchors(dist)).toEqual([]);

      const hold = readFileSync(path.join(dist, 'procedures/phone/hold/index.html'), 'utf8');
      expect(hold).toContain('<abbr title="as soon as possible">ASAP</abbr>');
      // Headings of Markdown chapters get the same copy-link control as MDX chapters.
      expect(hold).toMatch(
        /<div class="heading-wrap level-2"><h2 id="when-to-hold">When to hold<\/h2><a class="heading-anchor" href="#when-to-hold" data-copy-link(?:="")? data-pagefind-ignore(?:="")?><span class="heading-anchor-icon" aria-hidden="true"><\/span><span class="visually-hidden">Copy link to section: When to hold<\/span><\/a><\/div>/,
      );
      expect(hold).toContain('href="/procedures/phone/transfers/warm/#before-you-transfer"');
      expect(hold).toContain('href="/2026.1/procedures/phone/forms/refund%20form.pdf"');
      expect(hold.match(/src="\/2026\.1\/procedures\/phone\/counter\.png"/g)).toHaveLength(2);
      expect(hold).toMatch(/<a rel="noopener noreferrer" href="https:\/\/example\.com\/hold">/);
      expect(hold).toContain('<code>an indented code block');
      expect(hold).not.toContain('a note for editors');
      // The sidebar nests the folders; the breadcrumbs name each folder above the page.
      const warm = readFileSync(path.join(dist, 'procedures/phone/transfers/warm/index.html'), 'utf8');
      const crumbs = warm.slice(warm.indexOf('class="breadcrumbs'), warm.indexOf('</nav>', warm.indexOf('class="breadcrumbs')));
      expect([...crumbs.matchAll(/>([^<>]+)<\/(?:a|span)>/g)].map((m) => m[1])).toEqual([
        'Handbook',
        'Procedures',
        'Phone calls',
        'Transfers',
        'Warm transfers',
      ]);
      expect(warm).toMatch(/<ul class="folder[^"]*">\s*<li><a href="\/procedures\/phone\/hold\/"/);
      // The folder without a page of its own gets one that lists what is in it.
      const transfers = readFileSync(path.join(dist, 'procedures/phone/transfers/index.html'), 'utf8');
      expect(transfers).toContain('<h1>Transfers</h1>');
      expect(transfers).toContain('href="/procedures/phone/transfers/cold/"');
      // The folder's own chapter lists what is in it.
      expect(readFileSync(path.join(dist, 'procedures/phone/index.html'), 'utf8')).toContain('href="/procedures/phone/transfers/warm/"');
      expect(readFileSync(path.join(dist, 'changes/2026.1/index.html'), 'utf8')).toMatch(/Call notes[\s\S]*Write the caller/);
      const archived = readFileSync(path.join(dist, '2025.1/procedures/notes/index.html'), 'utf8');
      expect(archived).toContain('href="/2025.1/procedures/telephone/"');
      expect(archived).toContain('href="/2025.1/skills/listening/"');
    });
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/\bwarn(?:ing)?\b/i);
    const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: content.dir },
    });
    expect((JSON.parse(lint.stdout) as LintMessage[]).filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('are refused with every problem of every file at once, by the build and the checker in the same words', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const at = (rel: string) => `editions/2026.1/${rel}`;
    write(
      content.dir,
      at('procedures/phone/index.md'),
      `${FRONTMATTER('Phone calls', 'Calls.')}See [nowhere](./nowhere.md), [a heading](../telephone.mdx#no-such-heading) and ![gone](./gone.png).\n`,
    );
    write(
      content.dir,
      at('procedures/phone/hold.md'),
      `---\ntitle: Hold\ndescription: Hold.\ntype: policy\naudience: [frontline]\nowner: Team\nreviewed: 2026-11-01\n---\n\n<iframe src="https://example.com/"></iframe>\n\n![logo](https://example.com/logo.png)\n\n<div style="color: red">Red</div>\n`,
    );
    write(content.dir, at('procedures/phone/Call Notes.md'), `${FRONTMATTER('Call notes', 'Notes.')}Text.\n`);
    write(content.dir, at('procedures/broken.mdx'), `${FRONTMATTER('Broken', 'Broken MDX.')}<Callout>\n\nNever closed.\n`);
    write(content.dir, at('procedures/notes.html'), '<p>Old page</p>\n');
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    const refused = [...output.matchAll(/^ {2}\S+?\/(editions\/.+?):(\d+):(\d+): (.*) \(([a-z-]+)\)$/gm)].map(
      (m) => `${m[1]}:${m[2]}:${m[3]}: ${m[4]} (${m[5]})`,
    );
    const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: content.dir },
    });
    const errors = (JSON.parse(lint.stdout) as LintMessage[])
      .filter((m) => m.severity === 'error')
      .map((m) => `${m.file.slice(m.file.indexOf('editions/'))}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
    expect(refused.sort()).toEqual(errors.sort());
    const expected = [
      /phone\/index\.md:10:5: Unexpected link to "\.\/nowhere\.md"/,
      /phone\/index\.md:10:\d+: Unexpected link to "\.\.\/telephone\.mdx#no-such-heading" \(no such heading/,
      /phone\/index\.md:10:\d+: Unexpected image "\.\/gone\.png" \(no file editions\/2026\.1\/procedures\/phone\/gone\.png\)/,
      /phone\/hold\.md:\d+:\d+: type: "policy" is not a known chapter type/,
      /phone\/hold\.md:10:1: Unexpected <iframe>/,
      /phone\/hold\.md:12:1: Unexpected image from another host "https:\/\/example\.com\/logo\.png".*download it into the content folder/,
      /phone\/hold\.md:14:6: Unexpected style attribute on <div>/,
      /phone\/Call Notes\.md:1:1: Unexpected chapter file .*"editions\/2026\.1\/procedures\/phone\/call-notes\.md"/,
      /procedures\/broken\.mdx:\d+:\d+: Could not parse MDX/,
      /procedures\/notes\.html:1:1: Unexpected file "editions\/2026\.1\/procedures\/notes\.html"/,
    ];
    for (const pattern of expected)
      expect(
        refused.some((line) => pattern.test(line)),
        `${pattern}\n${refused.join('\n')}`,
      ).toBe(true);
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
