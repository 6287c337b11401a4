/**
 * charter search-gaps: grouping and counting failed searches, the review file, and --apply, which
 * alone writes into the content (on a copy of the example's content folder).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { groupSearchGaps, phraseId, phraseOf, reviewYaml } from '../../src/lib/acks/search-gaps.ts';
import { AckStore } from '../../src/lib/acks/store.ts';
import { validateList } from '../../src/lib/data-files.ts';
import { searchPhrase } from '../../src/lib/schemas.ts';
import { charterMain, node24, repoRoot, tempFolder } from './ack-support.ts';

const folder = tempFolder();
afterAll(() => folder.cleanup());

describe('grouping failed searches', () => {
  it('groups by words in any order, plurals and one misspelt word, counting each form', () => {
    const groups = groupSearchGaps([
      { query: 'Lost parcels', edition: '2026.1' },
      { query: 'parcel  lost?', edition: '2026.1', count: 3 },
      { query: 'lost parcle', edition: '2025.1' },
      { query: 'how do I book a van', edition: '2026.1' },
      { query: 'book a van', edition: '2026.1' },
      { query: 'lost keys', edition: '2026.1' },
    ]);
    expect(groups).toEqual([
      {
        phrase: 'parcel lost',
        count: 5,
        forms: [
          { query: 'parcel lost?', count: 3 },
          { query: 'lost parcle', count: 1 },
          { query: 'lost parcels', count: 1 },
        ],
        editions: ['2025.1', '2026.1'],
      },
      { phrase: 'book van', count: 2, forms: expect.any(Array), editions: ['2026.1'] },
      // Grouped as "lost key", but the phrase keeps the words as typed.
      { phrase: 'lost keys', count: 1, forms: [{ query: 'lost keys', count: 1 }], editions: ['2026.1'] },
    ]);
  });

  it('keeps a number apart from a word: "2 days" and "3 days" are different searches', () => {
    expect(
      groupSearchGaps([
        { query: 'refund in 2 days', edition: 'draft' },
        { query: 'refund in 3 days', edition: 'draft' },
      ]),
    ).toHaveLength(2);
  });

  it('makes phrases of words and ids no entry has', () => {
    expect(phraseOf('How do I cancel my order?')).toBe('cancel order');
    expect(phraseOf('what is it')).toBe('what is it');
    const taken = new Set(['cancel-order']);
    expect(phraseId('cancel order', taken)).toBe('cancel-order-2');
    expect(phraseId('Café opening', taken)).toBe('cafe-opening');
  });

  it('writes a review file that the schema refuses until the editor fills in means', () => {
    const groups = groupSearchGaps([
      { query: 'money back', edition: '2026.1' },
      { query: 'van hire', edition: '2026.1', count: 2 },
    ]);
    const review = reviewYaml(groups, [{ id: 'money-back', phrase: 'money back', means: 'refund' }], 'test');
    expect(review).toContain('# Already in search-phrases.yaml: "money back" (1)');
    expect(parse(review)).toEqual([{ id: 'van-hire', phrase: 'van hire', means: '', expect: '', q: 'van hire' }]);
  });
});

describe('charter search-gaps on a copy of the example content', () => {
  const content = path.join(folder.dir, 'content');
  cpSync(path.join(repoRoot, 'examples/northwind/src/content'), content, { recursive: true });
  const phrasesFile = path.join(content, 'search-phrases.yaml');
  const phrasesBefore = readFileSync(phrasesFile, 'utf8');
  const queries = path.join(folder.dir, 'queries.yaml');
  writeFileSync(queries, '- q: caller on hold too long\n  expect: procedures/telephone\n');
  const cli = (args: string[]) =>
    spawnSync(node24, [charterMain, 'search-gaps', ...args], { cwd: folder.dir, encoding: 'utf8', env: { ...process.env, HANDBOOK_CONTENT_DIR: content } });

  it('reads the database and browser exports, and writes nothing into the content without --apply', async () => {
    const store = await AckStore.open(path.join(folder.dir, 'charter-acks.sqlite'), { create: true });
    store.addSearchGap({ query: 'van hire', edition: '2026.1' });
    store.addSearchGap({ query: 'hire van', edition: '2026.1' });
    store.close();
    writeFileSync(
      path.join(folder.dir, 'browser.json'),
      JSON.stringify({ searches: [{ query: 'Van hire?', edition: '2026.1', count: 2, at: '2026-02-03T10:00:00.000Z' }] }),
    );
    const result = cli(['--from', 'browser.json', '--out', 'review.yaml']);
    expect(result.stderr).toMatch(/wrote 1 group\(s\) of 4 search\(es\) to .*review\.yaml; review it/);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(folder.dir, 'review.yaml'), 'utf8')).toMatch(
      /# 4 search\(es\) in 2026\.1: "van hire\?" ×2, "hire van" ×1, "van hire" ×1\n- id: van-hire\n {2}phrase: "van hire"/,
    );
    expect(readFileSync(phrasesFile, 'utf8')).toBe(phrasesBefore);
  });

  it('refuses an unreviewed file with every problem located, and writes nothing', () => {
    const result = cli(['--apply', 'review.yaml', '--queries', 'queries.yaml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nothing was written: .*review\.yaml:\d+:\d+.*Entry 1: means is empty: write the handbook's word/s);
    expect(readFileSync(phrasesFile, 'utf8')).toBe(phrasesBefore);
  });

  it('applies a reviewed file: phrases into search-phrases.yaml, cases with expect into the queries', () => {
    const review = path.join(folder.dir, 'review.yaml');
    writeFileSync(
      review,
      readFileSync(review, 'utf8').replace('means: ""', 'means: "equipment hire"').replace('expect: ""', 'expect: "procedures/face-to-face"'),
    );
    const result = cli(['--apply', 'review.yaml', '--queries', 'queries.yaml']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/added 1 phrase\(s\) to .*search-phrases\.yaml and 1 search-eval case\(s\) to .*queries\.yaml/);
    const after = readFileSync(phrasesFile, 'utf8');
    expect(after.startsWith(phrasesBefore)).toBe(true);
    const checked = validateList(after, 'search-phrases.yaml', searchPhrase, { required: true, purpose: 'search phrases' });
    expect(checked.problems).toEqual([]);
    expect(checked.entries.at(-1)).toEqual({ id: 'van-hire', phrase: 'van hire', means: 'equipment hire' });
    expect(parse(readFileSync(queries, 'utf8')).at(-1)).toEqual({ q: 'van hire?', expect: 'procedures/face-to-face' });
    // Applying the same file again would add the phrase twice: refused.
    const again = cli(['--apply', 'review.yaml']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/id "van-hire" is already in search-phrases\.yaml.*\n.*the phrase "van hire" is already in search-phrases\.yaml/);
  });

  it('refuses bad flags and bad exports with what is wrong', () => {
    expect(cli(['--min-count', 'many']).stderr).toMatch(/--min-count must be a whole number from 1, not "many"/);
    expect(cli(['--apply', 'review.yaml', '--from', 'browser.json']).stderr).toMatch(/--apply takes a reviewed file/);
    expect(cli(['--queries', 'queries.yaml']).stderr).toMatch(/--queries goes with --apply/);
    writeFileSync(path.join(folder.dir, 'bad.json'), JSON.stringify([{ query: 'ok', edition: '2026.1' }, { query: 7 }]));
    const bad = cli(['--from', 'bad.json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /bad\.json is not a list of failed searches:\n {2}entry 2: query must be a string, the words searched for\n {2}entry 2: edition must be a string/,
    );
  });
});
