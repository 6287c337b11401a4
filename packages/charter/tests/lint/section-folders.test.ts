/**
 * A chapter must sit in a section that sections.yaml lists. The build's content loader and the
 * checker both take this from lib/structure.ts, so they refuse it in the same words, at the same place.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lint/index.ts';
import { copyContent, root, TODAY } from './support.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('section folders', () => {
  it('refuse a chapter in a folder sections.yaml does not list, naming the folder and the sections', async () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const current = path.join(content.dir, 'editions/2026.1');
    const section = readdirSync(current)[0]!;
    const chapter = readdirSync(path.join(current, section)).find((f) => f.endsWith('.mdx'))!;
    mkdirSync(path.join(current, 'misc'));
    // Without its short link, which two chapters may not share.
    writeFileSync(path.join(current, 'misc/notes.mdx'), readFileSync(path.join(current, section, chapter), 'utf8').replace(/^shortLink: .*\n/m, ''));
    const messages = await checkFiles([path.join(current, 'misc/notes.mdx')], { contentDir: content.dir, root, today: TODAY });
    const refused = messages.filter((m) => m.ruleId === 'chapter-files');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(refused[0]!.message).toMatch(/^Unexpected section folder "misc" for chapter "misc\/notes", expected a section listed in sections\.yaml \(.*\b/);
    expect(refused[0]!.message).toContain(section);
  });

  it('leave chapters in listed sections alone', async () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const messages = await checkFiles([path.join(content.dir, 'editions')], { contentDir: content.dir, root, today: TODAY });
    expect(messages.filter((m) => m.ruleId === 'chapter-files')).toEqual([]);
  });
});

describe('old addresses', () => {
  it('refuse a redirect from one of the site’s own pages or an edition, which would never forward', async () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = path.join(content.dir, 'editions/2026.1/skills/listening.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^title: .*$/m, (title) => `${title}\nredirectFrom: [review, search/old-page, 2025.1/skills/hearing, skills/hearing]`),
    );
    const messages = (await checkFiles([file], { contentDir: content.dir, root, today: TODAY })).filter((m) => m.ruleId === 'chapter-files');
    expect(messages.map((m) => m.message.slice(0, m.message.indexOf(':')))).toEqual([
      'Unexpected redirectFrom "review"',
      'Unexpected redirectFrom "search/old-page"',
      'Unexpected redirectFrom "2025.1/skills/hearing"',
    ]);
    expect(messages[0]!.message).toContain("the site's own page answers at /review/");
  });
});
