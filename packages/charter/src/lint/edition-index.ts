/**
 * What exists in one edition, for the links rule: its chapters (from the folder), each chapter's
 * heading ids (parsed only when a link points into it), old paths from `redirectFrom`, short
 * links and the standards its chapters declare. Every answer is cached against the files' modification times, so a long-running dev
 * server stays right and a full run parses each linked chapter once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { frontmatterData } from '../lib/content-files.ts';
import { sha1 } from './cache-file.ts';
import { chapterSlug, readEditionFolder, type EditionFolder } from '../lib/chapter-files.ts';
import { anchorsOfChapterFile, type LinkIndex } from '../lib/link-check.ts';
import { declaredStandardsOf, type DeclaredStandard } from '../lib/standard-declarations.ts';

/** What exists in one edition (see LinkIndex), answered from the folder on disk. */
export type EditionIndex = LinkIndex;

interface Stamped<T> {
  stamp: string;
  value: T;
}

/** An edition's chapter addresses in order, and the file of each below the edition folder. */
interface Listing {
  list: string[];
  files: Map<string, string>;
  attachments: readonly string[];
}

const listings = new Map<string, { folder: EditionFolder; value: Listing }>();
const anchorCache = new Map<string, Stamped<ReadonlySet<string> | undefined>>();
const frontmatterCache = new Map<string, Stamped<{ redirects: Map<string, string>; shortLinks: Set<string>; standards: DeclaredStandard[] }>>();

/** The index of `<contentDir>/editions/<edition>`. */
export function editionIndex(contentDir: string, edition: string): EditionIndex {
  const dir = path.join(contentDir, 'editions', edition);
  const slugs = () => listChapters(dir).list;
  const hasChapter = (slug: string) => listChapters(dir).files.has(slug);
  const fileOf = (slug: string) => path.join(dir, listChapters(dir).files.get(slug) ?? `${slug}.mdx`);
  return {
    edition,
    slugs,
    hasChapter,
    anchorsOf: (slug) => (hasChapter(slug) ? anchorsOfFile(fileOf(slug)) : undefined),
    attachments: () => listChapters(dir).attachments,
    redirectTarget: (slug) => chapterMetadata(dir, listChapters(dir).files).redirects.get(slug),
    shortLinks: () => chapterMetadata(dir, listChapters(dir).files).shortLinks,
    standards: () => chapterMetadata(dir, listChapters(dir).files).standards,
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
  let attachments: readonly string[] | undefined;
  let standards: readonly DeclaredStandard[] | undefined;
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
    attachments: () => (attachments ??= index.attachments()),
    standards: () => (standards ??= index.standards?.() ?? []),
  };
}

/** A question a rule asked an edition's index about other chapters, and the answer it got. */
export interface IndexRead {
  edition: string;
  question: 'slugs' | 'hasChapter' | 'anchorsOf' | 'redirectTarget' | 'shortLinks' | 'attachments' | 'standards';
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
    attachments: () => noted('attachments', '', index.attachments()),
    standards: () => {
      const standards = index.standards?.() ?? [];
      noted('standards', '', standardsAnswer(standards));
      return standards;
    },
  };
}

/** The standards as text lines, each declaration with its place: a moved or changed declaration is another answer. */
function standardsAnswer(standards: readonly DeclaredStandard[]): string[] {
  return standards.map((standard) => JSON.stringify(standard));
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
    case 'attachments':
      return answerText(index.attachments());
    case 'standards':
      return answerText(standardsAnswer(index.standards?.() ?? []));
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

/** Chapter addresses of an edition folder; made again when the folder's listing changes (see readEditionFolder). */
function listChapters(dir: string): Listing {
  if (!existsSync(dir)) return { list: [], files: new Map(), attachments: [] };
  const folder = readEditionFolder(path.dirname(path.dirname(dir)), path.basename(dir));
  const cached = listings.get(dir);
  if (cached?.folder === folder) return cached.value;
  const files = new Map<string, string>();
  for (const file of folder.chapters) {
    // Two files at one address are an error of their own (chapter-files); links go to the first.
    const slug = chapterSlug(file);
    if (!files.has(slug)) files.set(slug, file);
  }
  const value = { list: [...files.keys()].sort(), files, attachments: folder.attachments };
  listings.set(dir, { folder, value });
  return value;
}

function anchorsOfFile(file: string): ReadonlySet<string> | undefined {
  const stamp = stampOf(file);
  const cached = anchorCache.get(file);
  if (cached?.stamp === stamp) return cached.value;
  // The ids the compiler gives the headings, as the build's link check reads them.
  const value = anchorsOfChapterFile(file);
  anchorCache.set(file, { stamp, value });
  return value;
}

function chapterMetadata(dir: string, chapters: ReadonlyMap<string, string>) {
  const slugs = [...chapters.keys()];
  const files = [...chapters.values()].map((file) => path.join(dir, file));
  const stamp = files.map(stampOf).join('|');
  const cached = frontmatterCache.get(dir);
  if (cached?.stamp === stamp) return cached.value;
  const redirects = new Map<string, string>();
  const shortLinks = new Set<string>();
  const standards: DeclaredStandard[] = [];
  const below = [...chapters.values()];
  slugs.forEach((slug, index) => {
    const source = safeSource(files[index]!);
    // Only a chapter that writes one of these fields has anything for the index: most are not read as YAML.
    const data = /^(?:redirectFrom|shortLink|standards):/m.test(source) ? safeFrontmatter(source) : {};
    standards.push(...declaredStandardsOf(source, below[index]!));
    const from = Array.isArray(data['redirectFrom']) ? data['redirectFrom'] : [];
    for (const old of from) if (typeof old === 'string') redirects.set(old, slug);
    if (typeof data['shortLink'] === 'string') shortLinks.add(data['shortLink']);
  });
  const value = { redirects, shortLinks, standards };
  frontmatterCache.set(dir, { stamp, value });
  return value;
}

function safeSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeFrontmatter(source: string): Record<string, unknown> {
  try {
    return frontmatterData(source);
  } catch {
    return {};
  }
}
