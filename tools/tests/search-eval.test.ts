import { describe, expect, it } from 'vitest';
import { BARS, firstHit, missedBars, normalizeResultPath, summarize } from '../../packages/charter/src/lib/search/eval.ts';

const c = (expected: string[], results: string[]) => ({ query: 'q', edition: '2026.1', expected, results });

describe('search quality figures', () => {
  it('finds the rank of the first acceptable result', () => {
    expect(firstHit(c(['/a/'], ['/b/', '/a/']))).toBe(2);
    expect(firstHit(c(['/a/', '/b/'], ['/b/']))).toBe(1);
    expect(firstHit(c(['/a/'], ['/b/']))).toBe(0);
  });

  it('computes top-1, top-3, MRR and the zero-result rate', () => {
    const f = summarize([c(['/a/'], ['/a/']), c(['/a/'], ['/x/', '/y/', '/a/']), c(['/a/'], ['/x/', '/y/', '/z/', '/a/']), c(['/a/'], [])]);
    expect(f).toEqual({ queries: 4, top1: 0.25, top3: 0.5, mrr: (1 + 1 / 3 + 1 / 4) / 4, zeroResults: 0.25 });
  });

  it('names each bar a set of figures misses', () => {
    expect(missedBars('2026.1', { queries: 10, top1: 0.7, top3: 0.95, mrr: 0.8, zeroResults: 0.1 }, BARS)).toEqual([
      '2026.1: top-1 70.0% is below 75%',
      '2026.1: 10.0% of queries found nothing',
    ]);
  });

  it('strips the base path, query string and anchor from a result link', () => {
    expect(normalizeResultPath('/handbook/procedures/telephone/?highlight=hold#steps', '/handbook/')).toBe('/procedures/telephone/');
    expect(normalizeResultPath('/2025.1/skills/listening/', '/')).toBe('/2025.1/skills/listening/');
  });
});
