import { describe, expect, it } from 'vitest';
import { bundleCountProblem, bundleGlob, bundlePath } from '../../src/lib/search/bundles.ts';

const editions = [
  { id: '2025.1', status: 'archived' as const },
  { id: '2026.1', status: 'current' as const },
  { id: 'draft', status: 'draft' as const },
];
const folders = ['2025.1', '2026.1', 'draft', '_astro', 'pagefind', 'procedures', 'skills', 'search', 'changes'];

describe('search bundles', () => {
  it('puts each edition in a folder of its own under pagefind/', () => {
    expect(bundlePath('2026.1')).toBe('pagefind/2026.1/');
    expect(bundlePath('draft')).toBe('pagefind/draft/');
  });

  it('reads an archived edition and the draft from their own prefix', () => {
    expect(bundleGlob(editions[0]!, editions, folders)).toBe('2025.1/**/*.html');
    expect(bundleGlob(editions[2]!, editions, folders)).toBe('draft/**/*.html');
  });

  it('reads the current edition from every root folder that is no edition and not the search bundles', () => {
    // Folders without chapters (search, changes, assets) hold no page marked for indexing, so Pagefind skips their pages.
    expect(bundleGlob(editions[1]!, editions, folders)).toBe('{_astro,changes,procedures,search,skills}/**/*.html');
    expect(bundleGlob(editions[1]!, editions, ['2026.1', 'procedures'])).toBe('procedures/**/*.html');
    expect(bundleGlob(editions[1]!, editions, ['2025.1', '2026.1', 'draft', 'pagefind'])).toBeUndefined();
  });

  it('accepts a bundle with each chapter once and explains one that has more or fewer', () => {
    expect(bundleCountProblem('2026.1', 23, 23)).toBeUndefined();
    expect(bundleCountProblem('2026.1', 22, 23)).toMatch(/^The search bundle of edition 2026\.1 holds 22 pages, but the edition has 23 chapters\./);
    expect(bundleCountProblem('draft', 46, 23)).toMatch(/data-pagefind-body exactly once, at its canonical address/);
  });
});
