/**
 * The result cache reuses a chapter's result only while its text and everything the rules asked
 * about other chapters are unchanged; checking on several threads gives the same messages as one.
 */
import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/lint/cache.ts';
import { createRun, sortMessages } from '../../src/lint/check.ts';
import { answerAgain, answerText, recordingIndex, type EditionIndex, type IndexRead } from '../../src/lint/edition-index.ts';
import { checkFiles } from '../../src/lint/index.ts';
import { batchSize, checkInParallel, tailSize, threadCount } from '../../src/lint/parallel.ts';
import { copyContent, root, tempDir, TODAY } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function content() {
  const copy = copyContent();
  cleanups.push(copy.cleanup);
  const chapter = (name: string) => path.join(copy.dir, 'editions/draft', name);
  return { dir: copy.dir, chapter, cacheFile: path.join(copy.dir, '..', 'cache.json') };
}

describe('index reads', () => {
  it('records each question with its answer, and asks it again the same way', () => {
    const index: EditionIndex = {
      edition: 'draft',
      slugs: () => ['a', 'b'],
      hasChapter: (slug) => slug === 'a',
      anchorsOf: (slug) => (slug === 'a' ? new Set(['two', 'one']) : undefined),
      redirectTarget: () => undefined,
      shortLinks: () => new Set(['go']),
      attachments: () => ['forms/a.pdf'],
    };
    const reads: IndexRead[] = [];
    const recording = recordingIndex(index, reads);
    expect(recording.hasChapter('a')).toBe(true);
    expect(recording.hasChapter('zz')).toBe(false);
    expect(recording.anchorsOf('a')).toEqual(new Set(['one', 'two']));
    expect(reads.map((read) => [read.question, read.arg, read.answer])).toEqual([
      ['hasChapter', 'a', 'yes'],
      ['hasChapter', 'zz', 'no'],
      ['anchorsOf', 'a', '[one\ntwo]'],
    ]);
    for (const read of reads) expect(answerAgain(index, read)).toBe(read.answer);
  });

  it('tells apart no answer, an empty answer and a long answer that differs in one place', () => {
    expect(answerText(undefined)).not.toBe(answerText(''));
    expect(answerText(new Set())).not.toBe(answerText(undefined));
    const long = Array.from({ length: 50 }, (_, i) => `chapter-${i}`);
    expect(answerText(long)).toMatch(/^sha1:/);
    expect(answerText(long)).not.toBe(answerText([...long.slice(0, -1), 'chapter-x']));
  });
});

describe('ResultCache', () => {
  it('returns a result only for the same text and the same answers, and only for the same run key', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'cache.json');
    const read: IndexRead = { edition: 'draft', question: 'hasChapter', arg: 'x', answer: 'yes' };
    const messages = [{ file: 'a.mdx', line: 1, column: 1, endLine: 1, endColumn: 2, ruleId: 'links', severity: 'error' as const, message: 'm' }];
    const cache = ResultCache.open(file, 'key-1');
    cache.store('/a.mdx', { hash: 'h1', reads: [read], messages });
    cache.save();
    const again = ResultCache.open(file, 'key-1');
    expect(again.lookup('/a.mdx', 'h1', () => 'yes')?.messages).toEqual(messages);
    expect(again.lookup('/a.mdx', 'h2', () => 'yes')).toBeUndefined();
    expect(again.lookup('/a.mdx', 'h1', () => 'no')).toBeUndefined();
    expect(again.lookup('/b.mdx', 'h1', () => 'yes')).toBeUndefined();
    expect(ResultCache.open(file, 'key-2').lookup('/a.mdx', 'h1', () => 'yes')).toBeUndefined();
  });

  it('starts empty from a damaged file', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, '{"format": 1, "key": "k", "results": {"/a.mdx": ');
    expect(ResultCache.open(file, 'k').lookup('/a.mdx', 'h', () => '')).toBeUndefined();
  });
});

describe('checkFiles with the cache', () => {
  it('gives the same messages as without it, cold and warm', async () => {
    const { dir, cacheFile } = content();
    const options = { contentDir: dir, root, today: TODAY };
    const plain = await checkFiles([], options);
    expect(await checkFiles([], { ...options, cache: cacheFile })).toEqual(plain);
    expect(existsSync(cacheFile)).toBe(true);
    expect(await checkFiles([], { ...options, cache: cacheFile })).toEqual(plain);
  });

  it('checks an unchanged chapter again when a chapter it links to loses the heading it points at', async () => {
    const { dir, chapter, cacheFile } = content();
    const options = { contentDir: dir, root, today: TODAY, cache: cacheFile };
    writeFileSync(
      chapter('skills/linking.mdx'),
      readFileSync(chapter('skills/listening.mdx'), 'utf8').replace(/\n---\n/, '\n---\n\nSee [the target](/skills/target/#the-steps).\n'),
    );
    writeFileSync(chapter('skills/target.mdx'), readFileSync(chapter('skills/listening.mdx'), 'utf8') + '\n## The steps\n\nText.\n');
    const linkErrors = async () => (await checkFiles([], options)).filter((m) => m.ruleId === 'links' && m.file.endsWith('linking.mdx'));
    expect(await linkErrors()).toEqual([]);
    writeFileSync(chapter('skills/target.mdx'), readFileSync(chapter('skills/target.mdx'), 'utf8').replace('## The steps', '## Other steps'));
    expect((await linkErrors()).map((m) => m.message)).toEqual([expect.stringContaining('no such heading in "/skills/target/"')]);
    rmSync(chapter('skills/target.mdx'));
    expect((await linkErrors()).map((m) => m.message)).toEqual([expect.stringContaining('no such chapter in edition draft')]);
  });

  it('starts afresh when the glossary changes', async () => {
    const { dir, chapter, cacheFile } = content();
    const options = { contentDir: dir, root, today: TODAY, cache: cacheFile };
    writeFileSync(chapter('skills/words.mdx'), readFileSync(chapter('skills/listening.mdx'), 'utf8') + '\nThe shopper waits.\n');
    const terminology = async () => (await checkFiles([], options)).filter((m) => m.ruleId === 'terminology' && m.file.endsWith('words.mdx'));
    expect(await terminology()).toEqual([]);
    const glossary = path.join(dir, 'glossary.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace('    - text: punter\n', '    - text: shopper\n      reason: Test.\n    - text: punter\n'));
    expect((await terminology()).map((m) => m.expected)).toEqual(['customer']);
  });
});

describe('checkFiles with the cache and the site config', () => {
  it('starts afresh when the language changes', async () => {
    const { dir, chapter, cacheFile } = content();
    writeFileSync(chapter('skills/colour.mdx'), readFileSync(chapter('skills/asking-questions.mdx'), 'utf8') + '\nThe color chart.\n');
    const spelling = async (lang: string) =>
      (await checkFiles([], { contentDir: dir, root, today: TODAY, cache: cacheFile, lang }))
        .filter((m) => m.ruleId === 'spelling-variant' && m.file.endsWith('colour.mdx'))
        .map((m) => m.expected);
    expect(await spelling('en-GB')).toEqual(['colour']);
    expect(await spelling('en-US')).toEqual([]);
    expect(await spelling('en-GB')).toEqual(['colour']);
  });

  it("starts afresh when the organization or the vocabulary's names change", async () => {
    const { dir, chapter, cacheFile } = content();
    writeFileSync(chapter('skills/names.mdx'), readFileSync(chapter('skills/asking-questions.mdx'), 'utf8') + '\n## Ask Brackwater Ferries\n');
    const flagged = async (organization: string) =>
      (await checkFiles([], { contentDir: dir, root, today: TODAY, cache: cacheFile, organization })).filter(
        (m) => m.ruleId === 'heading-style' && m.file.endsWith('names.mdx'),
      ).length;
    expect(await flagged('Kestrel Tool Hire')).toBe(2);
    expect(await flagged('Brackwater Ferries')).toBe(0);
    writeFileSync(path.join(dir, 'vocabulary.yaml'), 'names: [Brackwater Ferries]\n');
    expect(await flagged('Kestrel Tool Hire')).toBe(0);
  });
});

describe('threads', () => {
  it('uses one thread per core, none beyond what pays for itself, at least one', () => {
    expect(threadCount(10_000, undefined, 2)).toBe(2);
    expect(threadCount(10_000, 1, 8)).toBe(1);
    expect(threadCount(200, undefined, 8)).toBe(1);
    expect(threadCount(0, 4, 8)).toBe(1);
    expect(batchSize(9_000, 2)).toBe(32);
    expect(batchSize(10, 2)).toBe(1);
    // Towards the end of the queue batches shrink, so that the threads finish together.
    expect(tailSize(32, 3_000, 2)).toBe(32);
    expect(tailSize(32, 100, 2)).toBe(13);
    expect(tailSize(32, 3, 2)).toBe(1);
  });

  it('gives the same results as one thread, a file that does not parse included', async () => {
    const { dir, chapter } = content();
    const options = { contentDir: dir, root, today: TODAY };
    const run = createRun(options);
    const texts = ['Call the client.\n', 'Broken <Callout\n', 'Give the the customer a call.\n', 'See [x](/skills/nothing/).\n', 'Fine.\n'];
    const jobs = texts.map((source, i) => ({ file: chapter(`skills/t${i}.mdx`), source }));
    const one = await Promise.all(jobs.map((job) => run.check(job.file, job.source)));
    const two = await checkInParallel(jobs, 2, options, run.checkBatch);
    expect(two).toEqual(one);
    expect(sortMessages(two.flatMap((r) => r.messages)).map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['mdx-syntax', 'terminology', 'prose:repeated-words', 'links']),
    );
  });
});
