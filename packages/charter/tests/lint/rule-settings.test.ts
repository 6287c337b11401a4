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
    expect(messages).toContain('rules.heading-style: must be "off", "warning" or "error"');
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
