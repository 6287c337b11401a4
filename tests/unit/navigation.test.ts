import { describe, expect, it } from 'vitest';
import { buildSidebar, buildToc, findNeighbours, groupBySection, readingOrder } from '../../src/lib/navigation.ts';

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
    expect(skills.firstSlug).toBe('skills/listening');
    expect(skills.count).toBe(1);
  });

  it('keeps its size bounded by the current section, not the whole handbook', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      slug: `s${i % 20}/c${i}`,
      section: `s${i % 20}`,
      title: `Chapter ${i}`,
      order: i,
    }));
    const manySections = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, title: `S${i}`, intro: 'i', order: i }));
    const sidebar = buildSidebar(groupBySection(many, manySections), 's3/c3');
    const links = sidebar.reduce((n, s) => n + Math.max(1, s.chapters.length), 0);
    expect(links).toBe(150 + 19);
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
