import { describe, expect, it } from 'vitest';
import { carryIntoDraft } from '../../src/lib/carry.ts';

const base = ['# Telephone', '', 'Answer by the third ring.', '', 'Update the voicmail greeting daily.', '', 'Thank the caller.'].join('\n');

describe('carryIntoDraft', () => {
  it('applies a correction to a draft that changed elsewhere', () => {
    const current = base.replace('voicmail', 'voicemail');
    const draft = base.replace('Thank the caller.', 'Thank the caller by name.');
    const result = carryIntoDraft(base, current, draft);
    expect(result).toEqual({ status: 'merged', text: draft.replace('voicmail', 'voicemail') });
  });

  it('reports nothing to do when the current file has no correction or the draft has it already', () => {
    expect(carryIntoDraft(base, base, base).status).toBe('unchanged');
    const fixed = base.replace('voicmail', 'voicemail');
    expect(carryIntoDraft(base, fixed, fixed).status).toBe('unchanged');
  });

  it('reports a conflict, with the draft line, when both sides changed the same line', () => {
    const current = base.replace('third ring', 'second ring');
    const draft = base.replace('third ring', 'third ring at the latest');
    const result = carryIntoDraft(base, current, draft);
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.conflicts).toEqual([
      { draftLine: 3, draft: ['Answer by the third ring at the latest.'], current: ['Answer by the second ring.'], base: ['Answer by the third ring.'] },
    ]);
  });
});
