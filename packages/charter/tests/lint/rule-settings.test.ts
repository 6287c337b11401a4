/** Rule levels from the config, for the whole handbook and per folder or glob. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lint/check.ts';
import { checkerConfigSchema } from '../../src/lint/rule-settings.ts';
import { CONFIGURABLE_RULE_IDS } from '../../src/lint/rule-names.ts';
import { RULES } from '../../src/lint/rules/index.ts';
import { handbookContent, TODAY } from './support.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'charter-rule-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const contentDir = path.join(work, 'content');
cpSync(handbookContent, contentDir, { recursive: true });
// Two chapters with the same slips, in different folders.
const slip = (title: string) =>
  `---\ntitle: ${title}\ndescription: A chapter with a heading in title case.\ntype: guide\naudience: [frontline]\nowner: Desk Team\nreviewed: 2026-05-01\n---\n\n## Our Best Practices\n\nText.\n`;
writeFileSync(path.join(contentDir, 'editions/2026.1/start-here/imported-one.mdx'), slip('Imported one'));
writeFileSync(path.join(contentDir, 'editions/2026.1/skills/kept-one.mdx'), slip('Kept one'));

const headingMessages = async (ruleSettings: unknown) =>
  (await checkFiles([], { root: work, contentDir, today: TODAY, ruleSettings: checkerConfigSchema.parse(ruleSettings) }))
    .filter((m) => m.ruleId === 'heading-style' && /(imported|kept)-one/.test(m.file))
    .map((m) => `${path.basename(m.file)} ${m.severity}`)
    .filter((line, i, all) => all.indexOf(line) === i);

describe('rule levels in the config', () => {
  it('names exactly the rules that run on a chapter', () => {
    expect([...CONFIGURABLE_RULE_IDS].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('leave the rules as they are when the config says nothing', async () => {
    expect(await headingMessages({})).toEqual(['kept-one.mdx warning', 'imported-one.mdx warning']);
  });

  it('turn a rule off for the files a glob matches, and up for the rest', async () => {
    const settings = { rules: { 'heading-style': 'error' }, overrides: [{ files: 'editions/*/start-here/**', rules: { 'heading-style': 'off' } }] };
    expect(await headingMessages(settings)).toEqual(['kept-one.mdx error']);
  });

  it('let a later override win, and take a list of globs', async () => {
    const settings = {
      overrides: [
        { files: ['editions/2026.1/**'], rules: { 'heading-style': 'off' } },
        { files: ['**/kept-*.mdx', 'nowhere/**'], rules: { 'heading-style': 'error' } },
      ],
    };
    expect(await headingMessages(settings)).toEqual(['kept-one.mdx error']);
  });

  it('refuse the rules the build refuses under, and names that are not rules, saying which can be set', () => {
    const result = checkerConfigSchema.safeParse({ rules: { 'mdx-safety': 'off', headings: 'off', 'heading-style': 'loud' } });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain(
      'rules.heading-style: must be "off", "warning" or "error", or a list of the level and the rule\'s options, such as ["warning", { … }]',
    );
    expect(messages).toContain('rules.mdx-safety: cannot be changed: the build refuses what "mdx-safety" reports, so the checker does too');
    expect(messages.find((m) => m.startsWith('rules.headings'))).toMatch(/is not a rule; rules that can be set are procedure-structure, .*heading-style/);
  });

  it('are read from the project config by charter lint', () => {
    const root = path.join(work, 'project');
    cpSync(contentDir, path.join(root, 'src/content'), { recursive: true });
    writeFileSync(
      path.join(root, 'charter.config.mjs'),
      `export default { title: 'Guide', organization: 'Kestrel Hire', lang: 'en-GB', checker: { overrides: [{ files: 'editions/*/start-here/**', rules: { 'heading-style': 'off' } }] } };\n`,
    );
    const node = path.join(import.meta.dirname, '../../../../node_modules/.bin/node');
    const result = spawnSync(node, [path.join(import.meta.dirname, '../../src/cli/main.ts'), 'lint', '--format', 'json', '--no-cache'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CHARTER_TODAY: TODAY, HANDBOOK_CONTENT_DIR: '' },
    });
    const files = (JSON.parse(result.stdout) as { file: string; ruleId: string }[]).filter((m) => m.ruleId === 'heading-style').map((m) => m.file);
    expect(files).toContain('src/content/editions/2026.1/skills/kept-one.mdx');
    expect(files.some((f) => f.includes('imported-one'))).toBe(false);
  });
});

describe('rule options in the config', () => {
  const keys =
    '---\ntitle: Keys\ndescription: A chapter that names the keys on the counter keyboard.\ntype: guide\naudience: [frontline]\nowner: Desk Team\nreviewed: 2026-05-01\n---\n\nPress [Ctrl] and C to copy.\n';
  writeFileSync(path.join(contentDir, 'editions/2026.1/start-here/keys-one.md'), keys);
  writeFileSync(path.join(contentDir, 'editions/2026.1/skills/keys-two.md'), keys);
  const undefinedReferences = async (ruleSettings: unknown) =>
    (await checkFiles([], { root: work, contentDir, today: TODAY, ruleSettings: checkerConfigSchema.parse(ruleSettings) }))
      .filter((m) => m.ruleId === 'no-undefined-references' && /keys-/.test(m.file))
      .map((m) => `${path.basename(m.file)} ${m.severity}`);

  it('reach the rule for the files of an override, and its level stays the override’s', async () => {
    expect(await undefinedReferences({})).toEqual(['keys-two.md warning', 'keys-one.md warning']);
    const settings = {
      rules: { 'no-undefined-references': 'error' },
      overrides: [{ files: 'editions/*/start-here/**', rules: { 'no-undefined-references': ['warning', { allow: ['Ctrl'] }] } }],
    };
    expect(await undefinedReferences(settings)).toEqual(['keys-two.md error']);
  });

  it('refine the readability thresholds for some folders', async () => {
    const long = (name: string) =>
      `---\ntitle: ${name}\ndescription: A chapter written in long and winding institutional sentences.\ntype: guide\naudience: [frontline]\nowner: Desk Team\nreviewed: 2026-05-01\n---\n\n` +
      // Reads at about 20: above a threshold of 10, below one of 60.
      'We answer the phone by the third ring, and we say our name and the name of the depot before anything else. ' +
      'When a customer asks about a hire that has gone wrong, representatives should acknowledge the inconvenience and explain the available remedies carefully.\n\n' +
      'Customers appreciate straightforward explanations delivered courteously, particularly regarding complications affecting deliveries and collections.\n';
    writeFileSync(path.join(contentDir, 'editions/2026.1/start-here/dense-one.md'), long('Dense one'));
    writeFileSync(path.join(contentDir, 'editions/2026.1/skills/dense-two.md'), long('Dense two'));
    const readability = async (ruleSettings: unknown) =>
      (await checkFiles([], { root: work, contentDir, today: TODAY, ruleSettings: checkerConfigSchema.parse(ruleSettings) }))
        .filter((m) => m.ruleId === 'readability' && /dense-/.test(m.file))
        .map((m) => path.basename(m.file));
    expect(await readability({ readability: { minimum: 10 } })).toEqual([]);
    expect(
      await readability({ readability: { minimum: 0 }, overrides: [{ files: 'editions/*/skills/**', rules: { readability: ['warning', { minimum: 60 }] } }] }),
    ).toEqual(['dense-two.md']);
  });

  it('are refused, each located, for a rule that takes none or in a shape the rule does not take', () => {
    const result = checkerConfigSchema.safeParse({
      rules: { 'heading-style': ['warning', { strict: true }], 'no-undefined-references': ['error', { allow: 'Ctrl' }], terminology: ['loud'] },
      overrides: [{ files: 'x/**', rules: { readability: ['warning', { minimum: 140 }] } }],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\.heading-style\.1: "heading-style" takes no options; rules with options are readability, no-undefined-references$/),
        expect.stringMatching(/^rules\.no-undefined-references\.1\.allow: /),
        expect.stringMatching(/^rules\.terminology: must be "off", "warning" or "error", or a list/),
        expect.stringMatching(/^overrides\.0\.rules\.readability\.1\.minimum: must be a Flesch reading ease/),
      ]),
    );
    expect(issues).toHaveLength(4);
  });
});
