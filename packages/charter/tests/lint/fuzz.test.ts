/**
 * A bounded fuzz run inside the test suite (`npm run fuzz` runs more): mutated chapters end in a
 * clean result or located messages, never a crash, a hang or a broken file passing silently.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChapterFiles } from '../../src/lib/content-files.ts';
import { loaderVerdict, makeCases, MUTATORS, random, runCase } from '../../../../tools/support/fuzz.ts';
import { root } from './support.ts';

const contentDir = path.join(root, 'src/content');
const chapters = listChapterFiles(contentDir, '2026.1').map((f) => f.source);

describe('fuzzing the checker and the loader', () => {
  it('makes the same cases from the same seed, using every kind of mutation', () => {
    const a = makeCases(chapters, 14, 5);
    expect(makeCases(chapters, 14, 5)).toEqual(a);
    expect(new Set(a.map((c) => c.mutator))).toEqual(new Set(Object.keys(MUTATORS)));
    expect(random(1)()).not.toBe(random(2)());
  });

  it('names the line of broken frontmatter the way the loader would', () => {
    const broken = chapters[0]!.replace(/^title: .*$/m, 'title: [unclosed');
    const verdict = loaderVerdict(broken);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.line).toBeGreaterThanOrEqual(1);
  });

  it('ends every one of 70 mutated chapters in success or located messages', async () => {
    const file = path.join(contentDir, 'editions/draft/skills/fuzzed.mdx');
    const outcomes = [];
    for (const c of makeCases(chapters, 70, 11)) outcomes.push(await runCase(c.mutator, c.source, file, { contentDir, root }));
    const failures = outcomes.filter((o) => !['clean', 'located messages'].includes(o.outcome)).map((o) => `${o.mutator}: ${o.outcome}: ${o.detail}`);
    expect(failures).toEqual([]);
    expect(outcomes.filter((o) => o.outcome === 'located messages').length).toBeGreaterThan(20);
  }, 120_000);
});
