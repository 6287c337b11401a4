/**
 * What the files of an edition folder are: chapters (`.md` Markdown and `.mdx` MDX), files that
 * chapters show or link to (images, documents), and anything else, which is reported rather than
 * left out without a word. Every reader of the folder (the content loader, the checker, the
 * command-line tools, the link index) asks here, so they all see the same chapters at the same
 * addresses.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type ChapterFormat = 'mdx' | 'md';

/** A chapter file's name ends in `.md` or `.mdx`, in lowercase. */
const CHAPTER_FILE = /\.mdx?$/;

/** Files a chapter may show (images) or offer for download next to it. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'] as const;
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'csv', 'txt', 'zip', 'bmp', 'tif', 'tiff'] as const;
const ATTACHMENT_FILE = new RegExp(`\\.(?:${[...IMAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS].join('|')})$`, 'i');
const IMAGE_FILE = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/**
 * Files that operating systems and version control leave in folders; they are nobody's content,
 * and a handbook must not fail to build because a desktop opened a folder.
 */
const SYSTEM_FILES = new Set(['.DS_Store', '.gitkeep', '.keep', 'Thumbs.db', 'desktop.ini']);

/** Whether a path names a chapter file. */
export function isChapterFile(file: string): boolean {
  return CHAPTER_FILE.test(file);
}

/** Whether a path names a file that chapters may show or link to. */
export function isAttachmentFile(file: string): boolean {
  return ATTACHMENT_FILE.test(file);
}

export function isImageFile(file: string): boolean {
  return IMAGE_FILE.test(file);
}

/** `.md` chapters are Markdown, everything else is MDX. */
export function chapterFormatOf(file: string): ChapterFormat {
  return /\.md$/i.test(file.split('?')[0] ?? file) ? 'md' : 'mdx';
}

/**
 * The address of a chapter file below its edition folder, without slashes around it:
 * `procedures/telephone.mdx` → `procedures/telephone`. A folder's `index.md`/`index.mdx` is the
 * folder's own page: `procedures/phone/index.md` → `procedures/phone`.
 */
export function chapterSlug(file: string): string {
  const withoutExtension = file.replace(CHAPTER_FILE, '');
  return withoutExtension === 'index' ? '' : withoutExtension.replace(/\/index$/, '');
}

export interface EditionFolder {
  /** Chapter files below the edition folder (`procedures/telephone.mdx`), sorted. */
  chapters: string[];
  /** Images and documents chapters may show or link to, sorted. */
  attachments: string[];
  /** Every other file: reported, never skipped in silence. */
  unexpected: string[];
}

/**
 * Every file of an edition folder, sorted into chapters, attachments and the rest. The lists are
 * shared between callers (frozen: read them, do not change them).
 *
 * The checker, the build and the tools read the same folder several times in one run (stray
 * files, the link index, the checks between chapters): a listing is kept with the modification
 * time of every folder in it, and used again while none of them has changed, which is the case
 * exactly when no file was added, removed or renamed. Folders changed within RACY_MS of their
 * listing are listed again next time, as a change in the same instant would not show.
 */
export function readEditionFolder(contentDir: string, editionId: string): EditionFolder {
  const dir = path.join(contentDir, 'editions', editionId);
  const known = listings.get(dir);
  if (known && known.folders.every(([folder, mtime]) => modifiedAt(folder) === mtime)) return known.listing;
  listings.delete(dir);
  if (!existsSync(dir)) return { chapters: [], attachments: [], unexpected: [] };
  // The folders' times first: a change after them and before the listing makes them differ next time.
  const folders: [string, number][] = [[dir, modifiedAt(dir)]];
  const listing: EditionFolder = { chapters: [], attachments: [], unexpected: [] };
  const inside = dir + path.sep;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const at = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) folders.push([at, modifiedAt(at)]);
    if ((!entry.isFile() && !entry.isSymbolicLink()) || SYSTEM_FILES.has(entry.name)) continue;
    const relative = at.startsWith(inside) ? at.slice(inside.length) : path.relative(dir, at);
    const file = path.sep === '/' ? relative : relative.split(path.sep).join('/');
    if (isChapterFile(file)) listing.chapters.push(file);
    else if (isAttachmentFile(file)) listing.attachments.push(file);
    else listing.unexpected.push(file);
  }
  for (const list of Object.values(listing)) Object.freeze(list.sort());
  const now = Date.now();
  if (folders.every(([, mtime]) => now - mtime > RACY_MS)) listings.set(dir, { folders, listing });
  return listing;
}

const RACY_MS = 2_000;
const listings = new Map<string, { folders: [string, number][]; listing: EditionFolder }>();

/** A folder's modification time; NaN when it is no longer a folder, which no time equals. */
function modifiedAt(folder: string): number {
  const stat = statSync(folder, { throwIfNoEntry: false });
  return stat?.isDirectory() ? stat.mtimeMs : Number.NaN;
}

/** The chapter files of an edition folder, as paths inside it (`procedures/telephone.mdx`), sorted. */
export function listChapterPaths(contentDir: string, editionId: string): string[] {
  return readEditionFolder(contentDir, editionId).chapters;
}

/** Why a file in an edition folder is neither a chapter nor an attachment, and what to do with it. */
export function unexpectedFileMessage(edition: string, file: string): string {
  const where = `editions/${edition}/${file}`;
  const hint = /\.(?:md|mdx|markdown|mdown|mkd)$/i.test(file)
    ? `rename it to end in ".md" (Markdown) or ".mdx" (MDX), in lowercase`
    : `move it out of the editions folder, or keep it next to a chapter as one of ${[...IMAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS].map((e) => `.${e}`).join(', ')}`;
  return `Unexpected file "${where}", expected chapters (.md, .mdx) and the images and documents they use: ${hint}`;
}

/** One part of an address: lowercase letters and digits, joined by single hyphens. */
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a chapter's address is a valid one: every folder and the name in lowercase, digits and hyphens. */
export function isValidSlug(slug: string): boolean {
  return slug !== '' && slug.split('/').every((segment) => SEGMENT.test(segment));
}

/**
 * A name made fit for an address: `stateFMLA` → `state-fmla`, `Paid Time Off (2024)` →
 * `paid-time-off-2024`, `Café_Ouvert` → `cafe-ouvert`. Empty when nothing of it can stay.
 */
export function toSlugSegment(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/&/g, '-and-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A chapter file's path with every folder and the name made fit for an address, extension kept. */
export function suggestedChapterPath(file: string): string {
  const match = /^(.*?)(\.[^./]+)?$/.exec(file)!;
  const extension = (match[2] ?? '.md').toLowerCase();
  const parts = match[1]!.split('/').map((part) => toSlugSegment(part) || 'page');
  return `${parts.join('/')}${/^\.mdx?$/.test(extension) ? extension : '.md'}`;
}

/**
 * What is wrong with a chapter file's name, or undefined when it is a valid address: a chapter sits
 * in a section folder (sub-folders allowed), and a folder's `index` file is that folder's page.
 */
export function chapterFileNameProblem(edition: string, file: string): string | undefined {
  const slug = chapterSlug(file);
  const where = `editions/${edition}/${file}`;
  if (slug === '') {
    return `Unexpected chapter file "${where}" at the top of the edition, expected it in a section folder (e.g. editions/${edition}/procedures/index.md for the section's own page): the edition's home page is made from the sections`;
  }
  if (!isValidSlug(slug)) {
    return `Unexpected chapter file "${where}", expected folders and a name in lowercase letters, digits and hyphens, such as "editions/${edition}/${suggestedChapterPath(file)}": the path becomes the page's address (charter import renames files and keeps their old addresses working)`;
  }
  if (!slug.includes('/') && !/(?:^|\/)index\.mdx?$/.test(file)) {
    return `Unexpected chapter file "${where}" outside a section folder, expected it in one (e.g. editions/${edition}/procedures/${file})`;
  }
  return undefined;
}
