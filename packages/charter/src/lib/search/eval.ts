/** Search quality figures: top-1, top-3, mean reciprocal rank and the share of queries with no result. */

export interface EvalCase {
  query: string;
  edition: string;
  /** Acceptable first answers, as site paths without the base (e.g. `/procedures/telephone/`). */
  expected: string[];
  /** Result paths in rank order, without query string or #anchor. */
  results: string[];
}

export interface EvalFigures {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
  zeroResults: number;
}

/** The position (1-based) of the first acceptable result, or 0 when none is listed. */
export function firstHit(c: EvalCase): number {
  const index = c.results.findIndex((r) => c.expected.includes(r));
  return index + 1;
}

export function summarize(cases: readonly EvalCase[]): EvalFigures {
  const n = cases.length || 1;
  const ranks = cases.map(firstHit);
  return {
    queries: cases.length,
    top1: ranks.filter((r) => r === 1).length / n,
    top3: ranks.filter((r) => r >= 1 && r <= 3).length / n,
    mrr: ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
    zeroResults: cases.filter((c) => c.results.length === 0).length / n,
  };
}

/** Strips the base path, the query string and (unless `keepHash`, for a standard's answer) the anchor from a result URL. */
export function normalizeResultPath(href: string, base: string, { keepHash = false } = {}): string {
  const url = new URL(href, 'http://site');
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const path = url.pathname.startsWith(trimmedBase) ? url.pathname.slice(trimmedBase.length) || '/' : url.pathname;
  return keepHash ? `${path}${url.hash}` : path;
}

export interface Bars {
  top1: number;
  top3: number;
  zeroResults: number;
}

/** The quality search is held to (issue 5): `npm run search:eval` fails below it. */
export const BARS: Bars = { top1: 0.75, top3: 0.9, zeroResults: 0 };

/** Every bar a set of figures misses, as readable lines; empty when all are met. */
export function missedBars(label: string, f: EvalFigures, bars: Bars = BARS): string[] {
  const missed: string[] = [];
  if (f.top1 < bars.top1) missed.push(`${label}: top-1 ${(f.top1 * 100).toFixed(1)}% is below ${bars.top1 * 100}%`);
  if (f.top3 < bars.top3) missed.push(`${label}: top-3 ${(f.top3 * 100).toFixed(1)}% is below ${bars.top3 * 100}%`);
  if (f.zeroResults > bars.zeroResults) missed.push(`${label}: ${(f.zeroResults * 100).toFixed(1)}% of queries found nothing`);
  return missed;
}
