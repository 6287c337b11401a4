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
import { frontmatterData } from '../lib/content-files.ts';
import { sha1 } from './cache.ts';
import { parseChapter } from './parser.ts';

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

/**
 * The same index with every answer kept: for one run over files that do not change meanwhile.
 * The stamped caches below re-check modification times on every question (a folder listing and a
 * stat of every chapter per link), which is right for a dev server and most of the links rule's
 * time in a run over thousands of chapters.
 */
export function snapshotIndex(index: EditionIndex): EditionIndex {
  let slugs: readonly string[] | undefined;
  let chapters: ReadonlySet<string> | undefined;
  let shortLinks: ReadonlySet<string> | undefined;
  const anchors = new Map<string, ReadonlySet<string> | undefined>();
  const redirects = new Map<string, string | undefined>();
  const remembered = <K, V>(map: Map<K, V>, key: K, compute: () => V): V => {
    if (!map.has(key)) map.set(key, compute());
    return map.get(key) as V;
  };
  return {
    edition: index.edition,
    slugs: () => (slugs ??= index.slugs()),
    hasChapter: (slug) => (chapters ??= new Set((slugs ??= index.slugs()))).has(slug),
    anchorsOf: (slug) => remembered(anchors, slug, () => index.anchorsOf(slug)),
    redirectTarget: (slug) => remembered(redirects, slug, () => index.redirectTarget(slug)),
    shortLinks: () => (shortLinks ??= index.shortLinks()),
  };
}

/** A question a rule asked an edition's index about other chapters, and the answer it got. */
export interface IndexRead {
  edition: string;
  question: 'slugs' | 'hasChapter' | 'anchorsOf' | 'redirectTarget' | 'shortLinks';
  arg: string;
  /** The answer written as text (long answers as their hash), to compare with a later answer. */
  answer: string;
}

/**
 * The index, noting every question and answer in `reads`: a file's result depends on its own text
 * and on exactly these answers, which is what the result cache checks before reusing a result.
 */
export function recordingIndex(index: EditionIndex, reads: IndexRead[]): EditionIndex {
  const noted = <T extends Answer>(question: IndexRead['question'], arg: string, value: T): T => {
    reads.push({ edition: index.edition, question, arg, answer: answerText(value) });
    return value;
  };
  return {
    edition: index.edition,
    slugs: () => noted('slugs', '', index.slugs()),
    hasChapter: (slug) => noted('hasChapter', slug, index.hasChapter(slug)),
    anchorsOf: (slug) => noted('anchorsOf', slug, index.anchorsOf(slug)),
    redirectTarget: (slug) => noted('redirectTarget', slug, index.redirectTarget(slug)),
    shortLinks: () => noted('shortLinks', '', index.shortLinks()),
  };
}

/** Asks an index a recorded question again; the answer in the same form as `IndexRead.answer`. */
export function answerAgain(index: EditionIndex, read: Pick<IndexRead, 'question' | 'arg'>): string {
  switch (read.question) {
    case 'slugs':
      return answerText(index.slugs());
    case 'hasChapter':
      return answerText(index.hasChapter(read.arg));
    case 'anchorsOf':
      return answerText(index.anchorsOf(read.arg));
    case 'redirectTarget':
      return answerText(index.redirectTarget(read.arg));
    case 'shortLinks':
      return answerText(index.shortLinks());
  }
}

/** An answer as text: sets sorted, lists in order; a long one as its SHA-1, to keep the cache small. */
type Answer = boolean | string | undefined | Iterable<string>;

export function answerText(value: Answer): string {
  let text: string;
  if (value === undefined) text = '\u0000none';
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else if (typeof value === 'string') text = `=${value}`;
  else text = `[${(value instanceof Set ? [...value].sort() : [...value]).join('\n')}]`;
  return text.length > 64 ? `sha1:${sha1(text)}` : text;
}

function stampOf(file: string): string {
  if (!existsSync(file)) return '-';
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.size}`;
}

/** Chapter slugs of an edition folder; re-read when a folder in it changes. */
function listChapters(dir: string): { list: string[]; set: Set<string> } {
  if (!existsSync(dir)) return { list: [], set: new Set() };
  const folders = [
    dir,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(dir, entry.name)),
  ];
  const stamp = folders.map(stampOf).join('|');
  const cached = listings.get(dir);
  if (cached?.stamp === stamp) return cached.value;
  const list = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) =>
      file
        .split(path.sep)
        .join('/')
        .replace(/\.mdx$/, ''),
    )
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
    value = headingAnchors(parseChapter(readFileSync(file, 'utf8')));
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
    return frontmatterData(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}
