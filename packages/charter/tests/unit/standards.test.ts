import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChapterFiles } from '../../src/lib/content-files.ts';
import { notesWithStandards, standardChangesOf } from '../../src/lib/release.ts';
import { chapterFrontmatter } from '../../src/lib/schemas.ts';
import { frontmatterProblems } from '../../src/lib/frontmatter.ts';
import { structureProblems } from '../../src/lib/structure.ts';
import { DEFAULT_VOCABULARY } from '../../src/lib/vocabulary.ts';
import { bodyCompletions } from '../../src/lsp/completion.ts';
import {
  compareStandards,
  formatTarget,
  sameTarget,
  standardsOfEdition,
  statementOf,
  withStandardsStated,
  type EditionStandard,
  type StandardTarget,
} from '../../src/lib/standards.ts';

const chapter = {
  title: 'Telephone',
  description: 'How we answer, hold and close every call the same way.',
  type: 'procedure',
  touchpoints: ['telephone'],
  audience: ['frontline'],
  owner: 'Customer Contact Team',
  reviewed: new Date('2026-01-15'),
};

const answer = { id: 'phone-answer', measure: 'time to answer', target: { value: 3, unit: 'rings' }, statement: 'We answer every call by {target}.' };

function issuesFor(data: Record<string, unknown>) {
  const result = chapterFrontmatter.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the standards field', () => {
  it('accepts a standard and fills its defaults', () => {
    const parsed = chapterFrontmatter.parse({ ...chapter, standards: [answer] });
    expect(parsed.standards[0]).toMatchObject({ id: 'phone-answer', phrasings: [], target: { value: 3, unit: 'rings' } });
    expect(chapterFrontmatter.parse(chapter).standards).toEqual([]);
  });

  it('names the allowed units and echoes a wrong one', () => {
    const issues = issuesFor({ ...chapter, standards: [{ ...answer, target: { value: 3, unit: 'bells' } }] });
    expect(issues).toEqual([expect.stringMatching(/^standards\.0\.target\.unit: "bells" is not a known unit; use one of "rings", "seconds", .*"percent"$/)]);
  });

  it('asks for {target} in the statement and the phrasings', () => {
    const issues = issuesFor({ ...chapter, standards: [{ ...answer, statement: 'We answer every call by the third ring.', phrasings: ['pick up fast'] }] });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^standards\.0\.statement: must contain \{target\} where the value goes/);
    expect(issues[1]).toMatch(/^standards\.0\.phrasings\.0: must contain \{target\}/);
  });

  it('lists the fields of a standard for an unknown one', () => {
    const issues = issuesFor({ ...chapter, standards: [{ ...answer, goal: 3 }] });
    expect(issues[0]).toContain('unknown field "goal"; allowed fields of a standard are id, touchpoint, measure, target');
  });

  it('refuses a touchpoint outside the vocabulary, naming the allowed ones', () => {
    const issues = issuesFor({ ...chapter, standards: [{ ...answer, touchpoint: 'fax' }] });
    expect(issues[0]).toMatch(/^standards\.0\.touchpoint: "fax" is not a known touchpoint; use one of "telephone"/);
  });

  it('needs a touchpoint when the chapter does not have exactly one', () => {
    const issues = issuesFor({ ...chapter, touchpoints: ['telephone', 'email'], standards: [answer] });
    expect(issues).toEqual(['standards.0: needs a touchpoint: the chapter lists 2 (telephone, email), so write which one standard "phone-answer" is for']);
    expect(chapterFrontmatter.safeParse({ ...chapter, touchpoints: ['telephone', 'email'], standards: [{ ...answer, touchpoint: 'email' }] }).success).toBe(
      true,
    );
  });

  it('refuses one id twice in a chapter', () => {
    const issues = issuesFor({ ...chapter, standards: [answer, { ...answer, measure: 'other' }] });
    expect(issues).toEqual(['standards.1.id: "phone-answer" is declared twice in this chapter; give each standard its own id']);
  });

  it('places a wrong value at its line and column in the chapter', () => {
    const source = [
      '---',
      'title: Telephone',
      'description: How we answer, hold and close every call the same way.',
      'type: procedure',
      'touchpoints: [telephone]',
      'audience: [frontline]',
      'owner: Customer Contact Team',
      'reviewed: 2026-01-15',
      'standards:',
      '  - id: phone-answer',
      '    measure: time to answer',
      '    target: { value: 3, unit: bells }',
      '    statement: We answer every call by {target}.',
      '---',
      '',
      'Text.',
    ].join('\n');
    const [problem] = frontmatterProblems(source);
    expect(problem).toMatchObject({ line: 12, column: 31 });
    expect(problem!.message).toMatch(/^standards\.0\.target\.unit: "bells" is not a known unit/);
  });
});

describe('targets in words', () => {
  const cases: [StandardTarget, string][] = [
    [{ value: 3, unit: 'rings' }, 'the third ring'],
    [{ value: 12, unit: 'rings' }, 'the 12th ring'],
    [{ value: 30, unit: 'seconds' }, '30 seconds'],
    [{ value: 1, unit: 'minutes' }, 'one minute'],
    [{ value: 1, unit: 'working-days' }, 'one working day'],
    [{ value: 4, unit: 'working-hours' }, 'four working hours'],
    [{ value: 95, unit: 'percent' }, '95%'],
  ];
  it.each(cases)('writes %o as "%s"', (target, words) => expect(formatTarget(target)).toBe(words));

  it('fills the statement', () => {
    expect(statementOf({ statement: 'We answer every call by {target}.', target: { value: 4, unit: 'rings' } })).toBe(
      'We answer every call by the fourth ring.',
    );
  });
});

describe('targets compared in a common unit', () => {
  it('counts 60 seconds as one minute and two days as 48 hours', () => {
    expect(sameTarget({ value: 60, unit: 'seconds' }, { value: 1, unit: 'minutes' })).toBe(true);
    expect(sameTarget({ value: 2, unit: 'days' }, { value: 48, unit: 'hours' })).toBe(true);
  });
  it('keeps working time apart from elapsed time', () => {
    expect(sameTarget({ value: 1, unit: 'working-days' }, { value: 24, unit: 'hours' })).toBe(false);
    expect(sameTarget({ value: 1, unit: 'working-days' }, { value: 8, unit: 'working-hours' })).toBe(false);
    expect(sameTarget({ value: 1, unit: 'working-days' }, { value: 1, unit: 'days' })).toBe(false);
  });
  it('tells different amounts apart', () => {
    expect(sameTarget({ value: 3, unit: 'rings' }, { value: 4, unit: 'rings' })).toBe(false);
    expect(sameTarget({ value: 30, unit: 'seconds' }, { value: 1, unit: 'minutes' })).toBe(false);
  });
});

const declaring = (slug: string, standards: unknown[], touchpoints = ['telephone']) => ({
  slug,
  title: slug,
  data: chapterFrontmatter.parse({ ...chapter, touchpoints, standards }),
});

describe('an edition’s standards', () => {
  it('fills the touchpoint and owner from the chapter and names the chapter', () => {
    const [standard] = standardsOfEdition([declaring('procedures/telephone', [answer])]);
    expect(standard).toMatchObject({ id: 'phone-answer', touchpoint: 'telephone', owner: 'Customer Contact Team', chapter: { slug: 'procedures/telephone' } });
  });
});

describe('comparing two editions’ standards', () => {
  const of = (...standards: unknown[]): EditionStandard[] => standardsOfEdition([declaring('procedures/telephone', standards)]);
  const hold = { id: 'phone-hold', measure: 'time on hold', target: { value: 60, unit: 'seconds' }, statement: 'No caller waits more than {target}.' };

  it('finds a changed target, an added and a removed standard', () => {
    const before = of({ ...answer, target: { value: 4, unit: 'rings' } }, hold);
    const after = of(answer, { ...hold, id: 'phone-callback', measure: 'time to call back' });
    const comparison = compareStandards(before, after);
    expect(comparison.changed.map((c) => [formatTarget(c.before.target), formatTarget(c.after.target)])).toEqual([['the fourth ring', 'the third ring']]);
    expect(comparison.added.map((s) => s.id)).toEqual(['phone-callback']);
    expect(comparison.removed.map((s) => s.id)).toEqual(['phone-hold']);
  });

  it('sees no change in the same value in other units or in a reworded statement', () => {
    const comparison = compareStandards(of(hold), of({ ...hold, target: { value: 1, unit: 'minutes' }, statement: 'Nobody holds longer than {target}.' }));
    expect(comparison).toEqual({ changed: [], added: [], removed: [] });
  });

  it('follows a standard whose id changed by its touchpoint and measure', () => {
    const comparison = compareStandards(of(hold), of({ ...hold, id: 'hold-time', target: { value: 30, unit: 'seconds' } }));
    expect(comparison.changed).toHaveLength(1);
    expect(comparison.added).toEqual([]);
    expect(comparison.removed).toEqual([]);
  });

  it('counts a changed condition as a change', () => {
    const comparison = compareStandards(of(answer), of({ ...answer, condition: 'during opening hours' }));
    expect(comparison.changed).toHaveLength(1);
  });
});

describe('an unknown field of a standard', () => {
  it('is placed at its own key', () => {
    const source = [
      '---',
      'title: Telephone',
      'description: How we answer, hold and close every call the same way.',
      'type: procedure',
      'touchpoints: [telephone]',
      'audience: [frontline]',
      'owner: Customer Contact Team',
      'reviewed: 2026-01-15',
      'standards:',
      '  - id: phone-answer',
      '    measure: time to answer',
      '    goal: 3',
      '    target: { value: 3, unit: rings }',
      '    statement: We answer every call by {target}.',
      '---',
      '',
      'Text.',
    ].join('\n');
    const [problem] = frontmatterProblems(source);
    expect(problem).toMatchObject({ line: 12, column: 5 });
    expect(problem!.message).toMatch(/^standards\.0: unknown field "goal"/);
  });
});

describe('a standard id declared by two chapters of an edition', () => {
  const source = (id: string) =>
    `---\ntitle: T\ndescription: How we answer, hold and close every call the same way.\ntype: procedure\ntouchpoints: [telephone]\naudience: [frontline]\nowner: Team\nreviewed: 2026-01-15\nstandards:\n  - id: ${id}\n    measure: time to answer\n    target: { value: 3, unit: rings }\n    statement: We answer by {target}.\n---\n\nText.\n`;
  it('is refused at both declarations, naming the other chapter', () => {
    const problems = structureProblems([
      { edition: 'draft', file: 'procedures/telephone.mdx', source: source('phone-answer') },
      { edition: 'draft', file: 'procedures/phone.mdx', source: source('phone-answer') },
      { edition: '2026.1', file: 'procedures/phone.mdx', source: source('phone-answer') },
    ]);
    expect(problems.get('draft/procedures/telephone.mdx')).toEqual([
      expect.objectContaining({
        line: 10,
        column: 9,
        message: 'Unexpected standard id "phone-answer": chapter "procedures/phone" declares it too, expected each standard id once in an edition: rename one',
      }),
    ]);
    expect(problems.get('draft/procedures/phone.mdx')).toHaveLength(1);
    expect(problems.get('2026.1/procedures/phone.mdx')).toBeUndefined();
  });
});

describe('the standards a release changes', () => {
  const example = path.resolve(import.meta.dirname, '../../../../examples/northwind/src/content');
  it('are named in one line each, from the current edition’s chapters and the draft’s', () => {
    expect(standardChangesOf(listChapterFiles(example, '2026.1'), listChapterFiles(example, 'draft'))).toEqual([
      'Live chat, time to the first reply: 60 seconds → 30 seconds',
      'Website, time to reply to a public comment: two working hours during opening times (new)',
      'Website, time to answer a private message: two working hours during opening times (new)',
    ]);
    expect(standardChangesOf(listChapterFiles(example, '2025.1'), listChapterFiles(example, '2026.1'))).toEqual(
      expect.arrayContaining([
        'Telephone, time to answer: the fourth ring → the third ring',
        'Telephone, time on hold without an update: 60 seconds → 30 seconds',
      ]),
    );
  });

  it('follow the draft’s notes in the released edition’s notes', () => {
    expect(notesWithStandards('Adds a chapter.', ['Telephone, time to answer: the fourth ring → the third ring'])).toBe(
      'Adds a chapter. Service standards: Telephone, time to answer: the fourth ring → the third ring.',
    );
    expect(notesWithStandards('', ['A: b (new)'])).toBe('Service standards: A: b (new).');
    expect(notesWithStandards('Adds a chapter.', [])).toBe('Adds a chapter.');
  });
});

describe('a chapter’s text with its standards written out', () => {
  const standards = [{ id: 'phone-answer', statement: 'We answer every call by {target}.', target: { value: 3, unit: 'rings' as const } }];
  it('states the sentence or the value where the tags are, and leaves unknown ids alone', () => {
    const source = '- <Standard id="phone-answer" />\n\nAnswer by <Standard value id=\'phone-answer\' />. <Standard id="nope" />';
    expect(withStandardsStated(source, standards)).toBe('- We answer every call by the third ring.\n\nAnswer by the third ring. <Standard id="nope" />');
  });
});

describe('completion of a <Standard id>', () => {
  it('offers the ids of the edition’s standards, each with its sentence', () => {
    const standards = [{ id: 'phone-answer', statement: 'We answer every call by {target}.', target: { value: 3, unit: 'rings' as const } }];
    const items = bodyCompletions('Pick up by <Standard id="', 25, { vocabulary: DEFAULT_VOCABULARY, glossary: [], format: 'mdx', standards });
    expect(items.map((item) => [item.label, item.detail])).toEqual([['phone-answer', 'We answer every call by the third ring.']]);
    expect(bodyCompletions('<Standard ', 10, { vocabulary: DEFAULT_VOCABULARY, glossary: [], format: 'mdx' }).map((item) => item.label)).toEqual([
      'id',
      'value',
    ]);
  });
});
