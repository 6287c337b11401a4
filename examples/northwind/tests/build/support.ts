/** Runs real `astro build`s over a copy of the shipped content, changed for the case under test. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { astroBin } from '../../../../tools/support/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** A throwaway copy of src/content to break on purpose. */
export function copyContent(): { dir: string; file: (rel: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-content-'));
  cpSync(path.join(root, 'src/content'), dir, { recursive: true });
  return { dir, file: (rel) => path.join(dir, rel), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment without the test runner's marks. With NODE_ENV=test from vitest, Astro builds in
 * development mode (dev-only parts such as the checker panel end up in the pages); with VITEST set,
 * Vite's dev server does not listen; with Vitest's BASE_URL=/ (and MODE, DEV, PROD, SSR, which it sets for its own
 * import.meta.env), a build under a sub-path would link to the root.
 */
export function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(?:VITEST|VITE_|NODE_ENV$|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)));
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Builds the site from a content folder into a temporary output folder; `inspect` may look at the
 * output before it is removed. `root` is the project to build (its astro.config.mjs,
 * charter.config.mjs and public/): the example by default, or a fixture project such as
 * packages/charter/tests/fixtures/handbooks/minimal/ to build with another site configuration.
 */
export function buildWithContent(
  contentDir: string,
  extraEnv: Record<string, string> = {},
  inspect?: (dist: string) => void,
  options: { root?: string } = {},
): BuildResult {
  const outDir = mkdtempSync(path.join(tmpdir(), 'charter-dist-'));
  try {
    const result = spawnSync(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: options.root ?? root,
      encoding: 'utf8',
      env: { ...withoutTestRunner(process.env), HANDBOOK_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv },
      timeout: 240_000,
      // A large synthetic handbook logs a line or more per page.
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status === 0) inspect?.(outDir);
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The environment of the shared build of the shipped example: the review page's date pinned (so
 * that two builds can be compared byte for byte) and the current edition printed as PDFs.
 */
export const SHIPPED_BUILD_ENV: Readonly<Record<string, string>> = { CHARTER_TODAY: '2026-11-23', HANDBOOK_PDF: 'current' };

export interface SiteBuild {
  /** The built site; read it, never change it (copy it first). */
  dist: string;
  /** What the build printed. */
  output: string;
}

/**
 * One build of the unchanged example per test run, shared by the test files that only read it:
 * the first to ask builds it (the build files run one at a time), the others find it. A failed
 * build is not kept, so every file that asks sees the failure with its output.
 */
export function shippedExampleBuild(): SiteBuild {
  const folder = inject('shippedExampleFolder');
  const dist = path.join(folder, 'dist');
  const log = path.join(folder, 'output.txt');
  if (!existsSync(log)) {
    const staging = path.join(folder, 'staging');
    rmSync(staging, { recursive: true, force: true });
    const { status, output } = buildWithContent(path.join(root, 'src/content'), SHIPPED_BUILD_ENV, (built) => {
      mkdirSync(staging, { recursive: true });
      cpSync(built, path.join(staging, 'dist'), { recursive: true });
    });
    if (status !== 0) throw new Error(`The shipped example does not build (exit ${status}):\n${output.slice(-4000)}`);
    renameSync(path.join(staging, 'dist'), dist);
    writeFileSync(log, output);
  }
  return { dist, output: readFileSync(log, 'utf8') };
}

export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

/** Every `href` and `src` of a page, entities decoded as the browser would; code shown on the page is text, not links. */
function linksOf(html: string): string[] {
  return [...withoutCode(html).matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&').replaceAll('&#38;', '&'));
}

/** A page without its code blocks and inline code, whose `"` the renderer leaves as it is. */
export function withoutCode(html: string): string {
  return html.replace(/<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>/g, '');
}

/**
 * The internal links of the built site that lead to no file: a link under the base must name a
 * built file, or a folder with an index.html (the site is built with trailing slashes).
 */
export function brokenLinks(dist: string, base: string): string[] {
  const broken: string[] = [];
  for (const page of htmlFiles(dist)) {
    const pageUrl = new URL(
      `https://handbook.test${base}${page
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
    );
    for (const link of linksOf(readFileSync(path.join(dist, page), 'utf8'))) {
      const url = new URL(link, pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${page}: ${link} (outside the base ${base})`);
        continue;
      }
      const target = path.join(dist, decodeURIComponent(url.pathname.slice(base.length)));
      const file = existsSync(target) && statSync(target).isDirectory() ? path.join(target, 'index.html') : target;
      if (!existsSync(file)) broken.push(`${page}: ${link}`);
    }
  }
  return broken;
}
