/**
 * Where a link written in a chapter leads, and the address the published page gives it.
 *
 * A chapter may name a page three ways: by site path (`/skills/listening/`), by a path relative to
 * its own page (`../listening/`), or by the file (`../skills/listening.md`, `./phone/index.mdx`),
 * as editors of Markdown in Git are used to. Files it shows or offers (`./forms/refund.pdf`,
 * `![](./hold.png)`) sit next to it in the edition folder. All of them mean a place in the
 * chapter's own edition: the checker, the build's link check and the address rewriting read a
 * link through this one module, so what is checked is what the reader's browser follows.
 */
import path from 'node:path';
import { classifyUrl } from '../gate/urls.ts';
import { chapterSlug, isAttachmentFile } from './chapter-files.ts';
import { withBase } from './paths.ts';
import type { EditionRef } from './edition-urls.ts';

export type LinkTarget =
  /** Another host, or a mail, phone or text-message address: not followed. */
  | { kind: 'outside' }
  | { kind: 'empty' }
  /** A heading of the same page. */
  | { kind: 'anchor'; anchor: string }
  /** A page of the site, by its path without the edition (`/skills/listening/`). */
  | { kind: 'page'; path: string; anchor: string | undefined; suffix: string; fromFile: boolean }
  /** A file of the edition folder, by its path below it (`procedures/forms/refund.pdf`). */
  | { kind: 'file'; file: string; suffix: string }
  /** A file served from the site's public folder (`/favicon.svg`). */
  | { kind: 'public'; path: string }
  /** A relative path that climbs out of the edition folder. */
  | { kind: 'escapes'; resolved: string }
  /** An address no browser can resolve. */
  | { kind: 'unreadable' };

/** A chapter file's name (`.md`/`.mdx`, in any case) at the end of a written address. */
const CHAPTER_FILE_LINK = /\.mdx?$/i;

/** Where `url`, written in the chapter `chapterFile` (below the edition folder), leads. */
export function resolveLink(url: string, chapterFile: string): LinkTarget {
  if (url.trim() === '') return { kind: 'empty' };
  if (classifyUrl(url).kind !== 'site') return { kind: 'outside' };
  const hash = url.indexOf('#');
  const anchor = hash === -1 ? undefined : decodeUriPart(url.slice(hash + 1));
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const address = decodeUriPart(query === -1 ? beforeHash : beforeHash.slice(0, query));
  const suffix = url.slice(query === -1 ? beforeHash.length : query);
  if (address === '') return anchor === undefined ? { kind: 'empty' } : { kind: 'anchor', anchor };
  if (address.startsWith('/')) {
    // A chapter's file named from the top of the edition (`/procedures/telephone.mdx`) means its page.
    if (CHAPTER_FILE_LINK.test(address)) {
      const slug = chapterSlug(address.slice(1).replace(CHAPTER_FILE_LINK, (extension) => extension.toLowerCase()));
      return { kind: 'page', path: slug === '' ? '/' : `/${slug}/`, anchor, suffix, fromFile: true };
    }
    if (/\.[a-z0-9]+$/i.test(address)) return { kind: 'public', path: address };
    return { kind: 'page', path: address, anchor, suffix, fromFile: false };
  }
  const folder = path.posix.dirname(chapterFile);
  if (CHAPTER_FILE_LINK.test(address) || isAttachmentFile(address)) {
    const resolved = path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, address));
    if (resolved.startsWith('../') || resolved === '..') return { kind: 'escapes', resolved };
    if (isAttachmentFile(address)) return { kind: 'file', file: resolved, suffix };
    const slug = chapterSlug(resolved.replace(CHAPTER_FILE_LINK, (extension) => extension.toLowerCase()));
    return { kind: 'page', path: slug === '' ? '/' : `/${slug}/`, anchor, suffix, fromFile: true };
  }
  try {
    // A relative page link, from this chapter's own address.
    const page = chapterSlug(chapterFile);
    return { kind: 'page', path: decodeUriPart(new URL(address, `https://handbook.invalid/${page}/`).pathname), anchor, suffix, fromFile: false };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** A part of a URL with its %-escapes decoded; as written when it is not valid escaping. */
export function decodeUriPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * First parts of site paths that are the site's own pages rather than an edition's chapters and
 * sections; every other path is read inside the chapter's edition.
 */
export const SITE_PAGE_PREFIXES: ReadonlySet<string> = new Set(['search', 'touchpoints', 'editions', 'review', 'paths', 'go', 'changes', 'pagefind', '_astro']);

/** The edition-qualified site path of a page path read in `edition` (`/skills/x/` → `/2025.1/skills/x/`). */
export function pageInEdition(sitePath: string, edition: EditionRef): string {
  const first = sitePath.split('/').filter(Boolean)[0];
  if (first === undefined || SITE_PAGE_PREFIXES.has(first) || edition.status === 'current') return sitePath;
  return `/${edition.id}${sitePath}`;
}

/** Where a file of an edition folder is published: beside the edition's permanent addresses. */
export function attachmentPath(edition: Pick<EditionRef, 'id'>, file: string): string {
  return `/${edition.id}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The address the published page gives a link: pages and files of the edition get the edition and
 * the site's base path, a page named by its file gets its page's address; anything else stays as
 * written (another host, a heading of the same page).
 */
export function publishedHref(url: string, chapterFile: string, edition: EditionRef, base: string): string {
  const target = resolveLink(url, chapterFile);
  switch (target.kind) {
    case 'page':
      return `${withBase(base, encodePath(pageInEdition(target.path, edition)))}${target.suffix}`;
    case 'file':
      return `${withBase(base, attachmentPath(edition, target.file))}${target.suffix}`;
    case 'public':
      return withBase(base, url);
    default:
      return url;
  }
}

/** A decoded site path, encoded again for an attribute (spaces and non-ASCII letters as `%..`). */
function encodePath(sitePath: string): string {
  return sitePath.split('/').map(encodeURIComponent).join('/');
}
