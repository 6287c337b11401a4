/**
 * The build fails safe: content that would break the site stops the build with a message naming
 * the files involved, and the message says how to fix it. One real build per case.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent, shippedExampleBuild, withoutTestRunner } from './support.ts';
import { astroBin, charterCli } from '../../../../tools/support/paths.ts';

/**
 * The build refused with a line matching `pattern`, and the checker (charter lint) reports the
 * same line, as an error: they agree, in the same words at the same place.
 */
function expectBothRefuse(contentDir: string, buildOutput: string, pattern: RegExp): void {
  const refused = buildOutput.split('\n').find((line) => pattern.test(line));
  expect(refused, buildOutput).toBeDefined();
  const lint = spawnSync(process.execPath, [charterCli, 'lint', '--format', 'json', '--no-cache'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_CONTENT_DIR: contentDir },
  });
  const errors = (JSON.parse(lint.stdout) as { file: string; line: number; column: number; message: string; severity: string }[])
    .filter((m) => m.severity === 'error')
    .map((m) => `${m.file}:${m.line}:${m.column}: ${m.message}`);
  expect(
    errors.some((line) => pattern.test(line) && refused!.includes(line)),
    `${refused}\n${errors.join('\n')}`,
  ).toBe(true);
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const content = copyContent();
  cleanup = content.cleanup;
  const edit = (rel: string, change: (t: string) => string) => writeFileSync(content.file(rel), change(readFileSync(content.file(rel), 'utf8')));
  return { ...content, edit };
}

describe('the build fails safe', () => {
  it('leaves the last good site as it was when a build fails', () => {
    const c = setup();
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'charter-out-')), 'site');
    try {
      // The last good site: this run's build of the example, where the next build writes.
      cpSync(shippedExampleBuild().dist, outDir, { recursive: true });
      const before = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).sort();
      expect(before).toContain('index.html');
      // A reading path to a missing section fails while pages are written, not before: without the
      // build beside the site, the old site would be gone and only part of the new one there.
      c.edit('paths.yaml', (t) => t.replace('chapter: procedures/telephone#what-to-say', 'chapter: procedures/telephone#what-we-say'));
      const failed = spawnSync(process.execPath, [astroBin, 'build', '--outDir', outDir], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { ...withoutTestRunner(process.env), HANDBOOK_CONTENT_DIR: c.dir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
        timeout: 240_000,
      });
      expect(failed.status).not.toBe(0);
      expect(`${failed.stdout}${failed.stderr}`).toContain('(no section "#what-we-say" in "procedures/telephone")');
      expect(readdirSync(outDir, { recursive: true, encoding: 'utf8' }).sort()).toEqual(before);
    } finally {
      rmSync(path.dirname(outDir), { recursive: true, force: true });
    }
  });

  it('refuses two chapters whose addresses differ only by case', () => {
    const c = setup();
    writeFileSync(c.file('editions/2026.1/skills/Listening.mdx'), readFileSync(c.file('editions/2026.1/skills/listening.mdx')));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    // Located, in the checker's words, at both files.
    expect(output).toMatch(
      /editions\/2026\.1\/skills\/Listening\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/skills\/Listening\.mdx", expected folders and a name in lowercase/,
    );
    expect(output).toMatch(
      /skills\/Listening\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/skills\/Listening\.mdx" at the same address as "editions\/2026\.1\/skills\/listening\.mdx"/,
    );
    expect(output).toMatch(
      /skills\/listening\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/skills\/listening\.mdx" at the same address as "editions\/2026\.1\/skills\/Listening\.mdx"/,
    );
    // And it ends by naming the checker, which lists every problem of every chapter.
    expect(output).toContain('Run `npm run lint:content` (charter lint) for every problem of every chapter');
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
    expectBothRefuse(
      c.dir,
      output,
      /editions\.yaml:\d+:\d+: Unexpected edition "2025\.1" without chapters, expected chapter files in editions\/2025\.1\/<section>\//,
    );
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
    expect(output).toMatch(/editions\/2026\.1\/loose\.mdx:1:1: Unexpected chapter file "editions\/2026\.1\/loose\.mdx" outside a section folder/);
  });

  it('refuses to lose a published address, naming it', () => {
    const c = setup();
    rmSync(c.file('editions/2025.1/procedures/front-counter.mdx'));
    // Its links in that edition now point elsewhere, so only the lost address is wrong.
    for (const file of readdirSync(c.file('editions/2025.1'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'))) {
      c.edit(`editions/2025.1/${file}`, (t) => t.replaceAll('/procedures/front-counter/', '/procedures/telephone/'));
    }
    c.edit('editions/2026.1/procedures/face-to-face.mdx', (t) => t.replace('redirectFrom: [procedures/front-counter]', 'redirectFrom: []'));
    c.edit('editions/draft/procedures/face-to-face.mdx', (t) => t.replace('redirectFrom: [procedures/front-counter]', 'redirectFrom: []'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expectBothRefuse(
      c.dir,
      output,
      /published-urls\.txt:\d+:1: Unexpected loss of the published address "\/2025\.1\/procedures\/front-counter\/".*add the old path to redirectFrom/,
    );
  });

  it('refuses a reading path step that points nowhere', () => {
    const c = setup();
    c.edit('paths.yaml', (t) => t.replace('chapter: procedures/telephone#what-to-say', 'chapter: procedures/telephone#what-we-say'));
    const { status, output } = buildWithContent(c.dir);
    expect(status).not.toBe(0);
    expectBothRefuse(
      c.dir,
      output,
      /paths\.yaml:\d+:\d+: Unexpected step 5 "procedures\/telephone#what-we-say" of path "phone-team" \(no section "#what-we-say" in "procedures\/telephone"\), expected "procedures\/telephone#what-to-say"/,
    );
  });
});
