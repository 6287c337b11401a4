/**
 * `charter redline` in a temporary git repository: a branch that changes a word in a step, adds,
 * removes and renames chapters, edits a Markdown chapter, breaks an MDX one and gives a chapter a
 * hostile title. The command runs in-process; one run goes through the real `charter` entry point.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedline } from '../../src/cli/redline.ts';
import { engineRoot, repoRoot, root as kestrel, tempDir } from '../lint/support.ts';

const repo = tempDir();
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo.dir, encoding: 'utf8' });
const chapter = (file: string) => path.join(repo.dir, 'src/content/editions', file);
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(chapter(file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(chapter(file), text.replace(from, to));
};

/** Runs the command in-process, collecting what it prints. */
async function redline(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runRedline(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? repo.dir,
  });
  return { status, stdout, stderr };
}

const HOSTILE_TITLE = 'Returns | refunds <script>alert("x")</script>';
const openingHours = (closing: string) => `---
title: Opening hours
description: When the depots open.
---

Every depot opens at 7am and closes at ${closing}.
`;

beforeAll(() => {
  cpSync(path.join(kestrel, 'src'), path.join(repo.dir, 'src'), { recursive: true });
  cpSync(path.join(kestrel, 'charter.config.mjs'), path.join(repo.dir, 'charter.config.mjs'));
  writeFileSync(chapter('draft/reference/opening-hours.md'), openingHours('5pm'));
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Content');
  git('checkout', '--quiet', '-b', 'edit');

  // A changed word in a step, committed on the branch.
  edit('draft/procedures/telephone.mdx', '1. Pick up by the third ring', '1. Pick up by the second ring');
  git('commit', '--quiet', '-am', 'Answer sooner');
  // A Markdown chapter changed, a chapter renamed with a word changed, one removed, one added with a
  // hostile title, and an MDX chapter that no longer parses: left in the work tree, as an editor would.
  writeFileSync(chapter('draft/reference/opening-hours.md'), openingHours('6pm'));
  git('mv', 'src/content/editions/draft/procedures/mail.mdx', 'src/content/editions/draft/procedures/post.mdx');
  edit('draft/procedures/post.mdx', 'title: ', 'title: Post and ');
  rmSync(chapter('draft/procedures/email.mdx'));
  writeFileSync(chapter('draft/procedures/returns.md'), `---\ntitle: '${HOSTILE_TITLE}'\n---\n\nNever paste <script>alert(1)</script> into a reply.\n`);
  edit('draft/skills/listening.mdx', '\n\n', '\n\n<Callout type="do" title="Broken">\n\nNo closing tag.\n\n');
});
afterAll(() => repo.cleanup());

describe('charter redline', () => {
  let page = '';
  let summary = '';

  beforeAll(async () => {
    const result = await redline(['--base', 'main', '--out', 'out/redline.html', '--summary', 'summary.md']);
    expect(result.stderr).toMatch(
      /^charter redline: 6 changed chapters against the merge base with main\. Page: out\/redline\.html; summary: .*summary\.md\.\n$/,
    );
    expect(result.status).toBe(0);
    page = readFileSync(path.join(repo.dir, 'out/redline.html'), 'utf8');
    summary = readFileSync(path.join(repo.dir, 'summary.md'), 'utf8');
  });

  it('shows the changed word struck through and the new one marked, in the handbook’s language', () => {
    expect(page).toContain('Pick up by the <del data-mark="removed">third</del><ins data-mark="added">second</ins> ring');
    expect(page).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(page).toContain('<title>Changes against main · Counter Handbook</title>');
  });

  it('lists every changed chapter, each linked to its redline on the page', () => {
    const rows = [...page.matchAll(/<tr><td>(\w+)<\/td><th scope="row"><a href="#([^"]+)">([^<]*)<\/a><\/th><td>([^<]*)<\/td><td>(\w+)<\/td>/g)];
    expect(rows.map((row) => [row[1], row[3], row[4], row[5]])).toEqual([
      ['draft', 'Email', 'procedures/email.mdx', 'Removed'],
      ['draft', 'Post and Mail', 'procedures/post.mdx, moved from procedures/mail.mdx', 'Renamed'],
      ['draft', 'Returns | refunds &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', 'procedures/returns.md', 'Added'],
      ['draft', 'Telephone', 'procedures/telephone.mdx', 'Changed'],
      ['draft', 'Opening hours', 'reference/opening-hours.md', 'Changed'],
      ['draft', 'Listening', 'skills/listening.mdx', 'Changed'],
    ]);
    for (const row of rows) expect(page).toContain(`<article class="chapter-change" id="${row[2]}"`);
    expect(page).toContain('closes at <del data-mark="removed">5pm</del><ins data-mark="added">6pm</ins>.');
    expect(page).toContain('Renamed · moved from procedures/mail.mdx · was “Mail”');
  });

  it('escapes what chapters say, and runs nothing and fetches nothing', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('Never paste &lt;script&gt;alert(1)&lt;/script&gt; into a reply.');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/);
    expect(page).not.toMatch(/\b(?:src|href)="(?!#)/);
  });

  it('shows a chapter that no longer parses as plain text, with a note saying so', () => {
    const listening = page.slice(page.indexOf('id="chapter-draft-skills-listening-mdx"'));
    expect(listening).toMatch(
      /<p class="note">This branch’s version could not be read as MDX \(Expected a closing tag for `&lt;Callout&gt;` \(12:1-12:35\)[^)]*\), so both versions are compared as plain text\.<\/p>/,
    );
    expect(listening).toContain('<ins data-mark="added">&lt;Callout type=&quot;do&quot; title=&quot;Broken&quot;&gt;</ins>');
  });

  it('writes a summary table with a row per chapter, titles escaped, and why a chapter has no score', () => {
    const lines = summary.trimEnd().split('\n');
    expect(lines[0]).toBe('## Changes against main');
    expect(lines[2]).toMatch(/^Compared with commit [0-9a-f]{12}, where this branch left main\. 6 chapters added, removed, renamed or changed\.$/);
    expect(lines.slice(4)).toEqual([
      '| Edition | Chapter | File | Change | Words added | Words removed | Sections changed | Reading ease (Flesch) |',
      '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
      expect.stringMatching(/^\| draft \| Email \| procedures\/email.mdx \| Removed \| 0 \| \d+ \| \d+ \| \d+ \|$/),
      // A rename alone, and one word for another of as many syllables, leave the score as it was.
      expect.stringMatching(/^\| draft \| Post and Mail \| procedures\/post.mdx, moved from procedures\/mail.mdx \| Renamed \| 0 \| 0 \| 0 \| (\d+) → \1 \|$/),
      '| draft | Returns \\| refunds \\<script\\>alert("x")\\</script\\> | procedures/returns.md | Added | 6 | 0 | 1 | —\\* |',
      expect.stringMatching(/^\| draft \| Telephone \| procedures\/telephone.mdx \| Changed \| 1 \| 1 \| 1 \| (\d+) → \1 \|$/),
      '| draft | Opening hours | reference/opening-hours.md | Changed | 1 | 1 | 1 | —\\* |',
      expect.stringMatching(/^\| draft \| Listening \| skills\/listening.mdx \| Changed \| \d+ \| \d+ \| 1 \| \d+ → —† \|$/),
      '',
      '\\* Too short to score: fewer than 40 words of prose, not counting headings and code.',
      '',
      '† Not scored: this version could not be read as Markdown or MDX.',
    ]);
  });

  it('adds the summary to GitHub’s job summary when it runs there, and prints it otherwise', async () => {
    const jobSummary = path.join(repo.dir, 'job-summary.md');
    writeFileSync(jobSummary, '## Handbook wording check\n');
    const inCi = await redline(['--base', 'main'], { env: { GITHUB_STEP_SUMMARY: jobSummary } });
    expect(inCi.status).toBe(0);
    expect(inCi.stdout).toBe('');
    expect(readFileSync(jobSummary, 'utf8')).toMatch(/^## Handbook wording check\n\n## Changes against main\n[\s\S]*\| draft \| Telephone \|/);
    expect(existsSync(path.join(repo.dir, 'charter-redline.html'))).toBe(true);

    const atTerminal = await redline(['--base', 'main', '--out', 'out/again.html']);
    expect(atTerminal.stdout).toMatch(/^## Changes against main\n[\s\S]*\| draft \| Telephone \|/);
    expect((await redline(['--base', 'main', '--summary', '-'], { env: { GITHUB_STEP_SUMMARY: jobSummary } })).stdout).toMatch(/^## Changes against main/);
  });

  it('says so when no chapter changed, and still succeeds', async () => {
    const result = await redline(['--base', 'main', '--out', 'out/none.html', '--summary', 'none.md', 'src/content/editions/2025.1']);
    expect(result.status).toBe(0);
    const none = readFileSync(path.join(repo.dir, 'out/none.html'), 'utf8');
    expect(none).toContain('No chapter changed.');
    expect(none).not.toContain('<table');
    expect(readFileSync(path.join(repo.dir, 'none.md'), 'utf8')).toMatch(/where this branch left main\. No chapter changed\.\n$/);
  });

  it('looks only at the paths it is given', async () => {
    await redline(['--base', 'main', '--out', 'out/some.html', '--summary', 'some.md', 'src/content/editions/draft/reference']);
    expect(readFileSync(path.join(repo.dir, 'some.md'), 'utf8').match(/^\| draft /gm)).toHaveLength(1);
  });

  it('labels the redline in the configured language', async () => {
    await redline(['--base', 'main', '--out', 'out/de.html', '--summary', 'de.md'], { env: { HANDBOOK_LANG: 'de-DE' } });
    const german = readFileSync(path.join(repo.dir, 'out/de.html'), 'utf8');
    expect(german).toMatch(/^<!doctype html>\n<html lang="de-DE">/);
    expect(german).toContain('<del data-mark="entfernt">third</del><ins data-mark="hinzugefügt">second</ins>');
    const germanSummary = readFileSync(path.join(repo.dir, 'de.md'), 'utf8');
    expect(germanSummary).toContain('## Änderungen gegenüber main');
    // The Flesch score is made for English: a German handbook has no readability column.
    expect(germanSummary).toContain('| Geänderte Abschnitte |\n');
    expect(germanSummary).not.toMatch(/Lesbarkeit|→/);
  });
});

describe('charter redline refuses, in one line and with exit status 2,', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it('a ref git does not know', async () => {
    const result = await redline(['--base', 'no-such-branch']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('charter redline: "no-such-branch" is not a git ref (a branch, tag or commit).\n');
  });

  it('a content folder outside any git repository', async () => {
    const outside = tempDir();
    try {
      cpSync(path.join(kestrel, 'src'), path.join(outside.dir, 'src'), { recursive: true });
      const result = await redline(['--base', 'main'], { cwd: outside.dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^charter redline: src\/content is not in a git repository, so there is no commit to compare with/);
      oneLine(result.stderr);
    } finally {
      outside.cleanup();
    }
  });

  it('a content folder that does not exist', async () => {
    const result = await redline(['--base', 'main'], { env: { HANDBOOK_CONTENT_DIR: 'nowhere' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^charter redline: Content folder not found: HANDBOOK_CONTENT_DIR is set to "nowhere"/);
    oneLine(result.stderr);
  });

  it('an unknown option', async () => {
    const result = await redline(['--bsae', 'main']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^charter redline: Unknown option '--bsae'/);
    oneLine(result.stderr);
  });

  it('through the charter command itself', () => {
    const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/node'), [path.join(engineRoot, 'src/cli/main.ts'), 'redline', '--base', 'no-such-branch'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT_DIR: '', GITHUB_STEP_SUMMARY: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('charter redline: "no-such-branch" is not a git ref (a branch, tag or commit).\n');
  });
});
