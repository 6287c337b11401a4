import { describe, expect, it } from 'vitest';
import { chapterFrontmatter, edition, glossaryEntry } from '../../src/lib/schemas.ts';

const valid = {
  title: 'Telephone',
  description: 'How we answer, hold and close every call the same way.',
  type: 'procedure',
  touchpoints: ['telephone'],
  audience: ['frontline'],
  owner: 'Customer Contact Team',
  reviewed: new Date('2026-01-15'),
};

function issuesFor(data: Record<string, unknown>) {
  const result = chapterFrontmatter.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('chapter frontmatter', () => {
  it('accepts a complete chapter and fills the defaults', () => {
    const parsed = chapterFrontmatter.parse(valid);
    expect(parsed.reviewEvery).toBe(12);
    expect(parsed.redirectFrom).toEqual([]);
    expect(parsed.order).toBe(100);
  });

  it('names the allowed types and echoes a wrong one', () => {
    const [issue] = issuesFor({ ...valid, type: 'policy' });
    expect(issue!.path).toBe('type');
    expect(issue!.message).toContain('"policy" is not a known chapter type');
    expect(issue!.message).toContain('"procedure"');
  });

  it('names the allowed touchpoints and points at the bad list item', () => {
    const [issue] = issuesFor({ ...valid, touchpoints: ['telephone', 'fax'] });
    expect(issue!.path).toBe('touchpoints.1');
    expect(issue!.message).toContain('"fax" is not a known touchpoint');
    expect(issue!.message).toContain('"live-chat"');
  });

  it('refuses an unknown audience', () => {
    const [issue] = issuesFor({ ...valid, audience: ['everyone'] });
    expect(issue!.path).toBe('audience.0');
    expect(issue!.message).toContain('"all-staff"');
  });

  it('requires at least one audience', () => {
    const [issue] = issuesFor({ ...valid, audience: [] });
    expect(issue!.message).toContain('at least one audience');
  });

  it('explains a missing description', () => {
    const { description: _omitted, ...rest } = valid;
    const [issue] = issuesFor(rest);
    expect(issue!.path).toBe('description');
    expect(issue!.message).toContain('one sentence');
  });

  it('refuses a description that is not a sentence', () => {
    const [issue] = issuesFor({ ...valid, description: 'Phones.' });
    expect(issue!.message).toContain('too short');
  });

  it('explains a date it cannot read', () => {
    const [issue] = issuesFor({ ...valid, reviewed: 'last spring' });
    expect(issue!.path).toBe('reviewed');
    expect(issue!.message).toContain('"last spring" is not a date');
    expect(issue!.message).toContain('YYYY-MM-DD');
  });

  it('refuses a review interval that is not whole months', () => {
    const [issue] = issuesFor({ ...valid, reviewEvery: 1.5 });
    expect(issue!.path).toBe('reviewEvery');
    expect(issue!.message).toContain('whole number of months');
  });

  it('names an unknown field and lists the allowed ones', () => {
    const [issue] = issuesFor({ ...valid, author: 'Sam' });
    expect(issue!.message).toContain('unknown field "author"');
    expect(issue!.message).toContain('redirectFrom');
  });

  // Old addresses of a handbook published by another tool keep working after an import.
  it('takes an old address with capitals, spaces or underscores, and refuses one with slashes around it or a query', () => {
    expect(chapterFrontmatter.safeParse({ ...valid, redirectFrom: ['Procedures/Old Phone', 'benefits/stateFMLA', 'on_call'] }).success).toBe(true);
    for (const bad of ['/procedures/old/', 'a//b', 'a?b=1', 'a#b']) {
      const [issue] = issuesFor({ ...valid, redirectFrom: [bad] });
      expect(issue!.path, bad).toBe('redirectFrom.0');
      expect(issue!.message).toContain('without slashes around it');
    }
  });
});

describe('edition manifest entries', () => {
  it('accepts a released edition and the draft', () => {
    expect(edition.parse({ id: '2026.1', title: 'Edition 2026.1', status: 'current', released: '2026-02-01' }).released).toEqual(new Date('2026-02-01'));
    expect(edition.parse({ id: 'draft', title: 'Next edition', status: 'draft' }).id).toBe('draft');
  });

  it('refuses an id that is not year.number', () => {
    const result = edition.safeParse({ id: '2026-1', title: 'x', status: 'current' });
    expect(result.error?.issues[0]?.message).toContain('2026.1');
  });

  it('names the allowed statuses', () => {
    const result = edition.safeParse({ id: '2026.1', title: 'x', status: 'live' });
    expect(result.error?.issues[0]?.message).toContain('"archived"');
  });
});

describe('glossary entries', () => {
  it('defaults variants and examples to empty lists', () => {
    const parsed = glossaryEntry.parse({ id: 'checklist', term: 'checklist', definition: 'A list you tick through.' });
    expect(parsed.variants).toEqual([]);
    expect(parsed.examples).toEqual({ flag: [], pass: [] });
  });

  it('requires a reason for every variant', () => {
    const result = glossaryEntry.safeParse({ id: 'email', term: 'email', definition: 'd', variants: [{ text: 'e-mail' }] });
    expect(result.error?.issues[0]?.path).toEqual(['variants', 0, 'reason']);
  });
});
