/**
 * Problems of the content folder as a whole, which the build refuses and the checker reports in
 * the same words, located in the file that holds them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProblems } from '../../src/lib/content-check.ts';
import { contentFolderMessages } from '../../src/lint/check.ts';
import { readVocabulary } from '../../src/lib/vocabulary-file.ts';
import { handbookContent } from './support.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function copy(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'charter-folder-'));
  cpSync(handbookContent, dir, { recursive: true });
  return dir;
}

/** What the build refuses and what the checker reports, each as `file:line:column: message`. */
async function bothReadings(content: string): Promise<{ build: string[]; checker: string[] }> {
  const build = (await buildProblems(content, { vocabulary: readVocabulary(content) })).flatMap(({ file, problems }) =>
    problems.map((p) => `${path.relative(content, file)}:${p.line}:${p.column}: ${p.message}`),
  );
  const checker = contentFolderMessages({ root: content, contentDir: content }).map((m) => `${m.file}:${m.line}:${m.column}: ${m.message}`);
  return { build, checker };
}

describe('problems of the content folder as a whole', () => {
  it('locate a reading path step to a missing chapter or heading at its line in paths.yaml', async () => {
    const content = copy();
    const file = path.join(content, 'paths.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('- chapter: skills/listening', '- chapter: skills/listenin')
        .replace('- chapter: procedures/telephone\n', '- chapter: procedures/telephone#no-such\n'),
    );
    const { build, checker } = await bothReadings(content);
    const expected = [
      expect.stringMatching(
        /^paths\.yaml:12:16: Unexpected step 2 "skills\/listenin" of path "frontline-first-week" \(no chapter "skills\/listenin" in the current edition 2026\.1\), expected "skills\/listening"$/,
      ),
      expect.stringMatching(
        /^paths\.yaml:13:16: Unexpected step 3 "procedures\/telephone#no-such" of path "frontline-first-week" \(no section "#no-such" in "procedures\/telephone"\)/,
      ),
    ];
    expect(checker).toEqual(expect.arrayContaining(expected));
    expect(build).toEqual(expect.arrayContaining(checker));
  });

  it('name an edition without chapters at its entry in editions.yaml, and a folder the manifest does not list', async () => {
    const content = copy();
    rmSync(path.join(content, 'editions/draft'), { recursive: true });
    cpSync(path.join(content, 'editions/2026.1'), path.join(content, 'editions/2027.1'), { recursive: true });
    const { build, checker } = await bothReadings(content);
    expect(checker.find((line) => line.startsWith('editions.yaml:'))).toMatch(
      /^editions\.yaml:\d+:\d+: Unexpected edition "draft" without chapters, expected chapter files in editions\/draft\/<section>\//,
    );
    expect(checker.find((line) => line.startsWith('editions/2027.1/'))).toMatch(
      /:1:1: Unexpected edition folder "editions\/2027\.1\/", expected an edition listed in editions\.yaml/,
    );
    expect(build).toEqual(expect.arrayContaining(checker));
  });

  it('locate a published address that would be lost at its line in published-urls.txt', async () => {
    const content = copy();
    writeFileSync(path.join(content, 'published-urls.txt'), '# Published\n/skills/listening/\n/skills/gone/\n');
    const { build, checker } = await bothReadings(content);
    expect(checker).toEqual([expect.stringMatching(/^published-urls\.txt:3:1: Unexpected loss of the published address "\/skills\/gone\/"/)]);
    expect(build).toEqual(expect.arrayContaining(checker));
  });
});
