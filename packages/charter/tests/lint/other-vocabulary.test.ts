/**
 * The checker on a handbook of another organization (tests/fixtures/handbooks/other-org): a
 * library with its own touchpoints, audiences and kinds of chapter in vocabulary.yaml.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFiles, checkSource } from '../../src/lint/index.ts';
import { engineRoot, runCli, tempDir, TODAY, where } from './support.ts';

const otherOrg = path.join(engineRoot, 'tests/fixtures/handbooks/other-org');
const options = { contentDir: otherOrg, root: engineRoot, today: TODAY };

const frontmatter = (fields: string) =>
  `---\ntitle: Late fees\ndescription: What a borrower pays when items come back after the return date.\n${fields}\nowner: Circulation Team\nreviewed: 2026-02-10\n---\n\nText.\n`;

async function checkChapter(source: string, rule?: string) {
  const file = path.join(otherOrg, 'editions/2026.1/policies/late-fees.mdx');
  const messages = await checkSource(source, file, options);
  return rule ? messages.filter((m) => m.ruleId === rule) : messages;
}

describe('a handbook with its own vocabulary.yaml', () => {
  it('checks its chapters, written in its own words, without errors', async () => {
    const messages = await checkFiles([], options);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('refuses an audience the vocabulary does not list, naming vocabulary.yaml and its audiences', async () => {
    const messages = await checkChapter(frontmatter('type: policy\naudience: [support-team]'), 'frontmatter');
    expect(where(messages)).toEqual([
      '5:12-5:24 audience.0: "support-team" is not a known audience; use one of "librarians", "volunteers" (the audiences listed in vocabulary.yaml, where you can add one)',
    ]);
  });

  it("refuses the default vocabulary's words it replaced: a procedure, a telephone touchpoint", async () => {
    const messages = await checkChapter(frontmatter('type: procedure\ntouchpoints: [telephone]\naudience: [librarians]'), 'frontmatter');
    expect(messages.map((m) => m.message)).toEqual([
      'type: "procedure" is not a known chapter type; use one of "routine", "policy" (the chapter types listed in vocabulary.yaml, where you can add one)',
      'touchpoints.0: "telephone" is not a known touchpoint; use one of "help-desk", "text-message", "book-drop" (the touchpoints listed in vocabulary.yaml, where you can add one)',
    ]);
  });

  it('holds TouchpointBadge to its touchpoints', async () => {
    const source =
      frontmatter('type: policy\naudience: [librarians]') + '\n<TouchpointBadge touchpoint="live-chat" /> and <TouchpointBadge touchpoint="book-drop" />\n';
    const messages = await checkChapter(source, 'mdx-safety');
    expect(where(messages)).toEqual([
      '12:18-12:40 Unexpected touchpoint "live-chat" on <TouchpointBadge>, expected one of "help-desk", "text-message", "book-drop" (the touchpoints listed in vocabulary.yaml, where you can add one)',
    ]);
  });

  it('holds a kind of chapter with sections to them, under the procedure-structure rule', async () => {
    const source =
      frontmatter('type: routine\naudience: [volunteers]') + '\n## What to do\n\nScan it.\n\n## Tips\n\nBe quick.\n\n## Before you start\n\nLook.\n';
    const messages = await checkChapter(source, 'procedure-structure');
    expect(where(messages)).toEqual([
      '16:1-16:8 Unexpected section "Tips", expected only the three routine sections',
      '20:1-20:20 Unexpected section "Before you start" after "What to do", expected it before',
      '23:1-23:1 Missing section "Afterwards", expected it at the end of the chapter',
    ]);
  });

  it('leaves a kind of chapter without sections free: its policy has any h2s, and a "procedure" heading list means nothing here', async () => {
    const source = frontmatter('type: policy\naudience: [volunteers]') + '\n## Why we charge\n\nText.\n';
    expect(await checkChapter(source, 'procedure-structure')).toEqual([]);
  });
});

describe('a bad vocabulary.yaml', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function brokenCopy(vocabulary: string): string {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const dir = path.join(temp.dir, 'content');
    cpSync(otherOrg, dir, { recursive: true });
    writeFileSync(path.join(dir, 'vocabulary.yaml'), vocabulary);
    return dir;
  }

  const BROKEN =
    'audiences:\n  - id: Librarians\n    label: Librarians\n  - id: volunteers\n  - id: volunteers\n    label: Volunteers\ntypes: []\ncolours: [red]\n';

  it('is the one thing the checker reports: every problem, located in vocabulary.yaml', async () => {
    const dir = brokenCopy(BROKEN);
    const messages = await checkFiles([], { ...options, contentDir: dir, root: path.dirname(dir) });
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.severity}: ${m.message}`)).toEqual([
      'content/vocabulary.yaml:2:9 vocabulary error: audiences.0.id: "Librarians" is not a lowercase id; write letters, digits and single hyphens, such as "live-chat"',
      'content/vocabulary.yaml:4:5 vocabulary error: audiences.1.label is required: the name readers see, such as "Live chat"',
      'content/vocabulary.yaml:5:9 vocabulary error: audiences.2.id: "volunteers" is used by an earlier entry; each id must be unique',
      'content/vocabulary.yaml:7:8 vocabulary error: types needs at least one entry; leave the key out to use the default chapter types',
      'content/vocabulary.yaml:8:1 vocabulary error: unknown key "colours"; allowed keys are touchpoints, audiences, types, names',
    ]);
  });

  it('fails `charter lint --format json` with the same located messages', () => {
    const dir = brokenCopy('touchpoints:\n  - id: sms\n    label: ""\n');
    const result = runCli(['--format', 'json', '--no-cache'], { cwd: path.dirname(dir), env: { HANDBOOK_CONTENT_DIR: dir } });
    expect(result.status).toBe(1);
    const messages = JSON.parse(result.stdout) as { file: string; line: number; column: number; ruleId: string; message: string }[];
    expect(messages.map((m) => [m.file, m.line, m.column, m.ruleId, m.message])).toEqual([
      ['content/vocabulary.yaml', 3, 12, 'vocabulary', 'touchpoints.0.label must not be empty: write the name readers see, such as "Live chat"'],
    ]);
  });
});
