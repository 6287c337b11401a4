import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryIntoDraft } from '../../src/lib/carry.ts';
import { chapterContentHash, changeMark, isSpellingFix, markWithOverride, materialReasons, meaningTokens } from '../../src/lib/diff/material.ts';

const editions = path.resolve(import.meta.dirname, '../../../../examples/northwind/src/content/editions');
const shipped = (edition: string, file: string) => ({ source: readFileSync(path.join(editions, edition, file), 'utf8') });

describe('material or correction on the example handbook (2025.1 → 2026.1)', () => {
  it('marks the chapters whose standard or steps changed as material, with the reason', () => {
    // Telephone: third ring instead of four rings, 30 seconds on hold instead of 60, in the standard and the steps.
    expect(materialReasons(shipped('2025.1', 'procedures/telephone.mdx'), shipped('2026.1', 'procedures/telephone.mdx'))).toEqual(['standards', 'steps']);
    // Email: one working day instead of two, in the standard only.
    expect(materialReasons(shipped('2025.1', 'procedures/email.mdx'), shipped('2026.1', 'procedures/email.mdx'))).toEqual(['standards']);
    expect(materialReasons(shipped('2025.1', 'procedures/website.mdx'), shipped('2026.1', 'procedures/website.mdx'))).toEqual(['standards']);
    // Front counter became Face to face (a rename) and covers every site.
    expect(changeMark(shipped('2025.1', 'procedures/front-counter.mdx'), shipped('2026.1', 'procedures/face-to-face.mdx'))).toBe('material');
    // A step now points to Authority to act instead of "the limits your team lead has set".
    expect(materialReasons(shipped('2025.1', 'problems/conflicts-and-complaints.mdx'), shipped('2026.1', 'problems/conflicts-and-complaints.mdx'))).toContain(
      'steps',
    );
  });

  it('marks the chapters where only descriptions, links, dates or explanations changed as corrections', () => {
    for (const file of [
      'procedures/mail.mdx',
      'skills/speaking.mdx',
      'skills/listening.mdx',
      'reference/glossary.mdx',
      'principles/customer-centered.mdx',
      'principles/consistency.mdx',
      'start-here/welcome.mdx',
    ]) {
      const before = shipped('2025.1', file);
      const after = shipped('2026.1', file);
      expect(before.source, file).not.toBe(after.source);
      expect(changeMark(before, after), file).toBe('correction');
    }
  });

  it('marks the draft’s change to Consistency a correction against 2026.1', () => {
    expect(changeMark(shipped('2026.1', 'principles/consistency.mdx'), shipped('draft', 'principles/consistency.mdx'))).toBe('correction');
  });
});

const procedure = (standard: string[], steps: string[], extra = '') => ({
  source: `---
title: Counter
reviewed: 2026-01-01
---

Intro.

## When this applies

Every visit.

## Our standard

${standard.map((s) => `- ${s}`).join('\n')}

## Steps

<Steps>

${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}

</Steps>

## What to say

<SayThis context="Greeting">

Good morning, how can I help?${extra}

</SayThis>
`,
});

const standard = ['We greet every visitor within 30 seconds.', 'We never leave the counter unattended.'];
const steps = ['Look up and greet the visitor.', 'Listen to the whole request.', 'Agree the next step.'];
const base = procedure(standard, steps);

describe('material or correction on chapters written for the test', () => {
  it('calls a change of whitespace and line breaks a correction', () => {
    const respaced = { source: base.source.replace('We greet every visitor', 'We  greet\nevery   visitor').replace('\n\n## Steps', '\n\n\n## Steps') };
    expect(respaced.source).not.toBe(base.source);
    expect(materialReasons(base, respaced)).toEqual([]);
  });

  it('calls a spelling fix in a standard, a step or the text around them a correction', () => {
    expect(changeMark(procedure(['We greet every visiter within 30 seconds.', standard[1]!], steps), base)).toBe('correction');
    expect(changeMark(procedure(standard, ['Look up and gret the visitor.', ...steps.slice(1)]), base)).toBe('correction');
    expect(changeMark(procedure(standard, ['Look up and greet the visitor.', 'Lisetn to the whole request.', steps[2]!]), base)).toBe('correction');
    expect(changeMark(base, procedure(standard, steps, ' Wellcome.'))).toBe('correction');
  });

  it('calls a change of case or punctuation in a standard a correction', () => {
    expect(changeMark(base, procedure(['we greet every visitor within 30 seconds', standard[1]!], steps))).toBe('correction');
  });

  it('calls a changed value in the standard material', () => {
    expect(materialReasons(base, procedure(['We greet every visitor within 60 seconds.', standard[1]!], steps))).toEqual(['standards']);
    expect(changeMark(base, procedure(['We greet every visitor within one minute.', standard[1]!], steps))).toBe('material');
  });

  it('calls a negation, a modal verb or an added standard material, though the edit is small', () => {
    expect(changeMark(base, procedure([standard[0]!, 'We now leave the counter unattended.'], steps))).toBe('material');
    expect(changeMark(procedure(['We may greet every visitor within 30 seconds.', standard[1]!], steps), base)).toBe('material');
    expect(changeMark(base, procedure([...standard, 'We offer a seat to every visitor who waits.'], steps))).toBe('material');
  });

  it('calls reordered steps material and reordered standards a correction', () => {
    expect(materialReasons(base, procedure(standard, [steps[1]!, steps[0]!, steps[2]!]))).toEqual(['steps']);
    expect(changeMark(base, procedure([standard[1]!, standard[0]!], steps))).toBe('correction');
  });

  it('calls a removed or added step material', () => {
    expect(materialReasons(base, procedure(standard, steps.slice(0, 2)))).toEqual(['steps']);
  });

  it('reads steps in a <Steps> outside a Steps section, and a Steps section without <Steps>', () => {
    const loose = (step: string) => ({ source: `# Guide\n\nSome text.\n\n<Steps>\n\n1. ${step}\n2. Then close.\n\n</Steps>\n` });
    expect(changeMark(loose('Open the form.'), loose('Open the second form.'))).toBe('material');
    const plain = (step: string) => ({ source: `## Steps\n\n1. ${step}\n\n## Notes\n\nAnything.\n`, format: 'md' as const });
    expect(changeMark(plain('Open the form.'), plain('Close the form.'))).toBe('material');
    expect(
      changeMark(plain('Open the form.'), { ...plain('Open the form.'), source: plain('Open the form.').source.replace('Anything.', 'Anything else.') }),
    ).toBe('correction');
  });

  it('compares the frontmatter’s standards when a version has them, and ignores the body’s list then', () => {
    const withField = (value: string, body = standard) => ({
      source: procedure(body, steps).source.replace(
        'title: Counter',
        `title: Counter\nstandards:\n  - id: greet\n    text: We greet every visitor within ${value} seconds.`,
      ),
    });
    expect(changeMark(withField('30'), withField('30', ['Something else entirely.']))).toBe('correction');
    expect(materialReasons(withField('30'), withField('45'))).toEqual(['standards']);
    // Moving the standards into the frontmatter cannot be matched item by item.
    expect(changeMark(base, withField('30'))).toBe('material');
  });

  it('calls a change material when a version cannot be parsed', () => {
    expect(changeMark(base, { source: base.source.replace('<Steps>', '<Steps') })).toBe('material');
  });

  it('takes the editor’s override from the manifest over the rule, and marks a new chapter by whether it has standards or steps', () => {
    const changed = procedure(['We greet every visitor within 60 seconds.', standard[1]!], steps);
    expect(markWithOverride(base, changed, 'correction')).toBe('correction');
    expect(markWithOverride(base, procedure(standard, steps, ' Wellcome.'), 'material')).toBe('material');
    expect(markWithOverride(base, changed, undefined)).toBe('material');
    expect(markWithOverride(undefined, base, undefined)).toBe('material');
    expect(markWithOverride(undefined, { source: '# About\n\nJust text.\n' }, undefined)).toBe('correction');
  });

  it('keeps a correction carried with charter carry out of the material changes', () => {
    // The current edition's released text, its correction, and a draft that changed a step.
    const released = procedure(['We greet every visiter within 30 seconds.', standard[1]!], steps);
    const corrected = procedure(standard, steps);
    const draft = procedure(['We greet every visiter within 30 seconds.', standard[1]!], [...steps.slice(0, 2), 'Agree the next step and write it down.']);
    const carried = carryIntoDraft(released.source, corrected.source, draft.source);
    expect(carried.status).toBe('merged');
    if (carried.status !== 'merged') return;
    // Released against corrected: a correction. Corrected current against the draft: only the step.
    expect(changeMark(released, corrected)).toBe('correction');
    expect(materialReasons(corrected, { source: carried.text })).toEqual(['steps']);
  });
});

describe('spelling fixes and tokens', () => {
  it('allows one edit (two in long words) between letters-only words that carry no requirement', () => {
    expect(isSpellingFix('recieve', 'receive')).toBe(true);
    expect(isSpellingFix('teh', 'the')).toBe(true);
    expect(isSpellingFix('acommodate', 'accommodate')).toBe(true);
    expect(isSpellingFix('answer', 'answers')).toBe(false);
    expect(isSpellingFix('likely', 'unlikely')).toBe(false);
    expect(isSpellingFix('now', 'not')).toBe(false);
    expect(isSpellingFix('30', '60')).toBe(false);
    expect(isSpellingFix('counter', 'country')).toBe(false);
    expect(isSpellingFix('desk', 'phone')).toBe(false);
  });

  it('keeps numbers whole and drops punctuation between words', () => {
    expect(meaningTokens('Call back by 3:30, or within 1.5 hours — 100%!')).toEqual(['call', 'back', 'by', '3:30', 'or', 'within', '1.5', 'hours', '100', '%']);
  });
});

describe('chapterContentHash', () => {
  it('is the sha-256 of the file’s text, in hex', () => {
    const text = shipped('2026.1', 'procedures/telephone.mdx').source;
    expect(chapterContentHash(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    expect(chapterContentHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(chapterContentHash(`${text} `)).not.toBe(chapterContentHash(text));
  });
});
