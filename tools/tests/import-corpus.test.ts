/**
 * The bench's generated Markdown handbook, imported as `npm run bench` imports it: every construct
 * in it must come out as chapters the checker finds no error in, with no word lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMarkdownHandbook } from '../bench/import-bench.ts';
import { prepareImport } from '../../packages/charter/src/import/index.ts';
import { writeFilesAtomically } from '../../packages/charter/src/lib/fs-transaction.ts';
import { DEFAULT_VOCABULARY } from '../../packages/charter/src/lib/vocabulary.ts';
import { checkFiles } from '../../packages/charter/src/lint/check.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'charter-import-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the bench's generated Markdown handbook", () => {
  it('imports into chapters the checker finds no error in, losing no word', async () => {
    const source = path.join(work, 'handbook');
    const files = writeMarkdownHandbook(source, 120);
    const contentDir = path.join(work, 'content');
    const { report, writes } = await prepareImport({
      from: source,
      contentDir,
      edition: '2026.1',
      vocabulary: DEFAULT_VOCABULARY,
      today: new Date('2026-12-01'),
      owner: 'Team',
    });
    expect(report.summary.filesIn).toBe(files);
    expect(report.summary.pagesOut).toBe(files - 8);
    expect(report.summary.lostWords).toBe(0);
    // Every kind of thing that needs a person is among the reports: shortcodes, embeds, remote images, gone pages.
    const needs = report.pages.flatMap((p) => p.needs.map((n) => n.message));
    for (const kind of [/^shortcode /, /^<iframe> embedded/, /^image https:\/\/cdn/, /made plain text/, /chapters import nothing/])
      expect(
        needs.some((n) => kind.test(n)),
        String(kind),
      ).toBe(true);
    writeFilesAtomically(writes);
    const messages = await checkFiles([], { root: work, contentDir, today: new Date('2026-12-01') });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  }, 120_000);
});
