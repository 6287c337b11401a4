/**
 * What exists in one edition, for the links rule: its chapters (from the folder), each chapter's
 * heading ids (parsed only when a link points into it), old paths from `redirectFrom` and short
 * links. Every answer is cached against the files' modification times, so a long-running dev
 * server stays right and a full run parses each linked chapter once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { readFrontmatter } from '../lib/content-files.ts';
import { parseMdx } from './parser.ts';

export interface EditionIndex {
  edition: string;
  /** Chapter paths below the edition folder without `.mdx`, e.g. `procedures/telephone`. */
  slugs(): readonly string[];
  hasChapter(slug: string): boolean;
  /** Heading ids of a chapter; undefined when the chapter does not parse. */
  anchorsOf(slug: string): ReadonlySet<string> | undefined;
  /** The chapter an old path forwards to (from `redirectFrom`). */
  redirectTarget(slug: string): string | undefined;
  /** Short link names (`/go/<name>/`) defined by chapters of the edition. */
  shortLinks(): ReadonlySet<string>;
}

/** The heading ids Astro gives a chapter: GitHub-style slugs, duplicates numbered -1, -2… */
export function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading) => {
    anchors.add(slugger.slug(toString(heading)));
  });
  return anchors;
}

interface Stamped<T> {
  stamp: string;
  value: T;
}

const listings = new Map<string, Stamped<{ list: string[]; set: Set<string> }>>();
const anchorCache = new Map<string, Stamped<Set<string> | undefined>>();
const frontmatterCache = new Map<string, Stamped<{ redirects: Map<string, string>; shortLinks: Set<string> }>>();

/** The index of `<contentDir>/editions/<edition>`. */
export function editionIndex(contentDir: string, edition: string): EditionIndex {
  const dir = path.join(contentDir, 'editions', edition);
  const slugs = () => listChapters(dir).list;
  const hasChapter = (slug: string) => listChapters(dir).set.has(slug);
  const fileOf = (slug: string) => path.join(dir, `${slug}.mdx`);
  return {
    edition,
    slugs,
    hasChapter,
    anchorsOf: (slug) => (hasChapter(slug) ? anchorsOfFile(fileOf(slug)) : undefined),
    redirectTarget: (slug) => chapterMetadata(dir, slugs()).redirects.get(slug),
    shortLinks: () => chapterMetadata(dir, slugs()).shortLinks,
  };
}

function stampOf(file: string): string {
  if (!existsSync(file)) return '-';
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.size}`;
}

/** Chapter slugs of an edition folder; re-read when a folder in it changes. */
function listChapters(dir: string): { list: string[]; set: Set<string> } {
  if (!existsSync(dir)) return { list: [], set: new Set() };
  const folders = [dir, ...readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name))];
  const stamp = folders.map(stampOf).join('|');
  const cached = listings.get(dir);
  if (cached?.stamp === stamp) return cached.value;
  const list = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => file.split(path.sep).join('/').replace(/\.mdx$/, ''))
    .sort();
  const value = { list, set: new Set(list) };
  listings.set(dir, { stamp, value });
  return value;
}

function anchorsOfFile(file: string): Set<string> | undefined {
  const stamp = stampOf(file);
  const cached = anchorCache.get(file);
  if (cached?.stamp === stamp) return cached.value;
  let value: Set<string> | undefined;
  try {
    value = headingAnchors(parseMdx(readFileSync(file, 'utf8')));
  } catch {
    // A chapter that does not parse gets its own error; links into it cannot be checked.
    value = undefined;
  }
  anchorCache.set(file, { stamp, value });
  return value;
}

function chapterMetadata(dir: string, slugs: readonly string[]) {
  const files = slugs.map((slug) => path.join(dir, `${slug}.mdx`));
  const stamp = files.map(stampOf).join('|');
  const cached = frontmatterCache.get(dir);
  if (cached?.stamp === stamp) return cached.value;
  const redirects = new Map<string, string>();
  const shortLinks = new Set<string>();
  slugs.forEach((slug, index) => {
    const data = safeFrontmatter(files[index]!);
    const from = Array.isArray(data['redirectFrom']) ? data['redirectFrom'] : [];
    for (const old of from) if (typeof old === 'string') redirects.set(old, slug);
    if (typeof data['shortLink'] === 'string') shortLinks.add(data['shortLink']);
  });
  const value = { redirects, shortLinks };
  frontmatterCache.set(dir, { stamp, value });
  return value;
}

function safeFrontmatter(file: string): Record<string, unknown> {
  try {
    return readFrontmatter(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}
