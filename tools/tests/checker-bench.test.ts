import { describe, expect, it } from 'vitest';
import { appendSentence, changedVerdict, checkedCount, pickChangedFiles, wholeTreeVerdict } from '../bench/checker-bench.ts';

describe('checker benchmark helpers', () => {
  it('picks chapters spread over the draft edition, or over all chapters without one', () => {
    const chapters = ['2020.1/a.mdx', 'draft/a.mdx', 'draft/b.mdx', 'draft/c.mdx', 'draft/d.mdx'];
    expect(pickChangedFiles(chapters, 2)).toEqual(['draft/a.mdx', 'draft/c.mdx']);
    expect(pickChangedFiles(chapters, 9)).toEqual(['draft/a.mdx', 'draft/b.mdx', 'draft/c.mdx', 'draft/d.mdx']);
    expect(pickChangedFiles(['x/a.mdx', 'y/b.mdx'], 1)).toEqual(['x/a.mdx']);
    expect(pickChangedFiles(chapters, 0)).toEqual([]);
  });

  it('appends a sentence as a paragraph of its own, with or without a final line break', () => {
    expect(appendSentence('Text.\n')).toBe('Text.\n\nThe team reads this chapter again every spring.\n');
    expect(appendSentence('Text.')).toBe('Text.\n\nThe team reads this chapter again every spring.\n');
  });

  it('reads the number of chapters checked from the summary line', () => {
    expect(checkedCount('✔ No problems (9000 files checked).\n')).toBe(9000);
    expect(checkedCount('⚠ 0 errors and 1 warning in 1 file (1 file checked).')).toBe(1);
    expect(checkedCount('')).toBe(0);
  });

  it('judges the targets on 3,000 chapters or more, scaling a larger tree down to 3,000', () => {
    expect(wholeTreeVerdict(9.5, 3000)).toBe('≤ 10 s for 3,000 chapters: met');
    expect(wholeTreeVerdict(10.5, 3000)).toBe('≤ 10 s for 3,000 chapters: MISSED');
    expect(wholeTreeVerdict(19, 6000)).toBe('≤ 10 s for 3,000 chapters: met');
    expect(wholeTreeVerdict(2, 900)).toMatch(/not judged on 900/);
    expect(changedVerdict(0.8, 3000)).toBe('≤ 1 s in 3,000 chapters: met');
    expect(changedVerdict(1.2, 9000)).toBe('≤ 1 s in 3,000 chapters: MISSED');
    expect(changedVerdict(0.5, 900)).toMatch(/not judged/);
  });
});
