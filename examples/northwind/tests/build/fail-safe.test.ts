/**
 * The build fails safe: content that would break the site stops the build with a message naming
 * the files involved, and the message says how to fix it. One real build per case.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const content = copyContent();
  cleanup = content.cleanup;
  const edit = (rel: string, change: (t: string) => string) => writeFileSync(content.file(rel), change(readFileSync(content.file(rel), 'utf8')));
  return { ...content, edit };
}

describe('the build fails safe', () => {
  it('refuses two chapters whose addresses differ only by case', () => {
    const c = setup();
    writeFileSync(c.file('editions/2026.1/skills/Listening.mdx'), readFileSync(c.file('editions/2026.1/skills/listening.mdx')));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    // Located, in the checker's words, at both files.
    expect(output).toMatch(
      /editions\/2026\.1\/skills\/Listening\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/skills\/Listening\.mdx", expected a section folder and a name in lowercase/,
    );
    expect(output).toMatch(/skills\/Listening\.mdx:1:1: Unexpected chapter "skills\/Listening" at the same address as "skills\/listening"/);
    expect(output).toMatch(/skills\/listening\.mdx:1:1: Unexpected chapter "skills\/listening" at the same address as "skills\/Listening"/);
  });

  it('refuses an old path claimed by two chapters', () => {
    const c = setup();
    c.edit('editions/2026.1/skills/listening.mdx', (t) => t.replace('redirectFrom: []', 'redirectFrom: [skills/hearing]'));
    c.edit('editions/2026.1/skills/speaking.mdx', (t) => t.replace('redirectFrom: []', 'redirectFrom: [skills/hearing]'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/skills\/listening\.mdx:\d+:\d+: Unexpected redirectFrom "skills\/hearing": "skills\/speaking" lists it too/);
    expect(output).toMatch(/skills\/speaking\.mdx:\d+:\d+: Unexpected redirectFrom "skills\/hearing": "skills\/listening" lists it too/);
  });

  it('refuses a redirect loop: a redirect from a path where a chapter still lives', () => {
    const c = setup();
    c.edit('editions/2026.1/skills/listening.mdx', (t) => t.replace('redirectFrom: []', 'redirectFrom: [skills/speaking]'));
    c.edit('editions/2026.1/skills/speaking.mdx', (t) => t.replace('redirectFrom: []', 'redirectFrom: [skills/listening]'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/skills\/listening\.mdx:\d+:\d+: Unexpected redirectFrom "skills\/speaking": a chapter still lives at that path/);
  });

  it('refuses two chapters or paths with the same short link', () => {
    const c = setup();
    c.edit('editions/2026.1/procedures/telephone.mdx', (t) => t.replace('shortLink: phone', 'shortLink: first-week'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /procedures\/telephone\.mdx:\d+:\d+: Unexpected shortLink "first-week": path "frontline-first-week" in paths\.yaml declares \/go\/first-week\/ too/,
    );
  });

  it('refuses an edition in the manifest whose folder is missing', () => {
    const c = setup();
    rmSync(c.file('editions/2025.1'), { recursive: true });
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('Edition "2025.1" is listed in editions.yaml but has no chapters');
  });

  it('refuses an empty glossary: the file is optional, but one that exists without entries is likely a mistake', () => {
    const c = setup();
    writeFileSync(c.file('glossary.yaml'), '# nothing yet\n');
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /glossary\.yaml:1:1: Unexpected empty glossary\.yaml, expected at least one entry; or delete glossary\.yaml if the handbook has no glossary terms \(it is optional\) \(data-files\)/,
    );
  });

  it('refuses a chapter in no section, naming the file', () => {
    const c = setup();
    writeFileSync(c.file('editions/2026.1/loose.mdx'), readFileSync(c.file('editions/2026.1/skills/listening.mdx')));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/editions\/2026\.1\/loose\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/loose\.mdx", expected a section folder/);
  });

  it('refuses to lose a published address, naming it', () => {
    const c = setup();
    rmSync(c.file('editions/2025.1/procedures/front-counter.mdx'));
    c.edit('editions/2026.1/procedures/face-to-face.mdx', (t) => t.replace('redirectFrom: [procedures/front-counter]', 'redirectFrom: []'));
    c.edit('editions/draft/procedures/face-to-face.mdx', (t) => t.replace('redirectFrom: [procedures/front-counter]', 'redirectFrom: []'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('- /2025.1/procedures/front-counter/');
    expect(output).toContain('add the old path to redirectFrom');
  });

  it('refuses a reading path step that points nowhere', () => {
    const c = setup();
    c.edit('paths.yaml', (t) => t.replace('chapter: procedures/telephone#what-to-say', 'chapter: procedures/telephone#what-we-say'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/paths\.yaml: path "phone-team": step 5 "procedures\/telephone#what-we-say": "Telephone" has no section "#what-we-say"/);
  });
});
