/**
 * Standards across the chapters of an edition: a `<Standard id>` the edition does not declare is
 * refused by the build and the checker alike, in the same words at the same place; a sentence in
 * one chapter that contradicts a standard declared in another is an error naming both places; two
 * chapters that declare one measure with different targets are both reported.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProblems } from '../../src/lib/content-check.ts';
import { readVocabulary } from '../../src/lib/vocabulary-file.ts';
import { checkFiles } from '../../src/lint/index.ts';
import { handbookContent, TODAY } from './support.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function copy(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'charter-standards-'));
  cpSync(handbookContent, dir, { recursive: true });
  return dir;
}

const DECLARATIONS = [
  'standards:',
  '  - id: phone-answer',
  '    measure: time to answer',
  '    target: { value: 3, unit: rings }',
  '    statement: We answer every call by {target}.',
  '  - id: phone-hold',
  '    measure: time on hold without an update',
  '    target: { value: 30, unit: seconds }',
  '    statement: No caller waits on hold more than {target} without an update.',
].join('\n');

/** Declares the two telephone standards in an edition's telephone chapter; returns the file. */
function declare(content: string, edition: string): string {
  const file = path.join(content, 'editions', edition, 'procedures/telephone.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, `\n${DECLARATIONS}\n---\n`));
  return file;
}

const chapter = (body: string) =>
  `---\ntitle: Callers first\ndescription: How the depots treat a caller from the first ring to the goodbye.\ntype: guide\ntouchpoints: [telephone]\naudience: [frontline]\nowner: Hire Desk Team\nreviewed: 2026-01-12\n---\n\n${body}\n`;

const lines = (messages: { file: string; line: number; column: number; message: string }[], content: string) =>
  messages.map((m) => `${path.relative(content, path.resolve(content, m.file))}:${m.line}:${m.column}: ${m.message}`);

describe('a <Standard id> of another edition, or of none', () => {
  it('is refused by the build and the checker at the same place, listing the ids the edition declares', async () => {
    const content = copy();
    declare(content, '2026.1');
    declare(content, 'draft');
    const file = path.join(content, 'editions/2026.1/skills/callers.mdx');
    writeFileSync(file, chapter('Pick up by <Standard id="phone-answr" value />.\n\n<Standard id="phone-hold" />'));
    const expected = [
      'editions/2026.1/skills/callers.mdx:11:12: Unexpected standard id "phone-answr" in <Standard> (edition 2026.1 declares phone-answer, phone-hold), expected "phone-answer"',
    ];
    const build = (await buildProblems(content, { vocabulary: readVocabulary(content) })).flatMap(({ file: f, problems }) =>
      problems.map((p) => `${path.relative(content, f)}:${p.line}:${p.column}: ${p.message}`),
    );
    expect(build).toEqual(expected);
    const checker = (await checkFiles([file], { contentDir: content, root: content, today: TODAY, cache: false })).filter((m) => m.ruleId === 'links');
    expect(lines(checker, content)).toEqual(expected);
    expect(checker[0]!.severity).toBe('error');
  });

  it('is refused in an edition whose chapters declare no standards', async () => {
    const content = copy();
    declare(content, 'draft');
    const file = path.join(content, 'editions/2026.1/skills/callers.mdx');
    writeFileSync(file, chapter('<Standard id="phone-answer" />'));
    const messages = (await checkFiles([file], { contentDir: content, root: content, today: TODAY, cache: false })).filter((m) => m.ruleId === 'links');
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected standard id "phone-answer" in <Standard> (edition 2026.1 declares none), expected an id from the standards: field of a chapter of the same edition: declare the standard in the frontmatter of the chapter that explains it',
    ]);
  });
});

describe('a sentence that contradicts a standard declared in another chapter', () => {
  it('is an error at the sentence that names the declaration’s file, line and column', async () => {
    const content = copy();
    declare(content, '2026.1');
    const file = path.join(content, 'editions/2026.1/skills/callers.mdx');
    writeFileSync(file, chapter('Callers should never hold longer than a minute. Pick up before the fourth ring.'));
    const messages = (await checkFiles([file], { contentDir: content, root: content, today: TODAY, cache: false })).filter(
      (m) => m.ruleId === 'standard-consistency',
    );
    expect(messages.map((m) => [m.severity, `${m.line}:${m.column}`, m.message])).toEqual([
      [
        'error',
        '11:39',
        'Unexpected "a minute" for standard "phone-hold" (Telephone, time on hold without an update), expected 30 seconds as declared at editions/2026.1/procedures/telephone.mdx:14:5',
      ],
      [
        'warning',
        '11:64',
        'Unexpected "the fourth ring" written by hand for standard "phone-answer" (Telephone, time to answer), expected <Standard id="phone-answer" value /> or <Standard id="phone-answer" />, so that the value follows its declaration',
      ],
    ]);
  });

  it('is checked against its own edition only', async () => {
    const content = copy();
    declare(content, 'draft');
    const file = path.join(content, 'editions/2026.1/skills/callers.mdx');
    writeFileSync(file, chapter('Callers should never hold longer than a minute.'));
    const messages = await checkFiles([file], { contentDir: content, root: content, today: TODAY, cache: false });
    expect(messages.filter((m) => m.ruleId === 'standard-consistency')).toEqual([]);
  });
});

describe('two chapters that declare one measure with different targets', () => {
  it('are both reported as errors, each naming the other declaration', async () => {
    const content = copy();
    const telephone = declare(content, '2026.1');
    const file = path.join(content, 'editions/2026.1/skills/callers.mdx');
    const other = chapter('Text.').replace(
      '\n---\n\n',
      '\nstandards:\n  - id: phone-pick-up\n    measure: Time to answer\n    target: { value: 2, unit: rings }\n    statement: We pick up by {target}.\n---\n\n',
    );
    writeFileSync(file, other);
    const messages = (await checkFiles([telephone, file], { contentDir: content, root: content, today: TODAY, cache: false })).filter(
      (m) => m.ruleId === 'standard-consistency' && m.message.startsWith('Unexpected target'),
    );
    expect(lines(messages, content)).toEqual([
      'editions/2026.1/procedures/telephone.mdx:12:13: Unexpected target the third ring for Telephone, time to answer (standard "phone-answer"), expected one target per measure and touchpoint: standard "phone-pick-up" at editions/2026.1/skills/callers.mdx:10:5 declares the second ring',
      'editions/2026.1/skills/callers.mdx:12:13: Unexpected target the second ring for Telephone, Time to answer (standard "phone-pick-up"), expected one target per measure and touchpoint: standard "phone-answer" at editions/2026.1/procedures/telephone.mdx:10:5 declares the third ring',
    ]);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
  });
});
