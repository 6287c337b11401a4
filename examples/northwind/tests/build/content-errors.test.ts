/**
 * Bad content must stop the build with a message that names the file, the field, the value and
 * what is allowed. These run the real Astro build (content sync fails early, so each takes seconds).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';
import { charterCli } from '../../../../tools/support/paths.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('the build refuses bad content', () => {
  it('locates a bad data-file entry, in the same words as the checker', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    edit(content.file('glossary.yaml'), (t) => t.replace(/^(\s*term:) .*$/m, '$1 ""'));
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    const located = output.match(/glossary\.yaml:\d+:\d+: Entry 1: term[^\n]*\(data-files\)/)?.[0];
    expect(located, output).toBeDefined();
    const root = path.resolve(import.meta.dirname, '../..');
    const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: content.dir },
    });
    // A data file the checker cannot use is content to fix: exit 1, its problems as messages.
    expect(lint.status).toBe(1);
    const [, line, column, message] = /glossary\.yaml:(\d+):(\d+): (.*) \(data-files\)$/.exec(located!)!;
    const messages = JSON.parse(lint.stdout) as { file: string; line: number; column: number; ruleId: string; message: string }[];
    expect(messages).toContainEqual(
      expect.objectContaining({ file: content.file('glossary.yaml'), line: Number(line), column: Number(column), ruleId: 'data-files', message }),
    );
  });

  it('names the file, the field, the value and the allowed values of bad frontmatter', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    edit(content.file('editions/2026.1/procedures/telephone.mdx'), (t) =>
      t.replace('type: procedure', 'type: policy').replace('touchpoints: [telephone]', 'touchpoints: [telephone, fax]'),
    );
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('procedures/telephone.mdx');
    expect(output).toContain('type: "policy" is not a known chapter type; use one of "creed", "principle", "skill", "procedure"');
    expect(output).toContain('touchpoints.1: "fax" is not a known touchpoint');
  });

  it('names a missing required field and an unknown one', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    edit(content.file('editions/2026.1/skills/listening.mdx'), (t) => t.replace(/^owner: .*$/m, 'author: Sam'));
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('skills/listening.mdx');
    // The checker's words, at the field's line.
    expect(output).toMatch(/skills\/listening\.mdx:\d+:\d+: owner is required: the team that keeps this chapter true \(frontmatter\)/);
    expect(output).toMatch(/unknown field "author"/);
  });

  it('without a glossary, refuses a chapter that uses a term from it, naming the term', () => {
    // The glossary is optional, but Northwind's chapters use <Term>, which needs it.
    const content = copyContent();
    cleanup = content.cleanup;
    rmSync(content.file('glossary.yaml'));
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    // Every such term at once, located, in the checker's words: before anything is compiled.
    expect(output).toMatch(/\.mdx:\d+:\d+: Unexpected glossary id "[a-z-]+" in <Term>, expected an id from glossary\.yaml, which this handbook does not have/);
    expect(output.match(/Unexpected glossary id/g)!.length).toBeGreaterThan(3);
  });

  it('refuses a chapter outside every section, naming it', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    mkdirSync(content.file('editions/2026.1/misc'));
    writeFileSync(
      content.file('editions/2026.1/misc/notes.mdx'),
      // A copy without the original's short link, which two chapters may not share.
      readFileSync(content.file('editions/2026.1/skills/listening.mdx'), 'utf8').replace(/^shortLink: .*\n/m, ''),
    );
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    // Located, in the checker's words (lib/structure.ts), before anything is compiled.
    expect(output).toMatch(
      /editions\/2026\.1\/misc\/notes\.mdx:1:1: Unexpected section folder "misc" for chapter "misc\/notes", expected a section listed in sections\.yaml \(start-here, /,
    );
  });

  it('refuses a bad base path in the site configuration, naming the field', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const { status, output } = buildWithContent(content.dir, { HANDBOOK_BASE_PATH: 'handbook' });
    expect(status).not.toBe(0);
    expect(output).toContain('Invalid site configuration in charter.config.mjs');
    expect(output).toContain('base: must start and end with "/"');
    // The message is the whole story: no engine stack below it.
    expect(output).not.toMatch(/\n\s+at \S/);
  });
});
