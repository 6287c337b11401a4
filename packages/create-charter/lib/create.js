// `create-charter <folder>`: writes a starter handbook. Everything is checked and rendered in
// memory first, so a refused run writes nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readEngine } from './engine.js';

export const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));

export const DEFAULTS = { title: 'Service Handbook', organization: 'Your Organization', lang: 'en-US' };

export const USAGE = `Usage: npm create charter <folder> [-- options]
       npx create-charter <folder> [options]

Writes a starter Charter handbook into <folder>, which must be new or empty.

Options:
  --title <text>         the handbook's title (default: "${DEFAULTS.title}")
  --organization <text>  who the handbook belongs to (default: "${DEFAULTS.organization}")
  --lang <code>          the language of the chapters, e.g. en-US, en-GB, de (default: ${DEFAULTS.lang})
  --engine <file.tgz>    depend on a local charter-handbook tarball instead of the registry
  -y, --yes              ask nothing; use the defaults for what is not given
  -h, --help             show this help

Example: npm create charter my-handbook -- --title "Service Handbook" --organization "Acme Ltd"`;

/** A refusal with the exit code to leave with; the message says what to do instead. */
export class Refusal extends Error {
  constructor(message, code = 2) {
    super(message);
    this.code = code;
  }
}

// npm's rules for a package name, which the folder's name becomes: lowercase, URL-safe, no leading
// dot or underscore, at most 214 characters.
const PACKAGE_NAME = /^[a-z0-9][a-z0-9._~-]*$/;
// The site's <html lang>: the same shape the engine's config schema accepts (en, en-US, fil).
const LANG = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** Why `name` cannot be a handbook's package name, or undefined when it can. */
export function nameProblem(name) {
  if (name.length === 0) return 'the folder name is empty';
  if (name.length > 214) return 'the folder name is longer than 214 characters';
  if (!PACKAGE_NAME.test(name)) {
    return `"${name}" cannot be a package name: use lowercase letters, digits and hyphens, starting with a letter or digit (for example my-handbook)`;
  }
  if (name === 'node_modules' || name === 'favicon.ico') return `"${name}" is a reserved name`;
  return undefined;
}

/** Parses the command line; throws a Refusal on an unknown option or a stray argument. */
export function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        title: { type: 'string' },
        organization: { type: 'string' },
        lang: { type: 'string' },
        engine: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new Refusal(`${error.message}\n\n${USAGE}`);
  }
  if (parsed.positionals.length > 1) {
    throw new Refusal(`expected one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}\n\n${USAGE}`);
  }
  return { folder: parsed.positionals[0], ...parsed.values };
}

/** Every problem with the settings, one line each. */
export function settingsProblems({ title, organization, lang }) {
  const problems = [];
  for (const [flag, value] of [
    ['--title', title],
    ['--organization', organization],
  ]) {
    if (value !== undefined && value.trim() === '') problems.push(`${flag} is empty; leave it out to get the default`);
    if (value !== undefined && /[\r\n]/.test(value)) problems.push(`${flag} must be one line`);
  }
  if (lang !== undefined && !LANG.test(lang)) {
    problems.push(`--lang "${lang}" is not a language code; use a form like en, en-US or de-CH`);
  }
  return problems;
}

/** Why the target folder cannot take a new handbook, or undefined when it can. */
export function targetProblem(target) {
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `${target} exists and is not a folder`;
  // A freshly cloned empty repository has only .git; anything else might be someone's work.
  const entries = readdirSync(target).filter((entry) => entry !== '.git');
  if (entries.length > 0) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    return `${target} is not empty (it has ${shown}). Choose a new folder name, or empty this one.`;
  }
  return undefined;
}

/** `_gitignore` → `.gitignore`, `_github/…` → `.github/…`: npm leaves some dotfiles out of tarballs. */
export function outputPath(templatePath) {
  return templatePath
    .split('/')
    .map((segment) => (segment.startsWith('_') ? `.${segment.slice(1)}` : segment))
    .join('/');
}

/** A JavaScript string literal in single quotes, as the starter's config file writes them. */
export function jsString(value) {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Replaces `{{name}}` (text as is) and `{{js:name}}` (a JavaScript string); an unknown name is a bug. */
export function fill(text, values, file) {
  return text.replace(/\{\{(js:)?([a-zA-Z]+)\}\}/g, (_, js, key) => {
    if (!(key in values)) throw new Error(`template ${file}: unknown placeholder {{${js ?? ''}${key}}}`);
    return js ? jsString(values[key]) : values[key];
  });
}

function listTemplate(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listTemplate(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

/** The starter's package.json. */
export function starterManifest({ name, engineSpec, astro }) {
  return {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      start: 'npm run build && npm run preview',
      'lint:content': 'charter lint',
      // The same checks through remark and the starter's .remarkrc.mjs, as editor integrations run them.
      'lint:remark': 'remark --ext md,mdx --quiet --frail src/content',
      new: 'charter new',
      release: 'charter release',
      carry: 'charter carry',
      redline: 'charter redline',
    },
    dependencies: { astro, 'charter-handbook': engineSpec },
    // The "node" package puts Node 24 in node_modules/.bin, so `npm run …` uses it even where the
    // machine's own Node is older than the engine needs.
    devDependencies: { node: '^24', 'remark-cli': '^12.0.1' },
    allowScripts: { node: true, esbuild: true },
  };
}

/** Every file of the starter, path → text, for the given settings. */
export function renderStarter({ name, title, organization, lang, engineSpec, astro, today }) {
  const date = today.toISOString().slice(0, 10);
  const values = { name, title, organization, lang, today: date, year: date.slice(0, 4) };
  const files = new Map();
  for (const file of listTemplate(TEMPLATE_DIR)) {
    files.set(fill(outputPath(file), values, file), fill(readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'), values, file));
  }
  files.set('package.json', `${JSON.stringify(starterManifest({ name, engineSpec, astro }), null, 2)}\n`);
  return files;
}

/** The dependency on the engine: a local tarball for offline tests, else the stamped version range. */
export function engineSpecFor(enginePath, cwd, engine) {
  if (enginePath === undefined) return `^${engine.version}`;
  const absolute = path.resolve(cwd, enginePath);
  if (!existsSync(absolute) || !statSync(absolute).isFile() || !absolute.endsWith('.tgz')) {
    throw new Refusal(`--engine ${enginePath}: expected a charter-handbook tarball (.tgz) made with npm pack; no such file.`);
  }
  return `file:${absolute}`;
}

async function ask(io, questions) {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    const answers = {};
    for (const [key, prompt, fallback] of questions) {
      const answer = (await rl.question(fallback ? `${prompt} (${fallback}): ` : `${prompt}: `)).trim();
      answers[key] = answer || fallback;
    }
    return answers;
  } finally {
    rl.close();
  }
}

/** Runs the scaffolder; returns the exit code. `io` holds cwd, stdin, stdout, stderr, today. */
export async function run(argv, io) {
  try {
    return await create(argv, io);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`create-charter: ${error.message}\n`);
    return error.code;
  }
}

async function create(argv, io) {
  const options = parseOptions(argv);
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const interactive = Boolean(io.stdin.isTTY) && !options.yes;
  let folder = options.folder;
  if (folder === undefined) {
    if (!interactive) throw new Refusal(`name the folder for the new handbook.\n\n${USAGE}`);
    folder = (await ask(io, [['folder', 'Folder for the new handbook', 'my-handbook']])).folder;
  }
  const target = path.resolve(io.cwd, folder);
  const name = path.basename(target);
  const problems = [nameProblem(name), targetProblem(target), ...settingsProblems(options)].filter(Boolean);
  const engine = readEngine();
  let engineSpec;
  try {
    engineSpec = engineSpecFor(options.engine, io.cwd, engine);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    problems.push(error.message);
  }
  if (problems.length > 0) throw new Refusal(`nothing was written:\n  ${problems.join('\n  ')}`);

  const missing = [
    ['title', 'Title of the handbook', DEFAULTS.title],
    ['organization', 'Organization', DEFAULTS.organization],
  ].filter(([key]) => options[key] === undefined);
  const answers = interactive && missing.length > 0 ? await ask(io, missing) : {};
  const settings = {
    title: options.title ?? answers.title ?? DEFAULTS.title,
    organization: options.organization ?? answers.organization ?? DEFAULTS.organization,
    lang: options.lang ?? DEFAULTS.lang,
  };
  const answerProblems = settingsProblems(settings);
  if (answerProblems.length > 0) throw new Refusal(`nothing was written:\n  ${answerProblems.join('\n  ')}`);

  const files = renderStarter({ name, ...settings, engineSpec, astro: engine.astro, today: io.today ?? new Date() });
  for (const [file, text] of files) {
    const to = path.join(target, file);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, text);
  }
  const shown = path.relative(io.cwd, target) || '.';
  io.stdout.write(
    [
      `Created ${settings.title} in ${shown} (${files.size} files).`,
      '',
      'Next:',
      ...(shown === '.' ? [] : [`  cd ${shown}`]),
      '  npm install',
      '  npm run dev            # preview at http://localhost:4321',
      '  npm run lint:content   # check the chapters',
      '',
      'EDITING.md explains how to write, check and release a chapter.',
      '',
    ].join('\n'),
  );
  return 0;
}
