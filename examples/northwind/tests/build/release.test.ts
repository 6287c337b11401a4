/**
 * `npm run release` on a copy of the shipped content: it makes a new current edition, refuses bad
 * input without changing anything, and leaves every file as it was when it fails halfway.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildWithContent, copyContent } from './support.ts';
import { charterCli } from '../../../../tools/support/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function release(contentDir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [charterCli, 'release', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HANDBOOK_CONTENT_DIR: contentDir, ...env },
  });
}

/** A fingerprint of every file in a folder, to prove nothing changed. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, file);
    hash.update(file);
    try {
      hash.update(readFileSync(full));
    } catch {
      // A folder: its name is enough.
    }
  }
  return hash.digest('hex');
}

describe('npm run release', () => {
  it('turns the draft into the new current edition, archives the old one, and old URLs still answer', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const result = release(content.dir, ['2027.1', '--date', '2027-01-15']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Released edition 2027.1.');
    expect(result.stdout).toContain('2026.1 is archived');
    expect(result.stdout).toContain(
      'Service standards changed since 2026.1, named in the release notes: Live chat, time to the first reply: 60 seconds → 30 seconds;',
    );

    const manifest = parse(readFileSync(content.file('editions.yaml'), 'utf8')) as { id: string; status: string }[];
    const notes = (manifest as { id: string; notes?: string }[]).find((e) => e.id === '2027.1')!.notes;
    expect(notes).toContain('Service standards: Live chat, time to the first reply: 60 seconds → 30 seconds;');
    expect(manifest.map((e) => [e.id, e.status])).toEqual([
      ['draft', 'draft'],
      ['2027.1', 'current'],
      ['2026.1', 'archived'],
      ['2025.1', 'archived'],
    ]);
    expect(readFileSync(content.file('editions/2027.1/procedures/social-media.mdx'), 'utf8')).toBe(
      readFileSync(content.file('editions/draft/procedures/social-media.mdx'), 'utf8'),
    );
    const published = readFileSync(content.file('published-urls.txt'), 'utf8');
    expect(published).toContain('/2027.1/procedures/social-media/');
    expect(published).toContain('/2025.1/procedures/front-counter/');

    const out = buildWithContent(content.dir, {}, (dist) => {
      for (const url of published.split('\n').filter((l) => l.startsWith('/'))) {
        expect(existsSync(path.join(dist, url, 'index.html')), url).toBe(true);
      }
      expect(readFileSync(path.join(dist, 'procedures/social-media/index.html'), 'utf8')).toContain('Social media replies');
      expect(readFileSync(path.join(dist, '2026.1/procedures/telephone/index.html'), 'utf8')).toContain('Archived edition 2026.1');
    });
    expect(out.status, out.output).toBe(0);
  });

  it('refuses a bad id, an existing id and an earlier id, changing nothing', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const before = treeHash(content.dir);
    for (const [id, message] of [
      ['2027-1', 'is not a valid edition id'],
      ['2026.1', 'already exists'],
      ['2024.9', 'would come before the current edition 2026.1'],
    ] as const) {
      const result = release(content.dir, [id]);
      expect(result.status, id).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Nothing was changed.');
    }
    expect(release(content.dir, []).status).toBe(2);
    expect(treeHash(content.dir)).toBe(before);
  });

  it('refuses a draft with a frontmatter error, naming the file and field', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = content.file('editions/draft/procedures/mail.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: procedure', 'type: memo'));
    const before = treeHash(content.dir);
    const result = release(content.dir, ['2027.1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('editions/draft/procedures/mail.mdx: type: "memo" is not a known chapter type');
    expect(treeHash(content.dir)).toBe(before);
  });

  it('refuses a draft that states a standard with another value, naming the sentence and the declaration', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = content.file('editions/draft/procedures/mail.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '## Steps\n',
        '## Steps\n\nCallers on hold hear from us every minute, and nobody waits on hold longer than a minute.\n',
      ),
    );
    const before = treeHash(content.dir);
    const result = release(content.dir, ['2027.1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /editions\/draft\/procedures\/mail\.mdx:\d+:\d+: Unexpected "a minute" for standard "phone-hold" \(Telephone, time on hold without an update\), expected 30 seconds as declared at editions\/draft\/procedures\/telephone\.mdx:20:5 \(standard-consistency\)/,
    );
    expect(result.stderr).toContain('Nothing was changed.');
    expect(treeHash(content.dir)).toBe(before);
  });

  it('leaves every file as it was when it fails halfway through writing', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const before = treeHash(content.dir);
    const result = release(content.dir, ['2027.1'], { CHARTER_RELEASE_FAIL_AFTER: '7' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Injected failure after 7 of');
    expect(treeHash(content.dir)).toBe(before);
    expect(existsSync(content.file('editions/2027.1'))).toBe(false);
  });
});

describe('npm run carry', () => {
  function gitRepoWithContent() {
    const content = copyContent();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: content.dir, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'release');
    return content;
  }
  const carry = (contentDir: string, file: string) =>
    spawnSync(process.execPath, [charterCli, 'carry', file], { cwd: root, encoding: 'utf8', env: { ...process.env, HANDBOOK_CONTENT_DIR: contentDir } });

  it('carries a correction made to the current edition into the draft', () => {
    const content = gitRepoWithContent();
    cleanup = content.cleanup;
    const current = content.file('editions/2026.1/skills/listening.mdx');
    const draft = content.file('editions/draft/skills/listening.mdx');
    const original = readFileSync(current, 'utf8');
    const paragraph = original.split('\n\n').find((p) => p.length > 80 && !p.startsWith('---') && !p.startsWith('#'))!;
    writeFileSync(current, original.replace(paragraph, `${paragraph} (Corrected.)`));
    const result = carry(content.dir, 'skills/listening.mdx');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Carried the changes');
    expect(readFileSync(draft, 'utf8')).toContain(`${paragraph} (Corrected.)`);
    expect(carry(content.dir, 'skills/listening.mdx').stdout).toContain('Nothing to carry');
  });

  it('reports a conflict and writes nothing when the draft changed the same lines', () => {
    const content = gitRepoWithContent();
    cleanup = content.cleanup;
    const current = content.file('editions/2026.1/skills/listening.mdx');
    const draft = content.file('editions/draft/skills/listening.mdx');
    writeFileSync(current, readFileSync(current, 'utf8').replace(/^title: .*$/m, 'title: Listening well'));
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^title: .*$/m, 'title: Listening closely'));
    const before = readFileSync(draft, 'utf8');
    const result = carry(content.dir, 'skills/listening.mdx');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /1 conflict\(s\)[\s\S]*editions\/draft\/skills\/listening\.mdx:2[\s\S]*draft: {3}title: Listening closely[\s\S]*current: title: Listening well/,
    );
    expect(readFileSync(draft, 'utf8')).toBe(before);
  });
});
