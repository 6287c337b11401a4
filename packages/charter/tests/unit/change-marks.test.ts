import { describe, expect, it } from 'vitest';
import { validateList } from '../../src/lib/data-files.ts';
import { compareEditions, strayChangeMarks } from '../../src/lib/diff/compare-editions.ts';
import { edition } from '../../src/lib/schemas.ts';
import { siteConfigSchema } from '../../src/lib/site-config.ts';

const manifest = (marks: string) => `- id: "2026.1"\n  title: Edition 2026.1\n  status: current\n  changeMarks:\n${marks}`;
const read = (text: string) => validateList(text, 'editions.yaml', edition, { required: true, purpose: 'its editions' });

describe('changeMarks in editions.yaml', () => {
  it('takes chapter paths marked material or correction', () => {
    const { entries, problems } = read(manifest('    procedures/telephone: correction\n    skills/listening: material\n'));
    expect(problems).toEqual([]);
    expect(entries[0]!.changeMarks).toEqual({ 'procedures/telephone': 'correction', 'skills/listening': 'material' });
  });

  it('refuses another mark or a path that is not a chapter’s, at its line and column, all in one go', () => {
    const { problems } = read(manifest('    procedures/telephone.mdx: correction\n    skills/listening: minor\n'));
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        5,
        31,
        'Entry 1: changeMarks.procedures/telephone.mdx is not a chapter path: write the path below the edition folder without extension, e.g. procedures/telephone',
      ],
      [6, 23, 'Entry 1: changeMarks.skills/listening: "minor" is not a known change mark; use one of "material", "correction"'],
    ]);
  });
});

describe('marks in the comparison of two editions', () => {
  const chapter = (slug: string, standard: string, extra = '') => ({
    slug,
    title: slug,
    redirectFrom: [],
    source: `## Our standard\n\n- We answer ${standard}.\n\n## Notes\n\nSome notes${extra}.\n`,
  });

  it('marks a changed standard material, a changed note a correction, and takes the editor’s override', () => {
    const before = [chapter('a', 'by the third ring'), chapter('b', 'by the third ring')];
    const after = [chapter('a', 'by the second ring'), chapter('b', 'by the third ring', ' here'), chapter('c', 'at once')];
    const plain = compareEditions(before, after);
    expect(plain.changed.map((c) => [c.slug, c.mark])).toEqual([
      ['a', 'material'],
      ['b', 'correction'],
    ]);
    expect(plain.added.map((c) => [c.slug, c.mark])).toEqual([['c', 'material']]);
    const overridden = compareEditions(before, after, { a: 'correction', b: 'material' });
    expect(overridden.changed.map((c) => c.mark)).toEqual(['correction', 'material']);
  });

  it('finds an override that names a chapter the edition did not change', () => {
    const comparison = compareEditions([chapter('a', 'x'), chapter('b', 'x')], [chapter('a', 'y'), chapter('b', 'x')]);
    expect(strayChangeMarks({ a: 'correction', b: 'material', zz: 'material' }, comparison)).toEqual(['b', 'zz']);
  });

  it('sees a change of the frontmatter’s standards though the body is the same', () => {
    const withStandard = (value: string) => ({
      ...chapter('a', 'x'),
      text: `---\nstandards: [{ id: answer, value: ${value} }]\n---\n${chapter('a', 'x').source}`,
    });
    const comparison = compareEditions([withStandard('3')], [withStandard('2')]);
    expect(comparison.changed.map((c) => [c.slug, c.mark])).toEqual([['a', 'material']]);
    expect(compareEditions([withStandard('3')], [withStandard('3')]).unchanged).toBe(1);
  });
});

describe('feedback and report in the site config', () => {
  const base = { title: 'Handbook', organization: 'Northwind' };
  const problems = (extra: object) => {
    const result = siteConfigSchema.safeParse({ ...base, ...extra });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes a same-origin endpoint path and an issues address or an email', () => {
    expect(problems({ feedback: { endpoint: '/charter-api' }, report: { issues: 'https://git.example/handbook/issues/new' } })).toEqual([]);
    expect(problems({ report: { email: 'handbook@example.com' } })).toEqual([]);
  });

  it('refuses another origin, a trailing slash, and a report target that is neither', () => {
    const origin = 'feedback.endpoint: must be a path on the site\'s own origin, starting with "/" and without a trailing "/", for example "/charter-api"';
    expect(problems({ feedback: { endpoint: 'https://acks.example/api' } })).toEqual([origin]);
    expect(problems({ feedback: { endpoint: '//acks.example/api' } })).toEqual([origin]);
    expect(problems({ feedback: { endpoint: '/charter-api/' } })).toEqual([origin]);
    expect(problems({ report: { email: 'nobody' } })).toEqual(['report.email: must be an email address, for example "handbook@example.com"']);
    expect(problems({ report: { issues: 'ftp://git.example/new' } })).toEqual(['report.issues: must be an http(s):// address of a new-issue page']);
    expect(problems({ report: { url: 'https://x' } }).length).toBeGreaterThan(0);
  });
});
