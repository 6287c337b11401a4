/**
 * What a quick-reference card keeps of a procedure (lib/cards.ts), the charter's grouping by
 * touchpoint (lib/charter.ts), and which questions search treats as asking for a standard.
 */
import { describe, expect, it } from 'vitest';
import { CARD_LIMITS, cardChapter, cardOf, plainText } from '../../src/lib/cards.ts';
import { charterByTouchpoint } from '../../src/lib/charter.ts';
import { isStandardQuestion } from '../../src/lib/search/query.ts';
import type { EditionStandard } from '../../src/lib/standards.ts';

const standard = (id: string, touchpoint: string, chapter = 'procedures/telephone'): EditionStandard => ({
  id,
  touchpoint,
  measure: 'time to answer',
  target: { value: 3, unit: 'rings' },
  owner: 'Contact Team',
  statement: 'We answer every call by {target}.',
  phrasings: [],
  chapter: { slug: chapter, title: 'Telephone' },
  index: 0,
});
const standards = [standard('phone-answer', 'telephone')];

const procedure = (steps: number, sayings: number, checks: number) => `## Steps

<Steps>

${Array.from({ length: steps }, (_, i) => `${i + 1}. **Step ${i + 1} heading.** The detail of step ${i + 1}, which the card leaves out.`).join('\n')}
${steps + 1}. Answer by <Standard id="phone-answer" value />. Then greet the caller.

</Steps>

## What to say

${Array.from({ length: sayings }, (_, i) => `<SayThis context="Moment ${i + 1}">\n\nWords ${i + 1}, said <Term id="hold">on hold</Term>.\n\n</SayThis>`).join('\n\n')}

## If something goes wrong

Stay calm. If you cannot solve it, escalate it to your team lead. Then tell the caller who will call back. Escalation is rare.

## Checklist

<Checklist>

${Array.from({ length: checks }, (_, i) => `- Check ${i + 1} done.`).join('\n')}

</Checklist>
`;

describe('a quick-reference card', () => {
  it('keeps the step headings, a step without one by its first sentence with the standard’s value, the sayings, checks and escalation', () => {
    const card = cardOf(procedure(2, 2, 3), 'mdx', standards);
    expect(card.steps).toEqual(['Step 1 heading.', 'Step 2 heading.', 'Answer by the third ring.']);
    expect(card.sayThis).toEqual([
      { context: 'Moment 1', words: 'Words 1, said on hold.' },
      { context: 'Moment 2', words: 'Words 2, said on hold.' },
    ]);
    expect(card.checklist).toEqual(['Check 1 done.', 'Check 2 done.', 'Check 3 done.']);
    expect(card.escalation).toEqual(['If you cannot solve it, escalate it to your team lead.', 'Escalation is rare.']);
    expect(card.cut).toEqual({ steps: 0, sayThis: 0, checklist: 0 });
  });

  it('cuts a long procedure to its limits and counts what it left out', () => {
    const card = cardOf(procedure(25, 9, 40), 'mdx', standards);
    expect(card.steps).toHaveLength(CARD_LIMITS.steps);
    expect(card.sayThis).toHaveLength(CARD_LIMITS.sayThis);
    expect(card.checklist).toHaveLength(CARD_LIMITS.checklist);
    expect(card.cut).toEqual({ steps: 26 - CARD_LIMITS.steps, sayThis: 9 - CARD_LIMITS.sayThis, checklist: 40 - CARD_LIMITS.checklist });
  });

  it('states a <Standard> as its sentence, and one the edition lacks as nothing', () => {
    const root = {
      type: 'mdxJsxTextElement',
      name: 'Standard',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'phone-answer' }],
      children: [],
    } as never;
    expect(plainText(root, standards)).toBe('We answer every call by the third ring.');
    expect(plainText(root, [])).toBe('');
  });

  it('comes from the touchpoint’s procedure that declares its standards', () => {
    const chapters = [
      { slug: 'procedures/calls-overview', data: { type: 'procedure', touchpoints: ['telephone'] } },
      { slug: 'procedures/telephone', data: { type: 'procedure', touchpoints: ['telephone'] } },
      { slug: 'principles/consistency', data: { type: 'principle', touchpoints: ['telephone', 'email'] } },
    ];
    expect(cardChapter(chapters, 'telephone', standards)?.slug).toBe('procedures/telephone');
    expect(cardChapter(chapters, 'telephone', [])?.slug).toBe('procedures/calls-overview');
    expect(cardChapter(chapters, 'email', [])).toBeUndefined();
  });
});

describe('the charter by touchpoint', () => {
  it('lists every touchpoint of the vocabulary in its order, with its standards or none', () => {
    const groups = charterByTouchpoint(
      [standard('email-reply', 'email'), standard('phone-answer', 'telephone'), standard('phone-hold', 'telephone')],
      [
        { id: 'telephone', label: 'Telephone' },
        { id: 'mail', label: 'Mail' },
        { id: 'email', label: 'Email' },
      ],
    );
    expect(groups.map((g) => [g.touchpoint.label, g.standards.map((s) => s.id)])).toEqual([
      ['Telephone', ['phone-answer', 'phone-hold']],
      ['Mail', []],
      ['Email', ['email-reply']],
    ]);
  });
});

describe('questions about a standard', () => {
  it('are told by their words about time and values', () => {
    for (const q of ['how fast do we answer emails', 'how many rings before i pick up', "what's our email response time", 'max wait at the counter']) {
      expect(isStandardQuestion(q), q).toBe(true);
    }
    for (const q of ['what to put in the subject', 'customer wants to speak to a manager', 'caller on hold too long']) {
      expect(isStandardQuestion(q), q).toBe(false);
    }
  });
});
