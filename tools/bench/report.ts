/** Formats the bench's figures as aligned plain-text tables, Charter beside the floor. */
import type { SiteStats } from './site-stats.ts';

export interface BuildFigures {
  seconds: number;
  peakBytes: number;
  site: SiteStats;
  /** JavaScript a chapter page runs before any interaction. */
  scriptBytes: number;
}

export interface Row {
  label: string;
  charter: number;
  floor: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'count';
}

const MB = 1024 * 1024;
const KB = 1024;

/** The rows compared between Charter and the floor, in the units a reader expects. */
export function comparisonRows(charter: BuildFigures, floor: BuildFigures): Row[] {
  return [
    { label: 'build wall time', charter: charter.seconds, floor: floor.seconds, unit: 's' },
    { label: 'peak memory (process tree)', charter: charter.peakBytes / MB, floor: floor.peakBytes / MB, unit: 'MB' },
    { label: 'pages', charter: charter.site.pages, floor: floor.site.pages, unit: 'count' },
    { label: 'output size', charter: charter.site.outputBytes / MB, floor: floor.site.outputBytes / MB, unit: 'MB' },
    { label: 'median chapter page', charter: charter.site.medianChapterBytes / KB, floor: floor.site.medianChapterBytes / KB, unit: 'KB' },
    { label: 'median chapter page, gzipped', charter: charter.site.medianChapterGzipBytes / KB, floor: floor.site.medianChapterGzipBytes / KB, unit: 'KB' },
    { label: 'JS before interaction', charter: charter.scriptBytes / KB, floor: floor.scriptBytes / KB, unit: 'KB' },
    { label: 'search index', charter: charter.site.searchIndexBytes / MB, floor: floor.site.searchIndexBytes / MB, unit: 'MB' },
  ];
}

export function formatNumber(value: number, unit: Row['unit']): string {
  if (unit === 'count') return Math.round(value).toLocaleString('en-US');
  const digits = unit === 'ms' ? 0 : value >= 100 ? 0 : 1;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** Charter ÷ floor, or a dash when the floor is zero (e.g. the floor runs no JavaScript). */
export function ratio(charter: number, floor: number): string {
  return floor === 0 ? '–' : `${(charter / floor).toFixed(2)}×`;
}

/** A table with a header row, right-aligned figures and a left-aligned first column. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function comparisonTable(rows: readonly Row[]): string {
  return table(
    ['', 'Charter', 'floor', 'Charter/floor'],
    rows.map((r) => [r.label, formatNumber(r.charter, r.unit), formatNumber(r.floor, r.unit), ratio(r.charter, r.floor)]),
  );
}
