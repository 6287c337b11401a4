/**
 * Whether the links, images and glossary terms of a chapter lead somewhere, from the references
 * the gate read in the compiler's tree (gate/references.ts). The build refuses a chapter with any
 * of these problems and the checker reports them under `links`, in the same words at the same
 * places: both call this function on the same reading.
 *
 * A page link must name a chapter of the same edition (or an old path it lists in `redirectFrom`),
 * a folder's page, or one of the site's own pages; site paths are written without the edition and
 * with the trailing slash. An `#anchor` must be the id of a heading of the target. A file or image
 * must exist in the edition folder where the link says. Every message suggests the closest target
 * that exists. A `<Standard id>` must name a standard a chapter of the same edition declares.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { compilerTree } from '../gate/compiler.ts';
import type { TreeNode } from '../gate/check-tree.ts';
import { limitProblems } from '../gate/limits.ts';
import type { GateProblem } from '../gate/problem.ts';
import { chapterReferences, type ChapterReferences, type Reference } from '../gate/references.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { chapterFormatOf, chapterSlug, type ChapterFormat } from './chapter-files.ts';
import { resolveLink, type LinkTarget } from './link-targets.ts';
import { closest, editDistance } from '../lint/text/closest.ts';
import type { DeclaredStandard } from './standard-declarations.ts';

export const LINKS_RULE = 'links';

/** What exists in one edition, as far as links need to know. */
export interface LinkIndex {
  edition: string;
  /** Chapter addresses, e.g. `procedures/telephone`. */
  slugs(): readonly string[];
  hasChapter(slug: string): boolean;
  /** Heading ids of a chapter; undefined when they cannot be read (the chapter has its own error). */
  anchorsOf(slug: string): ReadonlySet<string> | undefined;
  /** The chapter an old path forwards to (from `redirectFrom`). */
  redirectTarget(slug: string): string | undefined;
  /** Short link names (`/go/<name>/`) defined by chapters of the edition. */
  shortLinks(): ReadonlySet<string>;
  /** Files of the edition folder that chapters use (images, documents), below the edition folder. */
  attachments(): readonly string[];
  /** The standards the edition's chapters declare (`standards:`); an index without it declares none. */
  standards?(): readonly DeclaredStandard[];
}

export interface LinkContext {
  edition: string;
  /** The chapter's file below the edition folder; undefined for a file outside the content folder. */
  chapterFile: string | undefined;
  index: LinkIndex;
  /** Edition ids, reading paths and glossary ids of the handbook. */
  editions: readonly string[];
  paths: readonly { id: string; shortLink?: string | undefined }[];
  glossary: readonly string[];
  /**
   * The standard ids the chapter's own text declares, when the checked text may differ from its
   * file (an editor's unsaved text): they replace what the index read from that file.
   */
  ownStandards?: readonly string[] | undefined;
}

interface Problem {
  reason: string;
  /** The closest target that exists. */
  expected?: string | undefined;
  /** What is expected when there is no target to suggest. */
  otherwise?: string;
}

/** A link problem, with the suggestion the checker offers as its fix. */
export type LinkProblem = GateProblem & { expected?: string };

/** Site pages that are not chapters, by their path without slashes. */
const SITE_PAGES = new Set(['', 'search', 'touchpoints', 'editions', 'review', 'paths']);

/** Every link, image and glossary-term problem of a chapter, in order. */
export function linkProblems(references: ChapterReferences, context: LinkContext): LinkProblem[] {
  const own = new Set(references.anchors);
  const problems: LinkProblem[] = [];
  for (const reference of references.references) {
    const problem =
      reference.kind === 'term'
        ? problemWithTerm(reference.url, context)
        : reference.kind === 'standard'
          ? problemWithStandard(reference.url, context)
          : problemWithReference(reference, context, own);
    if (!problem) continue;
    const expectation = problem.expected ? `"${problem.expected}"` : (problem.otherwise ?? 'a page of the handbook');
    problems.push({
      ruleId: LINKS_RULE,
      line: reference.line,
      column: reference.column,
      endLine: reference.endLine,
      endColumn: reference.endColumn,
      message: `${problem.reason}, expected ${expectation}`,
      ...(problem.expected ? { expected: problem.expected } : {}),
    });
  }
  return problems;
}

function problemWithTerm(id: string, context: LinkContext): Problem | undefined {
  if (context.glossary.includes(id)) return undefined;
  const reason = id === '' ? 'Unexpected <Term> without an id' : `Unexpected glossary id "${id}" in <Term>`;
  const otherwise =
    context.glossary.length === 0
      ? 'an id from glossary.yaml, which this handbook does not have: add the term there, or write the word without <Term>'
      : 'an id from glossary.yaml';
  return { reason, expected: closest(id, context.glossary), otherwise };
}

/** A `<Standard id>` must name a standard declared in a chapter of the same edition. */
function problemWithStandard(id: string, context: LinkContext): Problem | undefined {
  const fromFiles = (context.index.standards?.() ?? []).filter((standard) => context.ownStandards === undefined || standard.file !== context.chapterFile);
  const ids = [...new Set([...fromFiles.map((standard) => standard.id), ...(context.ownStandards ?? [])])].sort();
  if (ids.includes(id)) return undefined;
  const reason = id === '' ? 'Unexpected <Standard> without an id' : `Unexpected standard id "${id}" in <Standard>`;
  const known = ids.length === 0 ? `edition ${context.edition} declares none` : `edition ${context.edition} declares ${ids.join(', ')}`;
  return {
    reason: `${reason} (${known})`,
    expected: closest(id, ids),
    otherwise: 'an id from the standards: field of a chapter of the same edition: declare the standard in the frontmatter of the chapter that explains it',
  };
}

function problemWithReference(reference: Reference, context: LinkContext, own: ReadonlySet<string>): Problem | undefined {
  const url = reference.url;
  const target = resolveLink(url, context.chapterFile ?? '');
  switch (target.kind) {
    case 'outside':
    case 'unreadable':
    case 'public':
      // Files such as /favicon.svg come from the public folder, which the build copies as it is.
      return undefined;
    case 'empty':
      return reference.kind === 'image' ? undefined : { reason: 'Unexpected empty link', otherwise: 'a site path such as "/skills/listening/"' };
    case 'anchor':
      return problemWithAnchor(url, target.anchor, own, 'in this chapter', '');
    case 'escapes':
      return {
        reason: `Unexpected ${reference.kind} "${url}" that leads out of edition ${context.edition} (to "${target.resolved}")`,
        otherwise: 'a file of the same edition',
      };
    case 'file':
      return problemWithFile(reference, target.file, context);
    case 'page':
      if (reference.kind === 'image') return undefined;
      return problemWithPage(url, target, context);
  }
}

function problemWithFile(reference: Reference, file: string, context: LinkContext): Problem | undefined {
  const files = context.index.attachments();
  if (files.includes(file)) return undefined;
  const what = reference.kind === 'image' ? 'image' : 'link to the file';
  const nearest = closest(file, files);
  const where = `editions/${context.edition}/${file}`;
  return {
    reason: `Unexpected ${what} "${reference.url}" (no file ${where})`,
    // A file of almost the same name is the likely meaning; with none, the fix is to put the file there.
    expected: nearest !== undefined && editDistance(nearest, file) <= Math.max(2, file.length / 4) ? relativeTo(context.chapterFile ?? '', nearest) : undefined,
    otherwise: `a file kept in the edition folder: copy it to ${where}, or correct the path`,
  };
}

/** The relative path from a chapter file to another file of the same edition. */
function relativeTo(chapterFile: string, file: string): string {
  const from = chapterFile.includes('/') ? chapterFile.slice(0, chapterFile.lastIndexOf('/')).split('/') : [];
  const to = file.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${to.slice(common).join('/')}`;
}

function problemWithPage(url: string, target: Extract<LinkTarget, { kind: 'page' }>, context: LinkContext): Problem | undefined {
  const { index } = context;
  const segments = target.path.split('/').filter(Boolean);
  const slug = segments.join('/');
  const withAnchor = (path: string) => `${path}${target.anchor !== undefined ? `#${target.anchor}` : ''}`;
  const suggestion = () => withAnchor(`/${closest(slug, index.slugs()) ?? ''}/`);
  if (segments[0] && context.editions.includes(segments[0]) && segments.length > 1) {
    return {
      reason: `Unexpected edition "${segments[0]}" in link "${url}" (links stay in their own edition)`,
      expected: withAnchor(`/${segments.slice(1).join('/')}/`),
    };
  }
  const chapter = index.hasChapter(slug) ? slug : index.redirectTarget(slug);
  if (chapter === undefined && !isSitePage(segments, context)) {
    const what = target.fromFile ? `no chapter file for "${slug}"` : 'no such chapter';
    return { reason: `Unexpected link to "${url}" (${what} in edition ${context.edition})`, expected: suggestion() };
  }
  if (!target.path.endsWith('/')) {
    return { reason: `Unexpected link "${url}" without a trailing slash`, expected: withAnchor(`${target.path}/`) };
  }
  if (chapter === undefined || target.anchor === undefined) return undefined;
  const own = context.chapterFile === undefined ? undefined : chapterSlug(context.chapterFile);
  const anchors = chapter === own ? undefined : index.anchorsOf(chapter);
  if (!anchors) return undefined;
  return problemWithAnchor(url, target.anchor, anchors, `in "/${chapter}/"`, `/${chapter}/`);
}

function problemWithAnchor(url: string, anchor: string, anchors: ReadonlySet<string>, where: string, prefix: string): Problem | undefined {
  if (anchors.has(anchor)) return undefined;
  const nearest = closest(anchor, anchors);
  return {
    reason: `Unexpected link to "${url}" (no such heading ${where})`,
    expected: nearest === undefined ? prefix || undefined : `${prefix}#${nearest}`,
    otherwise: "a heading's id",
  };
}

/** Pages of the site that are not chapters: search, folders' pages, reading paths, short links, change lists… */
function isSitePage(segments: readonly string[], context: LinkContext): boolean {
  const [first = '', second, third] = segments;
  if (segments.length <= 1 && SITE_PAGES.has(first)) return true;
  // A folder's own page, e.g. /procedures/ or /procedures/phone/: it exists when the edition has a chapter below it.
  const folder = `${segments.join('/')}/`;
  if (segments.length >= 1 && context.index.slugs().some((slug) => slug.startsWith(folder))) return true;
  if (first === 'paths' && second !== undefined && segments.length <= 3) {
    return context.paths.some((path) => path.id === second) && (third === undefined || third === 'print');
  }
  if (first === 'go' && second !== undefined && segments.length === 2) {
    return context.index.shortLinks().has(second) || context.paths.some((path) => path.shortLink === second);
  }
  if (first === 'changes' && second !== undefined && segments.length === 2) return context.editions.includes(second);
  return false;
}

/**
 * The heading ids of a chapter file, as the compiler gives them. Read in this process: the file
 * passed the size and depth limits that keep the compiler's parser out of trouble, and the build
 * compiles it in this process anyway. A file over the limits or that does not parse has its own
 * error, and links into it are not checked.
 */
export function anchorsOfChapterFile(file: string): ReadonlySet<string> | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return anchorsOfSource(source, chapterFormatOf(file));
}

const anchorCache = new Map<string, ReadonlySet<string> | undefined>();

export function anchorsOfSource(source: string, format: ChapterFormat): ReadonlySet<string> | undefined {
  const key = `${format}:${createHash('sha1').update(source).digest('hex')}`;
  if (anchorCache.has(key)) return anchorCache.get(key);
  let anchors: ReadonlySet<string> | undefined;
  if (limitProblems(source, format).length === 0) {
    const body = splitFrontmatter(source).body;
    try {
      anchors = new Set(chapterReferences(compilerTree(body, format) as TreeNode, body).anchors);
    } catch {
      anchors = undefined;
    }
  }
  anchorCache.set(key, anchors);
  return anchors;
}
