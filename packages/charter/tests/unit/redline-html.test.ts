/**
 * The one redline renderer: the markup the "what changed" pages had when Redline.astro wrote it
 * itself, escaped throughout, and shared with `charter redline`'s page; the page and its summary.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.ts';
import { compareChapter, type ChapterVersion } from '../../src/lib/diff/changed-chapters.ts';
import { escapeHtml, redlineHtml, redlineLabels } from '../../src/lib/diff/redline-html.ts';
import { chapterAnchors, redlinePage, redlinePagePolicy, redlinePageStyles, rootBlock } from '../../src/lib/diff/redline-page.ts';
import { CHAPTER_COLUMNS, type ChapterColumn, type RedlineReport } from '../../src/lib/diff/redline-report.ts';
import { markdownTable, markdownText, redlineSummary } from '../../src/lib/diff/redline-summary.ts';
import { countWords, redlineChapter, redlineCounts, type SectionDiff } from '../../src/lib/diff/redline.ts';
import { parseNameStatus } from '../../src/lint/git.ts';
import { engineRoot } from '../lint/support.ts';

const english = createTranslator('en-GB');
const labels = redlineLabels(english);

/** A section of each kind the pages show: words changed, a renamed heading, added and removed sections. */
const SECTIONS: SectionDiff[] = [
  {
    heading: null,
    change: 'changed',
    blocks: [
      {
        kind: 'paragraph',
        change: 'changed',
        pieces: [
          { text: 'When a customer walks ', change: 'same' },
          { text: 'up to ', change: 'removed' },
          { text: 'through ', change: 'added' },
          { text: 'our door.', change: 'same' },
        ],
      },
    ],
  },
  {
    heading: 'Steps',
    previousHeading: 'What to do',
    change: 'changed',
    blocks: [
      { kind: 'item', change: 'same', pieces: [{ text: 'Greet them.', change: 'same' }] },
      { kind: 'item', change: 'added', pieces: [{ text: 'Ask whether you have missed anything.', change: 'added' }] },
      { kind: 'item', change: 'same', pieces: [{ text: 'Thank them.', change: 'same' }] },
    ],
  },
  { heading: 'At every site', change: 'added', blocks: [{ kind: 'heading', change: 'added', pieces: [{ text: 'The same standard', change: 'added' }] }] },
  { heading: 'Old rules', change: 'removed', blocks: [{ kind: 'quote', change: 'removed', pieces: [{ text: 'Good morning.', change: 'removed' }] }] },
  { heading: 'Checklist', change: 'same', blocks: [{ kind: 'item', change: 'same', pieces: [{ text: 'Done.', change: 'same' }] }] },
];

describe('redlineHtml', () => {
  it('writes the markup Redline.astro wrote: the same elements, classes, marks and counts', () => {
    expect(redlineHtml(SECTIONS, { level: 4, labels })).toBe(
      [
        '<div class="redline">',
        '<section class="section changed"><h4>Introduction</h4>',
        '<p class="block paragraph changed">When a customer walks <del data-mark="removed">up to </del><ins data-mark="added">through </ins>our door.</p>',
        '</section>',
        '<section class="section changed"><h4><del data-mark="removed">What to do</del> <ins data-mark="added">Steps</ins></h4>',
        '<p class="block item added"><ins data-mark="added">Ask whether you have missed anything.</ins></p>',
        '<p class="quiet">2 unchanged paragraphs or items not shown.</p>',
        '</section>',
        '<section class="section added"><h4>At every site<span class="tag">new section</span></h4>',
        '<p class="block heading added"><ins data-mark="added">The same standard</ins></p>',
        '</section>',
        '<section class="section removed"><h4>Old rules<span class="tag">section removed</span></h4>',
        '<p class="block quote removed"><del data-mark="removed">Good morning.</del></p>',
        '</section>',
        '<p class="quiet">1 section unchanged.</p>',
        '</div>',
      ].join(''),
    );
  });

  it('puts section titles at the level it is given, h3 by default', () => {
    expect(redlineHtml(SECTIONS.slice(0, 1), { labels })).toContain('<h3>Introduction</h3>');
  });

  it('escapes chapter text, headings and labels, so a chapter quoting <script> shows it as text', () => {
    const hostile: SectionDiff[] = [
      {
        heading: '<img src=x onerror=alert(1)>',
        previousHeading: 'Fish & "chips"',
        change: 'changed',
        blocks: [{ kind: 'code', change: 'changed', pieces: [{ text: "<script>alert('x')</script>", change: 'added' }] }],
      },
    ];
    const html = redlineHtml(hostile, { labels: { ...labels, addedMark: '"><script>' } });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('<del data-mark="removed">Fish &amp; &quot;chips&quot;</del>');
    expect(html).toContain('<ins data-mark="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</ins>');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('labels the marks in the handbook’s language', () => {
    const html = redlineHtml(SECTIONS, { labels: redlineLabels(createTranslator('de-DE')) });
    expect(html).toContain('<h3>Einleitung</h3>');
    expect(html).toContain('<del data-mark="entfernt">up to </del><ins data-mark="hinzugefügt">through </ins>');
    expect(html).toContain('<p class="quiet">1 Abschnitt unverändert.</p>');
  });
});

describe('one renderer and one stylesheet for the site and the command line', () => {
  const component = readFileSync(path.join(engineRoot, 'src/layouts/parts/Redline.astro'), 'utf8');
  const sheet = readFileSync(path.join(engineRoot, 'src/styles/redline.css'), 'utf8');

  it('Redline.astro renders through redlineHtml and has no markup or styles of its own', () => {
    expect(component).toMatch(/import \{ redlineHtml, redlineLabels \} from '\.\.\/\.\.\/lib\/diff\/redline-html\.ts';/);
    expect(component).toMatch(/import '\.\.\/\.\.\/styles\/redline\.css';/);
    const template = component.split(/^---$/m)[2]!.trim();
    expect(template).toBe('<Fragment set:html={html} />');
  });

  it('keeps every rule of the shared sheet below .redline, so it touches nothing else on a page', () => {
    // What stands before each `{`, after the last declaration or block: the selectors, and @media.
    const selectors = [...sheet.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{};]+)\{/g)]
      .flatMap((match) => match[1]!.split(','))
      .map((selector) => selector.trim())
      .filter((selector) => selector && !selector.startsWith('@'));
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) expect(selector).toMatch(/^\.redline /);
  });

  it('gives the page the theme variables the sheets use, and allows exactly its stylesheet', () => {
    const styles = redlinePageStyles();
    const defined = new Set([...rootBlock(styles).matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
    for (const [, name] of styles.matchAll(/var\((--[\w-]+)\)/g)) expect(defined, name).toContain(name);
    expect(styles).toContain(sheet);
    const hash = createHash('sha256').update(styles).digest('base64');
    expect(redlinePagePolicy(styles)).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
  });
});

const version = (file: string, source: string, edition = 'draft'): ChapterVersion => ({
  edition,
  path: file,
  source,
  format: file.endsWith('.md') ? 'md' : 'mdx',
});
const chapter = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\nreviewed: 2026-01-01\n---\n\n${body}\n`;

describe('compareChapter', () => {
  it('names the change and counts the words and sections it touches', () => {
    const before = version('procedures/telephone.mdx', chapter('Telephone', '## Our standard\n\n- We answer by the third ring.\n\n## Steps\n\n1. Greet.'));
    const after = version(
      'procedures/telephone.mdx',
      chapter('Phone calls', '## Our standard\n\n- We answer by the second ring, always.\n\n## Steps\n\n1. Greet.'),
    );
    const changed = compareChapter(before, after);
    expect(changed).toMatchObject({ change: 'changed', title: 'Phone calls', previousTitle: 'Telephone', unreadable: [] });
    expect(changed.counts).toEqual({ wordsAdded: 2, wordsRemoved: 1, sectionsChanged: 1 });
    expect(compareChapter(undefined, after)).toMatchObject({ change: 'added', counts: { wordsAdded: 2 + 7 + 1 + 1, wordsRemoved: 0, sectionsChanged: 2 } });
    expect(compareChapter(before, undefined)).toMatchObject({ change: 'removed', title: 'Telephone', counts: { wordsAdded: 0, wordsRemoved: 2 + 6 + 1 + 1 } });
    const moved = compareChapter(before, { ...before, edition: '2026.1', path: 'procedures/phone.mdx' });
    expect(moved).toMatchObject({ change: 'renamed', previous: { edition: 'draft', path: 'procedures/telephone.mdx' }, counts: { sectionsChanged: 0 } });
  });

  it('ignores a change to the frontmatter alone, and falls back to the path for a chapter without a title', () => {
    const same = compareChapter(version('a/b.md', chapter('B', 'Text.')), version('a/b.md', chapter('B', 'Text.').replace('2026-01-01', '2026-06-01')));
    expect(same.sections.every((section) => section.change === 'same')).toBe(true);
    expect(compareChapter(undefined, version('a/untitled.md', 'Just text.')).title).toBe('a/untitled.md');
  });

  it('compares as plain text when a version cannot be parsed, and says which and why, with the file’s line', () => {
    const broken = version('skills/listening.mdx', chapter('Listening', 'Listen {first.\n\nThen answer.'));
    const fixed = version('skills/listening.mdx', chapter('Listening', 'Listen first.\n\nThen answer.'));
    const result = compareChapter(broken, fixed);
    expect(result.unreadable).toEqual([{ side: 'before', format: 'mdx', reason: expect.stringMatching(/^line 6: /) }]);
    const pieces = result.sections.flatMap((s) => s.blocks).flatMap((b) => b.pieces);
    expect(pieces.filter((p) => p.change !== 'same').map((p) => [p.change, p.text])).toEqual([['removed', '{']]);
  });
});

describe('counting a redline', () => {
  it('counts words with a letter or digit, and the titles of added, removed and renamed sections', () => {
    expect(countWords('Pick up — by the 3rd ring.')).toBe(6);
    // Both sections renamed: "Old" to "New name", "Gone away" to "Fresh", whose "Bye now." became "Hello.".
    const sections = redlineChapter('## Old\n\nKeep.\n\n## Gone away\n\nBye now.', '## New name\n\nKeep.\n\n## Fresh\n\nHello.');
    expect(redlineCounts(sections)).toEqual({ wordsAdded: 2 + 1 + 1, wordsRemoved: 1 + 2 + 2, sectionsChanged: 2 });
    const added = redlineChapter('Intro.', 'Intro.\n\n## New part\n\nOne two.');
    expect(redlineCounts(added)).toEqual({ wordsAdded: 2 + 2, wordsRemoved: 0, sectionsChanged: 1 });
  });
});

const report = (chapters: RedlineReport['chapters'], mergeBase = true): RedlineReport => ({ ref: 'origin/main', commit: 'a'.repeat(40), mergeBase, chapters });
const hostile = compareChapter(undefined, version('procedures/returns.md', chapter('Returns | <b>refunds</b> `now` *[x](y)* & $1', 'Text.')));

describe('the job summary', () => {
  it('escapes what Markdown or HTML would read as markup, on one line', () => {
    expect(markdownText('A | <script>alert(1)</script>\n*b* _c_ [d](e) `f` ~g~ &amp; $x$ #1 !x\\')).toBe(
      'A \\| \\<script\\>alert(1)\\</script\\> \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\~g\\~ \\&amp; \\$x\\$ \\#1 \\!x\\\\',
    );
  });

  it('has a row per chapter with its edition, title, file, change and figures', () => {
    const summary = redlineSummary(report([hostile]), english);
    expect(summary).toBe(
      [
        '## Changes against origin/main',
        '',
        `Compared with commit ${'a'.repeat(12)}, where this branch left origin/main. 1 chapter added, removed, renamed or changed.`,
        '',
        '| Edition | Chapter | File | Change | Words added | Words removed | Sections changed |',
        '| --- | --- | --- | --- | ---: | ---: | ---: |',
        '| draft | Returns \\| \\<b\\>refunds\\</b\\> \\`now\\` \\*\\[x\\](y)\\* \\& \\$1 | procedures/returns.md | Added | 1 | 0 | 1 |',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed, and when the branch shares no history with the ref', () => {
    expect(redlineSummary(report([], false), english)).toBe(
      `## Changes against origin/main\n\nCompared with origin/main, commit ${'a'.repeat(12)}: this branch shares no history with it. No chapter changed.\n`,
    );
  });

  it('takes one more column by adding it to the list; the reading ease only when chapters have figures', () => {
    const extra: ChapterColumn = { header: () => 'Sentences', value: (c) => String(c.after?.source.split('.').length ?? 0), numeric: true };
    const [header, alignment, row] = markdownTable(report([hostile]), english, [...CHAPTER_COLUMNS, extra]);
    expect(header).toMatch(/\| Sections changed \| Sentences \|$/);
    expect(alignment).toMatch(/\| ---: \| ---: \|$/);
    expect(row).toMatch(/\| 1 \| 2 \|$/);
  });
});

describe('the redline page', () => {
  const styles = 'body { color: black; }';

  it('is a whole page in the handbook’s language, with landmarks and headings in order', () => {
    const html = redlinePage(report([hostile]), english, { lang: 'en-GB', siteTitle: 'Counter <Handbook>', styles });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain(`<style>${styles}</style>`);
    expect(html).toContain('<header class="site-header"><p>Counter &lt;Handbook&gt;</p></header>');
    const headings = [...html.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    expect(headings).toEqual([1, 2, 2, 3]);
    expect(html).toContain('<main>');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('says so when no chapter changed, with no table', () => {
    const html = redlinePage(report([]), english, { lang: 'en-GB', styles });
    expect(html).toContain(`<p class="lede">Compared with commit ${'a'.repeat(12)}, where this branch left origin/main. No chapter changed.</p>`);
    expect(html).not.toMatch(/<table|<article|<header/);
  });

  it('gives each chapter an anchor made from its place, unique even when two places read alike', () => {
    const a = compareChapter(undefined, version('procedures/a_b.md', 'x'));
    const b = compareChapter(undefined, version('procedures/a-b.md', 'x'));
    expect(chapterAnchors([a, b, hostile])).toEqual([
      'chapter-draft-procedures-a-b-md',
      'chapter-draft-procedures-a-b-md-2',
      'chapter-draft-procedures-returns-md',
    ]);
  });
});

describe('parseNameStatus', () => {
  it('reads additions, changes, removals and renames, with their paths', () => {
    expect(parseNameStatus('M\0a.mdx\0A\0new file.md\0D\0old.mdx\0R087\0from.mdx\0to.mdx\0T\0link.md\0')).toEqual([
      { status: 'changed', path: 'a.mdx' },
      { status: 'added', path: 'new file.md' },
      { status: 'removed', path: 'old.mdx' },
      { status: 'renamed', previousPath: 'from.mdx', path: 'to.mdx' },
      { status: 'changed', path: 'link.md' },
    ]);
  });
});
