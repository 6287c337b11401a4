import { describe, expect, it } from 'vitest';
import {
  buildSidebar,
  buildToc,
  findNeighbours,
  folderName,
  foldersAbove,
  groupBySection,
  parentFolder,
  readingOrder,
  SIDEBAR_WINDOW,
  windowAround,
  type SidebarItem,
} from '../../src/lib/navigation.ts';

const sections = [
  { id: 'procedures', title: 'Procedures', intro: 'i', order: 2 },
  { id: 'skills', title: 'Skills', intro: 'i', order: 1 },
  { id: 'empty', title: 'Empty', intro: 'i', order: 3 },
];
const chapters = [
  { slug: 'procedures/email', section: 'procedures', title: 'Email', order: 3 },
  { slug: 'procedures/telephone', section: 'procedures', title: 'Telephone', order: 1 },
  { slug: 'skills/listening', section: 'skills', title: 'Listening', order: 1 },
  { slug: 'procedures/mail', section: 'procedures', title: 'Mail', order: 3 },
];

describe('groupBySection', () => {
  it('orders sections by their order and chapters by order, then title', () => {
    const groups = groupBySection(chapters, sections);
    expect(groups.map((g) => g.section.id)).toEqual(['skills', 'procedures']);
    expect(groups[1]!.chapters.map((c) => c.title)).toEqual(['Telephone', 'Email', 'Mail']);
  });

  it('leaves out sections with no chapters', () => {
    expect(groupBySection(chapters, sections).some((g) => g.section.id === 'empty')).toBe(false);
  });

  it('refuses a chapter outside every section, naming it and the known sections', () => {
    expect(() => groupBySection([...chapters, { slug: 'misc/notes', section: 'misc', title: 'Notes', order: 1 }], sections)).toThrow(
      /"misc\/notes" is not in a known section.*procedures, skills, empty/,
    );
  });
});

describe('previous and next', () => {
  const ordered = readingOrder(groupBySection(chapters, sections));

  it('crosses section boundaries in reading order', () => {
    const { previous, next } = findNeighbours(ordered, 'procedures/telephone');
    expect(previous?.slug).toBe('skills/listening');
    expect(next?.slug).toBe('procedures/email');
  });

  it('has no previous page for the first chapter and no next for the last', () => {
    expect(findNeighbours(ordered, 'skills/listening').previous).toBeUndefined();
    expect(findNeighbours(ordered, 'procedures/mail').next).toBeUndefined();
  });
});

describe('buildSidebar', () => {
  const groups = groupBySection(chapters, sections);

  it('expands only the current section and marks the current page', () => {
    const sidebar = buildSidebar(groups, 'procedures/email');
    const procedures = sidebar.find((s) => s.id === 'procedures')!;
    const skills = sidebar.find((s) => s.id === 'skills')!;
    expect(procedures.expanded).toBe(true);
    expect(procedures.chapters.filter((c) => c.current).map((c) => c.slug)).toEqual(['procedures/email']);
    expect(skills.expanded).toBe(false);
    expect(skills.chapters).toEqual([]);
    expect(skills.count).toBe(1);
  });

  it('lists a small section whole, with nothing hidden', () => {
    const procedures = buildSidebar(groups, 'procedures/email').find((s) => s.id === 'procedures')!;
    expect(procedures.chapters.map((c) => c.slug)).toEqual(['procedures/telephone', 'procedures/email', 'procedures/mail']);
    expect([procedures.hiddenBefore, procedures.hiddenAfter]).toEqual([0, 0]);
  });

  describe('in a 3,000-chapter handbook', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ slug: `s${i % 20}/c${i}`, section: `s${i % 20}`, title: `Chapter ${i}`, order: i }));
    const manySections = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, title: `S${i}`, intro: 'i', order: i }));
    const big = groupBySection(many, manySections);

    it('shows a bounded window of the current section, whatever its size', () => {
      const sidebar = buildSidebar(big, 's3/c1503');
      const s3 = sidebar.find((s) => s.id === 's3')!;
      expect(s3.count).toBe(150);
      expect(s3.chapters).toHaveLength(SIDEBAR_WINDOW);
      expect(s3.chapters.filter((c) => c.current).map((c) => c.slug)).toEqual(['s3/c1503']);
      expect(s3.hiddenBefore + s3.chapters.length + s3.hiddenAfter).toBe(150);
      expect(sidebar.filter((s) => !s.expanded).every((s) => s.chapters.length === 0)).toBe(true);
    });

    it('keeps the window inside the section at its first and last chapter', () => {
      const first = buildSidebar(big, 's3/c3').find((s) => s.id === 's3')!;
      expect(first.chapters[0]!.slug).toBe('s3/c3');
      expect([first.hiddenBefore, first.hiddenAfter]).toEqual([0, 150 - SIDEBAR_WINDOW]);
      const last = buildSidebar(big, 's3/c2983').find((s) => s.id === 's3')!;
      expect(last.chapters.at(-1)!.slug).toBe('s3/c2983');
      expect([last.hiddenBefore, last.hiddenAfter]).toEqual([150 - SIDEBAR_WINDOW, 0]);
    });
  });
});

describe('windowAround', () => {
  it('centres on the index and stays inside the list', () => {
    expect(windowAround(50, 100, 11)).toEqual({ start: 45, end: 56 });
    expect(windowAround(2, 100, 11)).toEqual({ start: 0, end: 11 });
    expect(windowAround(99, 100, 11)).toEqual({ start: 89, end: 100 });
    expect(windowAround(3, 8, 11)).toEqual({ start: 0, end: 8 });
  });
});

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and drops other levels', () => {
    const toc = buildToc([
      { depth: 2, slug: 'steps', text: 'Steps' },
      { depth: 3, slug: 'hold', text: 'Hold' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'checklist', text: 'Checklist' },
    ]);
    expect(toc.map((e) => e.slug)).toEqual(['steps', 'checklist']);
    expect(toc[0]!.children.map((e) => e.slug)).toEqual(['hold']);
  });

  it('keeps an h3 that comes before any h2', () => {
    expect(buildToc([{ depth: 3, slug: 'intro', text: 'Intro' }])[0]!.slug).toBe('intro');
  });
});

describe('chapters in folders below a section', () => {
  const nested = [
    { slug: 'handbook/benefits/leave/parental', section: 'handbook', title: 'Parental leave', order: 2 },
    { slug: 'handbook/benefits/leave', section: 'handbook', title: 'Leave', order: 1 },
    { slug: 'handbook/benefits/leave/annual', section: 'handbook', title: 'Annual leave', order: 1 },
    { slug: 'handbook/welcome', section: 'handbook', title: 'Welcome', order: 1 },
    { slug: 'handbook', section: 'handbook', title: 'The handbook', order: 9 },
    { slug: 'handbook/benefits/pension', section: 'handbook', title: 'Pension', order: 5 },
    { slug: 'handbook/conduct/dress', section: 'handbook', title: 'Dress code', order: 3 },
  ];
  const handbook = [{ id: 'handbook', title: 'Handbook', intro: 'i', order: 1 }];

  // A folder without a page of its own sorts by the first order inside it; ties go by title.
  it('reads each folder whole: its own page first, then what is in it by order, sub-folders in their place', () => {
    expect(readingOrder(groupBySection(nested, handbook)).map((c) => c.slug)).toEqual([
      'handbook',
      'handbook/benefits/leave',
      'handbook/benefits/leave/annual',
      'handbook/benefits/leave/parental',
      'handbook/benefits/pension',
      'handbook/welcome',
      'handbook/conduct/dress',
    ]);
  });

  it('names the folders above a page, from the section down', () => {
    expect(foldersAbove('handbook/benefits/leave/parental')).toEqual(['handbook', 'handbook/benefits', 'handbook/benefits/leave']);
    expect(foldersAbove('handbook')).toEqual([]);
    expect(parentFolder('handbook/benefits/leave')).toBe('handbook/benefits');
    expect(folderName('handbook/time-off')).toBe('Time off');
  });

  it('nests the sidebar in folders, a folder without a page of its own named after the folder', () => {
    const [section] = buildSidebar(groupBySection(nested, handbook), 'handbook/benefits/leave/annual');
    const shape = (items: SidebarItem[]): unknown[] => items.map((i) => (i.children.length > 0 ? { [i.title]: shape(i.children) } : i.title));
    expect(shape(section!.chapters)).toEqual([
      'The handbook',
      { Benefits: [{ Leave: ['Annual leave', 'Parental leave'] }, 'Pension'] },
      'Welcome',
      { Conduct: ['Dress code'] },
    ]);
    const current = section!.chapters[1]!.children[0]!.children[0]!;
    expect([current.slug, current.current]).toEqual(['handbook/benefits/leave/annual', true]);
  });
});
