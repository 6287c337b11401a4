/**
 * What an adopter gets: the engine and the scaffolder packed as npm would publish them, a starter
 * handbook scaffolded from the scaffolder's tarball into a folder outside the repository (so no
 * workspace link or hoisted package can help), installed from the registry and the engine tarball,
 * then built, checked, extended and released with the installed `charter` command.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOlderThan, nodeVersion } from '../support/nodes.ts';
import { readPackedFolder, scanPackage } from '../support/package-scan.ts';
import { repoRoot } from '../support/paths.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'charter-pack-'));
const packs = path.join(scratch, 'packs');
// A space in the path, as in many home folders: file URLs encode it, and paths must not.
const handbook = path.join(scratch, 'our handbooks', 'front-desk');
const oldNode = nodeOlderThan(22, 12);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The environment of an adopter's shell: none of the npm variables of the `npm test` that runs this
 * (they would point npm at the repository's workspaces), and no repository folder on PATH.
 */
function adopterEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_OPTIONS' && !key.startsWith('VITEST')) env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !path.resolve(dir).startsWith(repoRoot))
    .join(path.delimiter);
  env.ASTRO_TELEMETRY_DISABLED = '1';
  return env;
}

interface Run {
  status: number | null;
  stdout: string;
  /** stdout and stderr, for messages. */
  output: string;
}

function runIn(cwd: string, command: string, args: readonly string[], env = adopterEnv()): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** Runs a step that must succeed, and shows its output when it does not; returns its stdout. */
function mustRun(cwd: string, command: string, args: readonly string[]): string {
  const started = Date.now();
  const run = runIn(cwd, command, args);
  timings.push(`${[command, ...args].join(' ').slice(0, 70)}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(run.status, `${command} ${args.join(' ')} in ${cwd}:\n${run.output}`).toBe(0);
  lastOutput = run.output;
  return run.stdout;
}

const timings: string[] = [];
/** stdout and stderr of the last step mustRun ran. */
let lastOutput = '';
afterAll(() => console.log(`pack-and-install steps:\n  ${timings.join('\n  ')}`));

let engineTarball = '';
let scaffolderTarball = '';

function unpack(tarball: string, name: string): string {
  const dir = path.join(scratch, 'unpacked', name);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  return path.join(dir, 'package');
}

const draftEdition = () => readFileSync(path.join(handbook, 'src/content/editions.yaml'), 'utf8');

/** The id after the starter's current edition: 2026.1 → 2026.2. */
function nextEditionId(): string {
  const current = /- id: "?(\d{4})\.(\d+)"?\n\s+title: [^\n]*\n\s+status: current/.exec(draftEdition());
  if (!current) throw new Error(`no current edition in editions.yaml:\n${draftEdition()}`);
  return `${current[1]}.${Number(current[2]) + 1}`;
}

describe('the packed engine and scaffolder, installed outside the repository', () => {
  beforeAll(() => {
    mkdirSync(packs, { recursive: true });
    mustRun(repoRoot, 'npm', ['run', 'build:engine']);
    // npm pack runs each package's prepack: the engine compiles again (as it does for a publish),
    // the scaffolder stamps the engine's version into engine.json.
    const packed = JSON.parse(
      mustRun(repoRoot, 'npm', ['pack', '--json', '--workspace', 'charter-handbook', '--workspace', 'create-charter', '--pack-destination', packs]).replace(
        /^[\s\S]*?^\[/m,
        '[',
      ),
    ) as { name: string; filename: string }[];
    const file = (name: string) => path.join(packs, packed.find((p) => p.name === name)!.filename);
    engineTarball = file('charter-handbook');
    scaffolderTarball = file('create-charter');
  });

  it('packs an engine whose every import resolves inside it or to a declared dependency, with no TypeScript to run', () => {
    const { manifest, files } = readPackedFolder(unpack(engineTarball, 'engine'));
    expect(scanPackage(manifest, files)).toEqual([]);
    // Read at run time, not imported: the checker's data and the rule sources its catalog quotes.
    expect([...files.keys()]).toContain('src/lint/data/spelling-variants.yaml');
    expect([...files.keys()]).toContain('src/lint/rules/terminology.ts');
  });

  it('packs a scaffolder with its templates, its stamped engine version and no dependencies', () => {
    const { manifest, files } = readPackedFolder(unpack(scaffolderTarball, 'scaffolder'));
    // The templates are the starter's code, whose imports the starter's own package.json declares.
    const code = new Map([...files].filter(([file]) => !file.startsWith('template/')));
    expect(scanPackage(manifest, code)).toEqual([]);
    expect(manifest).not.toHaveProperty('dependencies');
    expect([...files.keys()]).toEqual(expect.arrayContaining(['template/_gitignore', 'template/_github/workflows/handbook.yml', 'engine.json']));
    const engine = JSON.parse(readFileSync(path.join(repoRoot, 'packages/charter/package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(files.get('engine.json')!)).toMatchObject({ name: 'charter-handbook', version: engine.version });
  });

  it('scaffolds from the packed scaffolder on the system Node; without --engine it asks for the published engine', () => {
    const bin = path.join(scratch, 'unpacked/scaffolder/package/bin/create-charter.js');
    const node = oldNode ?? process.execPath;
    mkdirSync(path.dirname(handbook), { recursive: true });
    mustRun(path.dirname(handbook), node, [bin, 'front-desk', '--engine', engineTarball, '--title', 'Front desk handbook', '--organization', 'Harbor Clinic']);
    mustRun(path.dirname(handbook), node, [bin, 'from-registry']);
    const published = JSON.parse(readFileSync(path.join(path.dirname(handbook), 'from-registry/package.json'), 'utf8'));
    const engine = JSON.parse(readFileSync(path.join(repoRoot, 'packages/charter/package.json'), 'utf8')) as { version: string };
    expect(published.dependencies['charter-handbook']).toBe(`^${engine.version}`);
  });

  it('installs with npm from the registry and the engine tarball', () => {
    mustRun(handbook, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
    expect(existsSync(path.join(handbook, 'node_modules/charter-handbook/dist/index.js'))).toBe(true);
    // Installed from the tarball, not linked back into the repository.
    expect(readdirSync(path.join(handbook, 'node_modules')).length).toBeGreaterThan(50);
    expect(existsSync(path.join(handbook, 'node_modules/.bin/node'))).toBe(true);
  });

  it('builds the starter with npm run build, without a warning', () => {
    mustRun(handbook, 'npm', ['run', 'build']);
    expect(lastOutput).not.toMatch(/\[WARN\]|\bwarning\b/i);
    for (const page of ['index.html', 'start-here/welcome/index.html', 'procedures/email/index.html', 'draft/procedures/email/index.html']) {
      expect(existsSync(path.join(handbook, 'dist', page)), page).toBe(true);
    }
  });

  it('checks the starter with npx charter lint: no problems', () => {
    expect(mustRun(handbook, 'npx', ['charter', 'lint'])).toContain('No problems');
  });

  it('adds a procedure with npx charter new, which the checker accepts', () => {
    mustRun(handbook, 'npx', ['charter', 'new', 'procedures/returns', '--type', 'procedure']);
    const chapter = path.join(handbook, 'src/content/editions/draft/procedures/returns.mdx');
    expect(readFileSync(chapter, 'utf8')).toContain('## If something goes wrong');
    const lint = runIn(handbook, 'npx', ['charter', 'lint', '--format', 'json']);
    expect(lint.status, lint.output).toBe(0);
    const messages = (JSON.parse(lint.stdout) as { severity: string }[]).filter((m) => m.severity === 'error');
    expect(messages).toEqual([]);
  });

  it("checks chapters with npx remark and the starter's .remarkrc.mjs, reporting what charter lint reports", () => {
    const chapter = path.join(handbook, 'src/content/editions/draft/procedures/remark-check.md');
    const source = readFileSync(path.join(handbook, 'src/content/editions/draft/procedures/returns.mdx'), 'utf8')
      .replace(/^title: .*$/m, 'title: Remark check')
      .concat('\nSee [the form][missing-form] and [this]().\n\n<script>alert(1)</script>\n');
    writeFileSync(chapter, source);
    try {
      const lint = runIn(handbook, 'npx', ['charter', 'lint', '--format', 'json', 'src/content/editions/draft/procedures/remark-check.md']);
      const expected = JSON.parse(lint.stdout) as { line: number; column: number; ruleId: string; message: string }[];
      expect(expected.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['mdx-safety', 'no-undefined-references', 'links']));
      const remark = runIn(handbook, 'npm', ['run', '--silent', 'lint:remark', '--', '--no-color']);
      expect(remark.status, remark.output).toBe(1);
      for (const m of expected)
        expect(remark.output).toMatch(new RegExp(`${m.line}:${m.column}\\S*\\s+(error|warning)\\s+${escapeRegExp(m.message)}\\s+${m.ruleId}`));
    } finally {
      rmSync(chapter);
    }
  });

  it('releases the draft with npx charter release', () => {
    const id = nextEditionId();
    expect(mustRun(handbook, 'npx', ['charter', 'release', id, '--date', '2026-12-01'])).toContain(`Released edition ${id}`);
    expect(draftEdition()).toMatch(new RegExp(`- id: "${id.replace('.', '\\.')}"\\n\\s+title: [^\\n]*\\n\\s+status: current\\n\\s+released: 2026-12-01`));
    expect(existsSync(path.join(handbook, 'src/content/editions', id, 'procedures/returns.mdx'))).toBe(true);
    expect(mustRun(handbook, 'npx', ['charter', 'lint'])).toContain('No problems');
  });

  it('shows its commands with npx charter --help', () => {
    const help = mustRun(handbook, 'npx', ['charter', '--help']);
    for (const command of ['lint', 'new', 'release', 'carry']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('tells an adopter on the system Node how to get a newer one, from the installed bin', () => {
    expect(oldNode, 'the machine has no Node older than 22.12').toBeDefined();
    const run = runIn(handbook, oldNode!, ['node_modules/charter-handbook/bin/charter.js', 'lint']);
    expect(run.status).toBe(2);
    expect(run.output).toContain(`this is Node ${nodeVersion(oldNode!)}; Charter needs Node 22.12 or newer`);
    expect(run.output).not.toMatch(/^\s+at /m);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
