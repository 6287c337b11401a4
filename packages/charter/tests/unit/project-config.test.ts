/** The adopter's charter.config, as the command line reads it, and the vocabulary's names. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkerSettings, DEFAULT_LANG, loadProjectConfig, ProjectConfigError } from '../../src/lib/project-config.ts';
import { parseVocabulary, readVocabulary } from '../../src/lib/vocabulary-file.ts';
import { root, runCli, tempDir } from '../lint/support.ts';

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((cleanup) => cleanup()));
function project(files: Record<string, string>): string {
  const { dir, cleanup } = tempDir();
  temps.push(cleanup);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const valid = "{ title: 'T', organization: 'Brackwater Ferries', lang: 'en-GB', editBaseUrl: 'https://git.example.org/edit/' }";

describe('loadProjectConfig', () => {
  it("reads and validates the test handbook's charter.config.mjs", async () => {
    const config = await loadProjectConfig(root);
    expect(checkerSettings(config)).toEqual({ lang: 'en-GB', organization: 'Kestrel Tool Hire' });
    expect(config?.base).toBe('/');
  });

  it('reads charter.config.js too, and prefers .mjs when both exist', async () => {
    expect((await loadProjectConfig(project({ 'charter.config.js': `export default ${valid};` })))?.organization).toBe('Brackwater Ferries');
    const both = project({
      'charter.config.js': `export default ${valid};`,
      'charter.config.mjs': `export default ${valid.replace('Brackwater Ferries', 'Other')};`,
    });
    expect((await loadProjectConfig(both))?.organization).toBe('Other');
  });

  it("gives undefined without a config, and the checker then uses the schema's default language and no organization", async () => {
    expect(await loadProjectConfig(project({}))).toBeUndefined();
    expect(checkerSettings(undefined)).toEqual({ lang: DEFAULT_LANG, organization: undefined });
    expect(DEFAULT_LANG).toBe('en-US');
  });

  it('names the file and each bad field of an invalid config', async () => {
    const dir = project({ 'charter.config.mjs': "export default { title: '', organization: 'X', lang: 'english', editBaseUrl: 'https://x.example/' };" });
    const error = await loadProjectConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectConfigError);
    expect((error as Error).message).toMatch(/Invalid site configuration in .*charter\.config\.mjs:\n {2}- title: .*\n {2}- lang: /);
  });

  it('says what is wrong with a file that does not load or exports no object', async () => {
    await expect(loadProjectConfig(project({ 'charter.config.mjs': 'export default {;' }))).rejects.toThrow(/Could not load .*charter\.config\.mjs: /);
    await expect(loadProjectConfig(project({ 'charter.config.mjs': 'export const x = 1;' }))).rejects.toThrow(
      /expected `export default defineCharterConfig\(\{ … \}\)` with an object, got no default export/,
    );
  });
});

describe("charter lint with the project's config", () => {
  const chapter =
    '---\ntitle: Colours\ndescription: A chapter in American spelling.\ntype: guide\naudience: [frontline]\nowner: Desk\nreviewed: 2026-01-12\n---\n\nOrganize the color chart.\n';
  const content = 'src/content/editions/2026.1/reference/spelling.mdx';

  it("checks spelling in the config's language", () => {
    const dir = project({ 'charter.config.mjs': `export default ${valid};`, [content]: chapter });
    const result = runCli([content, '--format', 'json'], { cwd: dir, env: { HANDBOOK_CONTENT_DIR: path.join(root, 'src/content') } });
    const spelling = (JSON.parse(result.stdout) as { ruleId: string; expected?: string }[]).filter((m) => m.ruleId === 'spelling-variant');
    expect(spelling.map((m) => m.expected)).toEqual(['Organise', 'colour']);
  });

  it('exits 2 with the file and field when the config is invalid', () => {
    const dir = project({
      'charter.config.mjs': "export default { title: 'T', organization: 'X', lang: 'English', editBaseUrl: 'https://x.example/' };",
      [content]: chapter,
    });
    const result = runCli([content, '--format', 'json'], { cwd: dir, env: { HANDBOOK_CONTENT_DIR: path.join(root, 'src/content') } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/charter lint: Invalid site configuration in .*charter\.config\.mjs:\n {2}- lang: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});

describe('the names of vocabulary.yaml', () => {
  it('are read with the rest of the vocabulary', () => {
    const dir = project({ 'vocabulary.yaml': 'audiences:\n  - { id: crew, label: Crew }\nnames:\n  - Brackwater Quay\n  - FerryPass\n' });
    expect(readVocabulary(dir).names).toEqual(['Brackwater Quay', 'FerryPass']);
  });

  it('are none without the file or the key', () => {
    expect(readVocabulary(project({})).names).toEqual([]);
    expect(readVocabulary(project({ 'vocabulary.yaml': 'audiences:\n  - { id: crew, label: Crew }\n' })).names).toEqual([]);
  });

  it('refuse a bad name at its line and column, saying what is allowed', () => {
    const { problems } = parseVocabulary('names:\n  - Quay\n  - 12\n  - ""\n');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:5 names.1 must be text: a name, such as Harbour Road depot',
      '4:5 names.2 must not be empty: a name, such as Harbour Road depot',
    ]);
  });
});
