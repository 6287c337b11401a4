/**
 * A chapter copied into several editions is read once per run (src/lint/readings.ts) and the rules
 * that read only its text run once for all the copies (src/lint/shared-rules.ts): each copy must
 * still get exactly the messages, fixes and index reads it gets when it is checked on its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { afterEach, describe, expect, it } from 'vitest';
import { createRun, expandPaths } from '../../src/lint/check.ts';
import { checkFiles } from '../../src/lint/index.ts';
import { batchEnd, checkInParallel, prestartWorkers, sameTextsTogether } from '../../src/lint/parallel.ts';
import { deepFreeze } from '../../src/lint/readings.ts';
import { RULES } from '../../src/lint/rules/index.ts';
import { runWideContext } from '../../src/lint/shared-rules.ts';
import { copyContent, handbookSettings, root, TODAY } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A chapter with something for most rules to say: wording, prose, headings, links, references, readability. */
const CHAPTER = `---
title: Taking Back A Tool
description: How we take back a tool that a client returns early.
type: guide
audience: [frontline]
owner: Hire Desk Team
reviewed: 2024-01-10
---

## Why It Matters.

Give the the client a call by e-mail, and let the chairman know. No problem, I can do that.

Reimbursement of payments shall be authorised exclusively following verification of eligibility by an
appropriately designated representative, notwithstanding administrative considerations. Applications
submitted subsequent to the expiration of the stipulated notification period will ordinarily be
considered inadmissible, irrespective of circumstances, and communicated through institutional channels.

#### Too deep

See [the steps](#steps), [nowhere](/skills/nowhere/), [a reference][missing] and the colour chart.

[unused]: /skills/listening/
`;

function handbookWithCopies() {
  const copy = copyContent();
  cleanups.push(copy.cleanup);
  const files = ['draft', '2026.1', '2025.1'].map((edition) => path.join(copy.dir, 'editions', edition, 'reference/copied.mdx'));
  for (const file of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, CHAPTER);
  }
  return { dir: copy.dir, files };
}

describe('chapters with the same text in several editions', () => {
  it('get the messages, fixes and reads each gets when checked alone', async () => {
    const { dir, files } = handbookWithCopies();
    const options = { contentDir: dir, root, today: TODAY, ...handbookSettings };
    const together = await createRun(options).checkBatch(files.map((file) => ({ file, source: CHAPTER })));
    for (const [index, file] of files.entries()) {
      const alone = await createRun(options).check(file, CHAPTER);
      expect(together[index]).toEqual(alone);
    }
    // The copies differ where their editions do: readability and review dates are not checked in the archive.
    const rules = together.map((result) => new Set(result.messages.map((m) => m.ruleId)));
    for (const id of ['terminology', 'prose:repeated-words', 'prose:equality', 'phrases-to-avoid', 'heading-style', 'links', 'readability', 'review-due']) {
      expect(rules[0]!.has(id), id).toBe(true);
    }
    expect(rules[2]!.has('readability')).toBe(false);
    expect(rules[2]!.has('review-due')).toBe(false);
    expect(together[0]!.fixes.length).toBeGreaterThan(0);
  });

  it('give the same results on two threads as on one, and through checkFiles', async () => {
    const { dir, files } = handbookWithCopies();
    const options = { contentDir: dir, root, today: TODAY, ...handbookSettings };
    const run = createRun(options);
    const others = expandPaths([path.join(dir, 'editions')], root).filter((file) => !files.includes(file));
    // The copies apart in the list, as a listing by edition has them.
    const jobs = [files[0]!, ...others, files[1]!, files[2]!].map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    const one = await run.checkBatch(jobs);
    expect(await checkInParallel(jobs, 2, options, run.checkBatch)).toEqual(one);
    // A worker started before the run (as `charter lint --no-cache` starts them) is handed its options.
    prestartWorkers(1);
    expect(await checkInParallel(jobs, 2, options, run.checkBatch)).toEqual(one);
    const messages = await checkFiles([], options);
    expect(messages.filter((m) => m.file.endsWith('copied.mdx')).length).toBeGreaterThan(20);
  });

  it('are queued together and never split between batches', () => {
    const jobs = ['a', 'b', 'a', 'c', 'b', 'a'].map((source, i) => ({ file: `${i}.mdx`, source }));
    const order = sameTextsTogether(jobs);
    expect(order).toEqual([0, 2, 5, 1, 4, 3]);
    const queued = order.map((i) => jobs[i]!);
    expect(batchEnd(queued, 0, 2)).toBe(3);
    expect(batchEnd(queued, 3, 1)).toBe(5);
    expect(batchEnd(queued, 5, 4)).toBe(6);
  });
});

describe('what a shared rule may read', () => {
  it('is the run’s settings only: reading the edition or the chapter’s place fails, naming the rule', () => {
    const { dir, files } = handbookWithCopies();
    const context = createRun({ contentDir: dir, root, today: TODAY }).contextOf(files[0]!);
    const view = runWideContext(context, 'terminology');
    expect(view.handbook).toBe(context.handbook);
    expect(view.lang).toBe(context.lang);
    for (const field of ['edition', 'editionEntry', 'chapterFile', 'index', 'baseSource'] as const) {
      expect(() => view[field]).toThrow(/terminology read "\w+"/);
    }
  });

  it('is marked: the rules that read the edition or the git base are the ones run per file', () => {
    expect(RULES.filter((rule) => rule.perFile).map((rule) => rule.id)).toEqual([
      'review-due',
      'archived-frozen',
      'carry-pending',
      'standard-consistency',
      'no-undefined-references',
      'readability',
    ]);
  });

  it('cannot change a shared tree', () => {
    const tree = deepFreeze<Root>({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] });
    expect(() => {
      (tree.children[0] as { children: unknown[] }).children.push({ type: 'text', value: 'y' });
    }).toThrow(TypeError);
  });
});
