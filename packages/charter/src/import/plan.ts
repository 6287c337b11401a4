/**
 * Where each file of an imported handbook goes: Markdown pages become chapters at valid addresses
 * (folders kept, names made lowercase with hyphens, `README.md`/`index.md`/`_index.md` as the
 * folder's own page), images and documents are copied beside them, and everything else is listed
 * as not carried over. Top-level folders become sections; pages at the top go into an "overview"
 * section.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAttachmentFile, toSlugSegment } from '../lib/chapter-files.ts';
import { RESERVED_SECTION_IDS } from '../lib/routes.ts';

/** Source files read as pages. */
const PAGE_FILE = /\.(?:md|mdx|markdown|mdown|mkd)$/i;
/** Names that are a folder's own page in GitHub, Hugo, Docusaurus and MkDocs. */
const INDEX_NAME = /^(?:readme|index|_index)$/i;
/** Folders that tools keep beside the pages and that hold no pages: not walked. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.github', '.obsidian', '.vscode', '.idea']);

/** The section that takes the pages at the top of the imported folder. */
export const TOP_SECTION = 'overview';

export interface PlannedPage {
  /** Below the imported folder, with forward slashes. */
  source: string;
  /** Below the edition folder. */
  target: string;
  /** The address the page had before, without slashes around it (`benefits/stateFMLA`). */
  oldSlug: string;
  /** Why the target differs from the source, for the report. */
  renamed: string | undefined;
}

export interface ImportPlan {
  pages: PlannedPage[];
  /** Images and documents: source path → path below the edition folder. */
  files: Map<string, string>;
  /** Files that are neither pages nor files pages use. */
  skipped: string[];
  /** Section ids in the order of their folders. */
  sections: string[];
}

/** Every file below a folder, with forward slashes, sorted; tool folders are listed as `name/`, not walked. */
export function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) found.push(`${rel}/`);
        else walk(path.join(dir, entry.name), rel);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path.join(dir, entry.name)).isFile())) {
        found.push(rel);
      }
    }
  };
  walk(root, '');
  return found;
}

export function isPageFile(file: string): boolean {
  return PAGE_FILE.test(file);
}

/** Plans where every file goes. */
export function planImport(files: readonly string[]): ImportPlan {
  const taken = new Set<string>();
  const claim = (wanted: string): string => {
    let candidate = wanted;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = wanted.replace(/(\.[^./]+)?$/, (extension) => `-${n}${extension}`);
    taken.add(candidate.toLowerCase());
    return candidate;
  };
  const pages: PlannedPage[] = [];
  const attachments = new Map<string, string>();
  const skipped: string[] = [];
  // Folder names are made valid once, so every page of a folder lands in the same new folder; a
  // top-level folder named like one of the site's own pages (/search/, /review/) gets a longer name.
  const folderOf = (sourceFolder: string): string =>
    sourceFolder
      .split('/')
      .filter(Boolean)
      .map((part, i) => {
        const name = toSlugSegment(part) || 'folder';
        return i === 0 && (RESERVED_SECTION_IDS as readonly string[]).includes(name) ? `${name}-pages` : name;
      })
      .join('/');
  const pageFiles = files.filter(isPageFile);
  // Index pages first, so a folder's own page gets `index.md` before a page of the same name could.
  const ordered = [...pageFiles.filter((f) => INDEX_NAME.test(stem(f))), ...pageFiles.filter((f) => !INDEX_NAME.test(stem(f)))];
  for (const source of ordered) {
    const sourceFolder = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    let folder = folderOf(sourceFolder);
    if (folder === '') folder = TOP_SECTION;
    const isIndex = INDEX_NAME.test(stem(source));
    const name = isIndex ? 'index' : toSlugSegment(stem(source)) || 'page';
    const target = claim(`${folder}/${name}.md`);
    const oldSlug = isIndex ? sourceFolder : source.replace(PAGE_FILE, '');
    const reasons: string[] = [];
    if (isIndex && stem(source) !== 'index') reasons.push(`${path.posix.basename(source)} is the folder's own page`);
    if (sourceFolder && folder !== sourceFolder) reasons.push('folder names in lowercase with hyphens');
    if (!sourceFolder) reasons.push(`pages at the top go into the "${TOP_SECTION}" section`);
    if (!isIndex && `${name}` !== stem(source)) reasons.push('the name in lowercase with hyphens');
    if (target !== `${folder}/${name}.md`) reasons.push('another page already had that name');
    if (!/\.md$/.test(source) || /\.md$/i.test(source) !== /\.md$/.test(source)) reasons.push('a Markdown chapter ends in ".md"');
    pages.push({ source, target, oldSlug, renamed: reasons.length > 0 ? reasons.join('; ') : undefined });
  }
  for (const source of files) {
    if (isPageFile(source)) continue;
    if (source.endsWith('/') || !isAttachmentFile(source)) {
      skipped.push(source);
      continue;
    }
    const sourceFolder = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    const folder = folderOf(sourceFolder) || TOP_SECTION;
    const base = path.posix.basename(source);
    const extension = base.includes('.') ? base.slice(base.lastIndexOf('.')).toLowerCase() : '';
    const name = toSlugSegment(base.slice(0, base.length - extension.length)) || 'file';
    attachments.set(source, claim(`${folder}/${name}${extension}`));
  }
  const sections = [...new Set(pages.map((p) => p.target.split('/')[0]!))].sort((a, b) =>
    a === TOP_SECTION ? -1 : b === TOP_SECTION ? 1 : a.localeCompare(b),
  );
  pages.sort((a, b) => a.source.localeCompare(b.source));
  return { pages, files: attachments, skipped: skipped.sort(), sections };
}

function stem(file: string): string {
  const base = path.posix.basename(file);
  return base.replace(PAGE_FILE, '');
}
