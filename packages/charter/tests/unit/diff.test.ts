import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { chapterSections } from '../../src/lib/diff/chapter-text.ts';
import { parseChapter } from '../../src/lib/mdx-parser.ts';
import { compareEditions } from '../../src/lib/diff/compare-editions.ts';
import { diffBlocks, editBudget, redlineChapter } from '../../src/lib/diff/redline.ts';

const telephone = (rings: string, seconds: number) => `---
title: Telephone
reviewed: 2026-01-01
---

Intro text.

## Our standard

- We answer ${rings}.
- No caller waits on hold more than ${seconds} seconds without an update.

## What to say

<SayThis context="When you pick up">

Good morning, Kestrel Tool Hire.

</SayThis>

<Callout type="do" title="Own it">

Take the problem **off their hands**.

</Callout>
`;

describe('chapterSections', () => {
  it('splits at h2 and keeps readable text, not markup', () => {
    const sections = chapterSections(telephone('by the third ring', 30));
    expect(sections.map((s) => s.heading)).toEqual([null, 'Our standard', 'What to say']);
    expect(sections[1]!.blocks).toEqual([
      { kind: 'item', text: 'We answer by the third ring.' },
      { kind: 'item', text: 'No caller waits on hold more than 30 seconds without an update.' },
    ]);
    const say = sections[2]!.blocks;
    expect(say).toContainEqual({ kind: 'quote', text: 'Good morning, Kestrel Tool Hire.' });
    expect(say).toContainEqual({ kind: 'heading', text: 'Own it' });
    expect(say).toContainEqual({ kind: 'paragraph', text: 'Take the problem off their hands.' });
    expect(JSON.stringify(sections)).not.toMatch(/[<>*]|SayThis|title:/);
  });
});

describe('redline', () => {
  it('marks the changed words inside a changed list item', () => {
    const sections = redlineChapter(telephone('within four rings', 60), telephone('by the third ring', 30));
    const standard = sections.find((s) => s.heading === 'Our standard')!;
    expect(standard.change).toBe('changed');
    const first = standard.blocks[0]!;
    expect(first.change).toBe('changed');
    expect(first.pieces).toEqual([
      { text: 'We answer ', change: 'same' },
      { text: 'within four rings', change: 'removed' },
      { text: 'by the third ring', change: 'added' },
      { text: '.', change: 'same' },
    ]);
    const second = standard.blocks[1]!;
    expect(second.pieces.find((p) => p.change === 'removed')?.text).toBe('60');
    expect(second.pieces.find((p) => p.change === 'added')?.text).toBe('30');
    expect(sections.find((s) => s.heading === 'What to say')!.change).toBe('same');
  });

  it('reports added and removed sections whole', () => {
    const before = '## Steps\n\nDo this.\n\n## Old part\n\nGone now.\n';
    const after = '## Steps\n\nDo this.\n\n## Checklist\n\n- Ticked\n';
    const sections = redlineChapter(before, after);
    expect(sections.map((s) => [s.heading, s.change])).toEqual([
      ['Steps', 'same'],
      ['Checklist', 'changed'],
    ]);
    expect(sections[1]!.previousHeading).toBe('Old part');
  });

  it('pairs a removed block with an added one as an edit, and keeps extra blocks whole', () => {
    const blocks = diffBlocks(
      [{ kind: 'paragraph', text: 'One two three.' }],
      [
        { kind: 'paragraph', text: 'One two four.' },
        { kind: 'paragraph', text: 'A new paragraph.' },
      ],
    );
    expect(blocks.map((b) => b.change)).toEqual(['changed', 'added']);
  });

  it('shows a rewritten paragraph as the old text struck and the new one added, not a jumble of words', () => {
    const before = 'Every caller hears a friendly greeting, the name of the site and the name of the colleague who answers.';
    const after = 'Orders placed before noon leave the warehouse the same day unless stock has to come from another site.';
    const [block] = diffBlocks([{ kind: 'paragraph', text: before }], [{ kind: 'paragraph', text: after }]);
    expect(block!.change).toBe('changed');
    expect(block!.pieces).toEqual([
      { text: before, change: 'removed' },
      { text: ' ', change: 'same' },
      { text: after, change: 'added' },
    ]);
  });

  it('keeps a word-level redline for a paragraph with a few words changed', () => {
    const before = 'Answer every call within three rings, give your name and the name of the site, and listen first.';
    const after = 'Answer every call within four rings, give your name and the name of the branch, and listen first.';
    const [block] = diffBlocks([{ kind: 'paragraph', text: before }], [{ kind: 'paragraph', text: after }]);
    expect(block!.pieces.filter((p) => p.change !== 'same').map((p) => p.text)).toEqual(['three', 'four', 'site', 'branch']);
  });

  it('allows half a block’s average length in edits, and at least 16', () => {
    expect(editBudget('a b', 'c d')).toBe(16);
    expect(editBudget('w '.repeat(50).trim(), 'w '.repeat(50).trim())).toBe(50);
  });

  it('ignores a change to the frontmatter alone', () => {
    const a = compareEditions(
      [{ slug: 's/a', title: 'A', redirectFrom: [], source: '---\nreviewed: 2025-01-01\n---\nSame text.\n' }],
      [{ slug: 's/a', title: 'A', redirectFrom: [], source: '---\nreviewed: 2026-01-01\n---\nSame text.\n' }],
    );
    expect(a.changed).toEqual([]);
    expect(a.unchanged).toBe(1);
  });
});

describe('compareEditions', () => {
  const chapter = (slug: string, title: string, source: string, redirectFrom: string[] = []) => ({ slug, title, source, redirectFrom });

  it('lists added, removed, renamed and changed chapters', () => {
    const result = compareEditions(
      [
        chapter('procedures/telephone', 'Telephone', telephone('within four rings', 60)),
        chapter('procedures/front-counter', 'Front counter', 'Greet people.'),
        chapter('procedures/fax', 'Fax', 'Send faxes.'),
        chapter('skills/listening', 'Listening', 'Listen.'),
      ],
      [
        chapter('procedures/telephone', 'Telephone', telephone('by the third ring', 30)),
        chapter('procedures/face-to-face', 'Face to face', 'Greet people warmly.', ['procedures/front-counter']),
        chapter('procedures/live-chat', 'Live chat', 'Chat.'),
        chapter('skills/listening', 'Listening', 'Listen.'),
      ],
    );
    expect(result.added).toEqual([{ slug: 'procedures/live-chat', title: 'Live chat', mark: 'correction' }]);
    expect(result.removed).toEqual([{ slug: 'procedures/fax', title: 'Fax' }]);
    expect(result.renamed).toHaveLength(1);
    expect(result.renamed[0]).toMatchObject({ slug: 'procedures/face-to-face', previousSlug: 'procedures/front-counter', previousTitle: 'Front counter' });
    expect(result.changed.map((c) => c.slug)).toEqual(['procedures/telephone']);
    expect(result.unchanged).toBe(1);
  });
});

describe('parseChapter', () => {
  it('reads Markdown-only chapters exactly as the MDX parser does, positions included', () => {
    const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
    const dir = path.resolve(import.meta.dirname, '../fixtures/handbooks/kestrel-hire/src/content/editions');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    // The test handbook's chapters use components; stripping them gives Markdown-only texts with every other construct.
    const markdownOnly = sources.map((s) => s.replace(/^[ \t]*<\/?[A-Z][^\n]*$/gm, '').replace(/[<{][^\n]*/g, ''));
    const indented = 'Para.\n\n    four spaces in MDX are text, not code\n';
    for (const source of [...markdownOnly, indented]) {
      expect(parseChapter(source)).toEqual(mdx.parse(source));
    }
  });
});

describe('redlines of Markdown chapters', () => {
  it('read a .md chapter as Markdown, raw HTML that MDX would refuse included', () => {
    const before = '## Hold\n\nCome back within a minute.<br>\nSay thanks.\n';
    const after = '## Hold\n\nCome back within 30 seconds.<br>\nSay thanks.\n';
    expect(() => redlineChapter(before, after)).toThrow();
    const sections = redlineChapter(before, after, { before: 'md', after: 'md' });
    expect(sections.map((s) => [s.heading, s.change])).toEqual([['Hold', 'changed']]);
  });
});
