/**
 * The scaffolder, run as an adopter runs it: its bin under the machine's system Node (20), in a
 * temporary folder. A refused run must leave with exit 2 and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeOlderThan } from '../../../tools/support/nodes.ts';
import { fill, jsString, nameProblem, outputPath, run } from '../lib/create.js';
import { engineFromManifest } from '../lib/engine.js';

const bin = path.resolve(import.meta.dirname, '../bin/create-charter.js');
const engineManifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../charter/package.json'), 'utf8'));
// The scaffolder must run on Node 20, so it is tested there; Node 24 where no older Node exists.
const node = nodeOlderThan(21, 0) ?? process.execPath;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'create-charter-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  const dir = path.join(scratch, `run-${++counter}`);
  mkdirSync(dir);
  return dir;
}

function scaffold(cwd: string, ...args: string[]) {
  return spawnSync(node, [bin, ...args], { cwd, encoding: 'utf8', input: '' });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('create-charter writes a starter handbook', () => {
  const cwd = freshDir();
  const result = scaffold(cwd, 'ops-guide', '--title', "Kundenservice & O'Brien", '--organization', 'Hafen Logistik', '--lang', 'de');
  const root = path.join(cwd, 'ops-guide');
  const year = String(new Date().getFullYear());

  it('succeeds on the system Node and says what to do next', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cd ops-guide');
    expect(result.stdout).toContain('npm install');
  });

  it('writes the dotfiles under their real names, and every part of the starter', () => {
    const files = listFiles(root);
    for (const expected of [
      '.gitignore',
      '.node-version',
      '.github/workflows/handbook.yml',
      '.github/pull_request_template.md',
      'EDITING.md',
      'README.md',
      'astro.config.mjs',
      'charter.config.mjs',
      'package.json',
      'src/content.config.ts',
      'src/content/editions.yaml',
      'src/content/sections.yaml',
      `src/content/editions/${year}.1/start-here/welcome.mdx`,
      `src/content/editions/${year}.1/procedures/email.mdx`,
      'src/content/editions/draft/start-here/welcome.mdx',
      'src/content/editions/draft/procedures/email.mdx',
    ]) {
      expect(files).toContain(expected);
    }
    expect(files.filter((f) => path.basename(f).startsWith('_'))).toEqual([]);
    expect(readFileSync(path.join(root, '.node-version'), 'utf8').trim()).toBe('24');
  });

  it("fills every placeholder; the only braces left are the workflow's expressions", () => {
    for (const file of listFiles(root)) {
      const text = readFileSync(path.join(root, file), 'utf8').replace(/\$\{\{ github\.[a-z_.]+ \}\}/g, '');
      expect(text, file).not.toContain('{{');
    }
  });

  it('writes the settings into a config file Node can parse, quotes and all', () => {
    const config = readFileSync(path.join(root, 'charter.config.mjs'), 'utf8');
    expect(config).toContain(`title: 'Kundenservice & O\\'Brien',`);
    expect(config).toContain(`organization: 'Hafen Logistik',`);
    expect(config).toContain(`lang: 'de',`);
    expect(config).toContain('https://github.com/your-account/ops-guide/edit/main/src/content/');
    expect(spawnSync(node, ['--check', path.join(root, 'charter.config.mjs')]).status).toBe(0);
  });

  it('depends on the engine version of this repository, on Astro as the engine asks, and on Node 24 for npm run', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('ops-guide');
    expect(manifest.private).toBe(true);
    expect(manifest.dependencies).toEqual({ astro: engineManifest.peerDependencies.astro, 'charter-handbook': `^${engineManifest.version}` });
    expect(manifest.devDependencies).toEqual({ node: '^24', 'remark-cli': '^12.0.1' });
    expect(manifest.scripts).toMatchObject({
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      'lint:content': 'charter lint',
      'lint:remark': 'remark --ext md,mdx --quiet --frail src/content',
      new: 'charter new',
      release: 'charter release',
      carry: 'charter carry',
      redline: 'charter redline',
    });
    expect(manifest.scripts.start).toContain('build');
  });

  it('dates the current edition and its chapters today', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(readFileSync(path.join(root, 'src/content/editions.yaml'), 'utf8')).toContain(
      `- id: "${year}.1"\n  title: Edition ${year}.1\n  status: current\n  released: ${today}`,
    );
    expect(readFileSync(path.join(root, `src/content/editions/${year}.1/procedures/email.mdx`), 'utf8')).toContain(`reviewed: ${today}`);
  });
});

describe('create-charter refuses, writes nothing and leaves with exit 2', () => {
  it('for a folder that is not empty', () => {
    const cwd = freshDir();
    mkdirSync(path.join(cwd, 'handbook'));
    writeFileSync(path.join(cwd, 'handbook', 'notes.txt'), 'mine\n');
    const result = scaffold(cwd, 'handbook');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not empty (it has notes.txt)');
    expect(listFiles(cwd)).toEqual(['handbook/notes.txt']);
  });

  it('for a folder that is empty but for .git, it goes ahead: a freshly cloned repository', () => {
    const cwd = freshDir();
    mkdirSync(path.join(cwd, 'cloned', '.git'), { recursive: true });
    expect(scaffold(cwd, 'cloned').status).toBe(0);
  });

  for (const bad of ['My Handbook', '_private', 'UPPER', 'a/b/Über']) {
    it(`for a name npm would refuse: "${bad}"`, () => {
      const cwd = freshDir();
      const result = scaffold(cwd, bad);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/cannot be a package name|reserved/);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  it('for an unknown option, showing the usage', () => {
    const cwd = freshDir();
    const result = scaffold(cwd, 'handbook', '--colour', 'blue');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--colour'");
    expect(result.stderr).toContain('Usage:');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('for no folder when nobody can be asked (stdin is not a terminal)', () => {
    const result = scaffold(freshDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('name the folder');
  });

  it('with every problem of the run in one message', () => {
    const cwd = freshDir();
    const result = scaffold(cwd, 'Bad Name', '--lang', 'english', '--engine', 'missing.tgz', '--title', ' ');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot be a package name');
    expect(result.stderr).toContain('--lang "english" is not a language code');
    expect(result.stderr).toContain('--engine missing.tgz: expected a charter-handbook tarball');
    expect(result.stderr).toContain('--title is empty');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('create-charter options', () => {
  it('--help prints the usage and exits 0', () => {
    const result = scaffold(freshDir(), '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--engine <file.tgz>');
  });

  it('--engine depends on the tarball by its absolute path', () => {
    const cwd = freshDir();
    writeFileSync(path.join(cwd, 'engine.tgz'), '');
    expect(scaffold(cwd, 'local', '--engine', 'engine.tgz').status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'local', 'package.json'), 'utf8'));
    expect(manifest.dependencies['charter-handbook']).toBe(`file:${path.join(cwd, 'engine.tgz')}`);
  });

  it('asks for the title and organization on a terminal, keeping the default for an empty answer', async () => {
    const cwd = freshDir();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    let shown = '';
    stdout.on('data', (chunk) => (shown += String(chunk)));
    const answers = ['Front Desk Guide', ''];
    stdout.on('data', (chunk) => {
      if (String(chunk).endsWith(': ')) stdin.write(`${answers.shift()}\n`);
    });
    const code = await run(['asked'], { cwd, stdin, stdout, stderr: process.stderr });
    expect(code).toBe(0);
    expect(shown).toContain('Title of the handbook (Service Handbook): ');
    const config = readFileSync(path.join(cwd, 'asked', 'charter.config.mjs'), 'utf8');
    expect(config).toContain("title: 'Front Desk Guide',");
    expect(config).toContain("organization: 'Your Organization',");
  });
});

describe('the scaffolder helpers', () => {
  it('map template names to the dotfiles npm would drop from a tarball', () => {
    expect(outputPath('_gitignore')).toBe('.gitignore');
    expect(outputPath('_github/workflows/handbook.yml')).toBe('.github/workflows/handbook.yml');
    expect(outputPath('src/content/sections.yaml')).toBe('src/content/sections.yaml');
  });

  it('refuse an unknown placeholder, so a typo in a template cannot ship', () => {
    expect(() => fill('{{titel}}', { title: 'x' }, 'README.md')).toThrow('template README.md: unknown placeholder {{titel}}');
    expect(fill('{{js:title}} {{title}}', { title: "a'b\\c" }, 'x')).toBe(`${jsString("a'b\\c")} a'b\\c`);
  });

  it('accept npm package names only', () => {
    expect(nameProblem('my-handbook')).toBeUndefined();
    expect(nameProblem('handbook.v2')).toBeUndefined();
    expect(nameProblem('node_modules')).toMatch(/reserved/);
    expect(nameProblem('x'.repeat(215))).toMatch(/214/);
  });

  it('read the engine version and Astro range from the engine manifest, and refuse another package', () => {
    expect(engineFromManifest(engineManifest)).toEqual({
      name: 'charter-handbook',
      version: engineManifest.version,
      astro: engineManifest.peerDependencies.astro,
    });
    expect(() => engineFromManifest({ name: 'other', version: '1.0.0' })).toThrow(/charter-handbook/);
  });
});
