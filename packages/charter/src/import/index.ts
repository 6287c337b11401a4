/**
 * `charter import`: an existing Markdown handbook (GitHub or GitLab style, Hugo, Docusaurus,
 * MkDocs) turned into a Charter content folder, or into a new edition of one.
 *
 * In order: plan where every file goes (plan.ts); convert each page (convert.ts), pointing its
 * links at the new files; check every link, image and anchor with the build's own link check and
 * turn the ones that lead nowhere into plain text, so the build passes and the report lists each;
 * check that every word of every page is still there (words.ts); then write the edition, the
 * sections and the manifest in one step, or nothing with `--dry-run`. The same input always gives
 * the same output: nothing depends on the order files are found in or on the clock, except the
 * review date, which is "today" (CHARTER_TODAY sets it, as for the checker).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { parseDocument, stringify } from 'yaml';
import { chapterSlug } from '../lib/chapter-files.ts';
import { frontmatterData } from '../lib/content-files.ts';
import { linkProblems, anchorsOfSource } from '../lib/link-check.ts';
import { decodeUriPart, resolveLink } from '../lib/link-targets.ts';
import { textAfterFrontmatter } from '../lib/frontmatter.ts';
import { isoDate } from '../lib/review.ts';
import { idsOf, sectionsOf, type Vocabulary } from '../lib/vocabulary.ts';
import { folderName } from '../lib/navigation.ts';
import { gateReading } from '../gate/index.ts';
import { oldPath } from '../lib/schemas.ts';
import { RESERVED_SECTION_IDS } from '../lib/routes.ts';
import { applyEdits, convertPage, squash, toolReading, type PageEdits } from './convert.ts';
import { isPageFile, listSourceFiles, planImport, TOP_SECTION, type ImportPlan, type PlannedPage } from './plan.ts';
import { addWords, lostWords, wordsOf } from './words.ts';

/** The manifest note of an edition an import made. */
export const IMPORTED_NOTE = 'Imported with charter import.';

export interface ImportOptions {
  from: string;
  contentDir: string;
  edition: string;
  vocabulary: Vocabulary;
  today: Date;
  owner: string;
}

export interface PageReport {
  source: string;
  target: string;
  renamed?: string | undefined;
  /** The old addresses the chapter forwards from (its `redirectFrom`). */
  redirectFrom: string[];
  changes: string[];
  needs: { line: number; message: string; inChapter?: true }[];
  /** Words of the source that the chapter lacks and no change accounts for: a bug if ever not empty. */
  lostWords: string[];
}

export interface ImportReport {
  from: string;
  contentDir: string;
  edition: string;
  /** Whether the content folder was made by this import (it had no editions.yaml). */
  newContentFolder: boolean;
  pages: PageReport[];
  files: { source: string; target: string }[];
  skipped: string[];
  sections: { id: string; title: string; added: boolean }[];
  /** Frontmatter values the importer chose, for a person to check. */
  defaults: Record<string, string>;
  summary: { filesIn: number; pagesOut: number; filesCopied: number; skipped: number; needsAPerson: number; lostWords: number; refused: number };
}

export interface ImportResult {
  report: ImportReport;
  /** Every file to write, by absolute path. */
  writes: Map<string, string | Buffer>;
}

/** Plans and converts the whole import; writes nothing. */
export async function prepareImport(options: ImportOptions): Promise<ImportResult> {
  const sourceFiles = listSourceFiles(options.from);
  const plan = planImport(sourceFiles);
  const bySource = new Map(plan.pages.map((page) => [page.source, page]));
  const sourceSet = new Set(sourceFiles);
  const type = defaultType(options.vocabulary);
  const audience = idsOf(options.vocabulary, 'audiences')[0] ?? 'frontline';
  const defaults = { type, audience, owner: options.owner, reviewed: isoDate(options.today) };

  // 1. Each page converted, its links pointed at the new files.
  const converted = new Map<string, { page: PlannedPage; edits: PageEdits; sourceWords: Map<string, number> }>();
  for (const page of plan.pages) {
    const source = readFileSync(path.join(options.from, page.source), 'utf8');
    const rewrite = (_kind: 'link' | 'image', url: string) => rewriteUrl(url, page, plan, bySource, sourceSet);
    const edits = convertPage(source, /\.mdx$/i.test(page.source) ? 'mdx' : 'md', rewrite);
    const format = /\.mdx$/i.test(page.source) ? 'mdx' : 'md';
    converted.set(page.source, { page, edits, sourceWords: wordsOf(toolReading(source), format) });
  }

  // 2. The chapters' text, then every link checked as the build checks it; those that lead nowhere become text.
  const orders = siblingOrders(plan.pages);
  const texts = new Map<string, string>();
  for (const { page, edits } of converted.values())
    texts.set(page.target, chapterText(page, edits, defaults, orders.get(page.target)!, bySource, options.edition));
  const reports: PageReport[] = [];
  const attachments = [...plan.files.values()].sort();
  const slugs = plan.pages.map((p) => chapterSlug(p.target)).sort();
  const anchors = new Map<string, ReadonlySet<string> | undefined>();
  const index = {
    edition: options.edition,
    slugs: () => slugs,
    hasChapter: (slug: string) => slugs.includes(slug),
    anchorsOf: (slug: string) => {
      if (!anchors.has(slug)) {
        const target = plan.pages.find((p) => chapterSlug(p.target) === slug)?.target;
        anchors.set(slug, target ? anchorsOfSource(texts.get(target)!, 'md') : undefined);
      }
      return anchors.get(slug);
    },
    redirectTarget: () => undefined,
    shortLinks: () => new Set<string>(),
    attachments: () => attachments,
  };
  for (const { page, edits, sourceWords } of converted.values()) {
    let text = texts.get(page.target)!;
    for (let round = 0; round < 3; round++) {
      const reading = await gateReading(text, 'md', options.vocabulary);
      const problems = reading.references
        ? linkProblems(reading.references, { edition: options.edition, chapterFile: page.target, index, editions: [options.edition], paths: [], glossary: [] })
        : [];
      if (problems.length === 0) break;
      const fixed = unlink(text, problems, edits);
      if (fixed === text) break;
      text = fixed;
    }
    texts.set(page.target, text);
    // Whatever the build would still refuse (a page over the size limits, say) is for a person, named here.
    const left = (await gateReading(text, 'md', options.vocabulary)).problems;
    for (const problem of left)
      edits.needs.push({ line: problem.line, inChapter: true, message: `the build refuses this: ${problem.message} (${problem.ruleId})` });
    const kept = wordsOf(textAfterFrontmatter(text));
    addWords(kept, `${edits.title ?? ''} ${String(edits.frontmatter['title'] ?? '')} ${String(edits.frontmatter['description'] ?? '')}`);
    const removed = new Map<string, number>();
    for (const part of edits.removedText) addWords(removed, part);
    reports.push({
      source: page.source,
      target: page.target,
      ...(page.renamed ? { renamed: page.renamed } : {}),
      redirectFrom: ((frontmatterData(text)['redirectFrom'] as unknown[] | undefined) ?? []).map(String),
      changes: [...new Set(edits.changes)],
      needs: edits.needs,
      lostWords: lostWords(sourceWords, kept, removed),
    });
  }

  // 3. The edition, the sections and the manifest.
  const manifestFile = path.join(options.contentDir, 'editions.yaml');
  const newContentFolder = !existsSync(manifestFile);
  const editionDir = path.join(options.contentDir, 'editions', options.edition);
  const writes = new Map<string, string | Buffer>();
  for (const [target, text] of [...texts].sort()) writes.set(path.join(editionDir, target), text);
  for (const [source, target] of plan.files) writes.set(path.join(editionDir, target), readFileSync(path.join(options.from, source)));
  const sections = sectionEntries(plan, texts, options.contentDir);
  writes.set(path.join(options.contentDir, 'sections.yaml'), sectionsYaml(options.contentDir, sections));
  writes.set(manifestFile, manifestYaml(manifestFile, options.edition, newContentFolder, options.today));

  const needsAPerson = reports.reduce((sum, r) => sum + r.needs.length, 0);
  const report: ImportReport = {
    from: options.from,
    contentDir: options.contentDir,
    edition: options.edition,
    newContentFolder,
    pages: reports.sort((a, b) => a.source.localeCompare(b.source)),
    files: [...plan.files].map(([source, target]) => ({ source, target })),
    skipped: plan.skipped,
    sections: sections.map(({ id, title, added }) => ({ id, title, added })),
    defaults,
    summary: {
      filesIn: sourceFiles.length,
      pagesOut: plan.pages.length,
      filesCopied: plan.files.size,
      skipped: plan.skipped.length,
      needsAPerson,
      lostWords: reports.reduce((sum, r) => sum + r.lostWords.length, 0),
      refused: reports.filter((r) => r.needs.some((n) => n.message.startsWith('the build refuses this'))).length,
    },
  };
  return { report, writes };
}

/** The type imported chapters get: one without required sections ("guide" when the vocabulary has it). */
function defaultType(vocabulary: Vocabulary): string {
  const types = idsOf(vocabulary, 'types');
  return types.find((t) => t === 'guide') ?? types.find((t) => !sectionsOf(vocabulary, t)?.length) ?? types[0] ?? 'guide';
}

/**
 * A link's new address: a page of the imported folder, found by its file (`../a.md`, `./b`,
 * `./folder/`, `/docs/c`), or a file copied beside the chapters; anything else as it was (the
 * link check then decides).
 */
function rewriteUrl(url: string, page: PlannedPage, plan: ImportPlan, bySource: ReadonlyMap<string, PlannedPage>, sourceSet: ReadonlySet<string>): string {
  const target = resolveLink(url, page.source);
  if (target.kind === 'outside' || target.kind === 'anchor' || target.kind === 'empty' || target.kind === 'unreadable') return url;
  const hash = url.indexOf('#');
  const anchor = hash === -1 ? '' : url.slice(hash);
  const written = decodeUriPart((hash === -1 ? url : url.slice(0, hash)).split('?')[0]!);
  const folder = path.posix.dirname(page.source) === '.' ? '' : path.posix.dirname(page.source);
  const bases = written.startsWith('/') ? rootCandidates(written, folder) : [path.posix.normalize(path.posix.join(folder, written))];
  for (const base of bases) {
    if (base.startsWith('..')) continue;
    const found = findSource(base.replace(/\/$/, ''), sourceSet, written.endsWith('/'));
    if (!found) continue;
    const newTarget = isPageFile(found) ? bySource.get(found)?.target : plan.files.get(found);
    if (newTarget) return `${relativePath(page.target, newTarget)}${anchor}`;
  }
  // A folder without a page of its own: its page on the site, which lists what is in it.
  for (const base of bases) {
    const folder = base.replace(/\/$/, '');
    const inside = plan.pages.find((p) => folder !== '' && p.source.startsWith(`${folder}/`));
    if (!inside) continue;
    const depth = folder.split('/').length;
    const sourceDepth = inside.source.split('/').length - 1;
    // Pages at the top moved into a section of their own: one folder more on the new side.
    const targetFolder = inside.target.split('/').slice(0, depth + (inside.target.split('/').length - 1 - sourceDepth));
    return `/${targetFolder.join('/')}/${anchor}`;
  }
  return url;
}

/**
 * What a path from the site's root may mean: from the top of the folder of one of the page's
 * folders (Hugo's `ref "/fleet/x.md"` is from its content folder), or with the old site's base in
 * front (`/docs/…`, `/handbook/…`): every reading is tried, the nearest first.
 */
function rootCandidates(written: string, folder: string): string[] {
  const parts = written.split('/').filter(Boolean);
  const ancestors = folder === '' ? [] : folder.split('/').map((_, i, all) => all.slice(0, all.length - i).join('/'));
  return [...ancestors.map((ancestor) => `${ancestor}/${parts.join('/')}`), ...parts.map((_, i) => parts.slice(i).join('/'))];
}

/** The source file a link means: the file itself, or a page by the names tools give them. */
function findSource(base: string, files: ReadonlySet<string>, folderLink: boolean): string | undefined {
  const stem = base.replace(/\.html?$/i, '');
  const candidates = folderLink
    ? [`${stem}/README.md`, `${stem}/index.md`, `${stem}/_index.md`, `${stem}/readme.md`, `${stem}/index.mdx`]
    : [
        base,
        `${stem}.md`,
        `${stem}.mdx`,
        `${stem}.markdown`,
        `${stem}/README.md`,
        `${stem}/index.md`,
        `${stem}/_index.md`,
        `${stem}/index.mdx`,
        `${stem}/readme.md`,
      ];
  for (const candidate of candidates) if (files.has(candidate)) return candidate;
  // File systems that ignore case let links get the case wrong; the import reads them as the reader's browser did.
  const lower = new Map([...files].map((f) => [f.toLowerCase(), f]));
  for (const candidate of candidates) {
    const match = lower.get(candidate.toLowerCase());
    if (match) return match;
  }
  return undefined;
}

/** The relative path from one file below the edition folder to another. */
function relativePath(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return relative.startsWith('.') ? encodeSpaces(relative) : `./${encodeSpaces(relative)}`;
}

function encodeSpaces(file: string): string {
  return file.replace(/ /g, '%20');
}

/**
 * The links, images and anchors the link check refused, made into text: a link keeps its words,
 * an image its description, an anchor that no longer exists leaves the address to its page.
 */
function unlink(
  text: string,
  problems: readonly { line: number; column: number; endLine: number; endColumn: number; message: string; expected?: string }[],
  edits: PageEdits,
): string {
  const offsets = lineOffsets(text);
  const at = (line: number, column: number) => offsets[line - 1]! + column - 1;
  const changes: { start: number; end: number; text: string }[] = [];
  for (const problem of problems) {
    const start = at(problem.line, problem.column);
    const end = at(problem.endLine, problem.endColumn);
    const slice = text.slice(start, end);
    const anchorOnly = /no such heading/.test(problem.message);
    const markdown = /^(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]*)/.exec(slice);
    const markdownUrl = markdown?.[3]!.replace(/^<|>$/g, '');
    if (markdown && markdownUrl !== undefined && anchorOnly) {
      const withoutAnchor = markdownUrl.replace(/#.*$/, '');
      // GitHub reads `#Who-Qualifies` as `#who-qualifies`: the heading the link meant, written in other case.
      const meant = problem.expected?.includes('#') ? problem.expected.slice(problem.expected.indexOf('#') + 1) : undefined;
      const written = decodeUriPart(markdownUrl.slice(markdownUrl.indexOf('#') + 1));
      if (meant !== undefined && new GithubSlugger().slug(written) === meant) {
        changes.push({ start, end, text: slice.replace(markdown[3]!, `${withoutAnchor}#${meant}`) });
        edits.changes.push(`wrote the anchor of a link as the heading's id (#${meant})`);
        continue;
      }
      if (withoutAnchor !== '') {
        changes.push({ start, end, text: slice.replace(markdown[3]!, withoutAnchor) });
        edits.changes.push(`dropped the anchor of a link whose heading is gone (${markdownUrl})`);
        continue;
      }
    }
    if (markdown) {
      changes.push({ start, end, text: markdown[1] ? markdown[2]! : markdown[2]! });
      edits.needs.push({
        line: problem.line,
        inChapter: true,
        message: `${markdown[1] ? 'image' : 'link'} to "${markdown[3]}" made plain text: ${problem.message.replace(/, expected .*$/, '')}`,
      });
    } else if (/^<(?:a|img)\b/i.test(slice)) {
      const alt = /\balt="([^"]*)"/i.exec(slice)?.[1];
      changes.push({ start, end, text: /^<img/i.test(slice) ? (alt ?? '') : slice.replace(/\s+href="[^"]*"/i, '') });
      edits.needs.push({
        line: problem.line,
        inChapter: true,
        message: `HTML ${/^<img/i.test(slice) ? 'image' : 'link'} made plain text: ${problem.message.replace(/, expected .*$/, '')}`,
      });
    } else if (/^\[[^\]]*\]:/.test(slice)) {
      changes.push({ start, end, text: '' });
      edits.needs.push({
        line: problem.line,
        inChapter: true,
        message: `link definition removed: ${problem.message.replace(/, expected .*$/, '')}`,
      });
    }
  }
  return applyEdits(text, changes);
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}

/** Each page's position among the pages of its folder, in the order of their source names (`01-intro` before `02-…`). */
function siblingOrders(pages: readonly PlannedPage[]): Map<string, number> {
  const orders = new Map<string, number>();
  const byFolder = new Map<string, PlannedPage[]>();
  for (const page of pages) {
    const folder = path.posix.dirname(page.source);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), page]);
  }
  for (const siblings of byFolder.values()) {
    siblings.sort((a, b) => a.source.localeCompare(b.source, 'en', { numeric: true }));
    siblings.forEach((page, i) => orders.set(page.target, (i + 1) * 10));
  }
  return orders;
}

/** A chapter's whole text: its frontmatter (kept fields, then what was filled in) and its body. */
function chapterText(
  page: PlannedPage,
  edits: PageEdits,
  defaults: { type: string; audience: string; owner: string; reviewed: string },
  order: number,
  bySource: ReadonlyMap<string, PlannedPage>,
  edition: string,
): string {
  const kept = edits.frontmatter;
  const title = stringField(kept['title']) ?? edits.title ?? titleFromFile(page.source);
  const described = stringField(kept['description']) ?? stringField(kept['summary']) ?? stringField(kept['excerpt']) ?? firstSentence(edits.firstParagraph);
  const description = described && described.length >= 20 ? clip(described) : `What the handbook says about ${title.toLowerCase()}.`.slice(0, 220);
  if (!described || described.length < 20) edits.changes.push('wrote a description, as the page had none of a sentence or more');
  const weight = numberField(kept['order']) ?? numberField(kept['weight']) ?? numberField(kept['sidebar_position']) ?? numberField(kept['nav_order']);
  const slug = chapterSlug(page.target);
  const redirects = [
    page.oldSlug,
    ...arrayField(kept['aliases']).map((a) => a.replace(/^\/+|\/+$/g, '')),
    ...arrayField(kept['redirect_from']).map((a) => a.replace(/^\/+|\/+$/g, '')),
  ]
    .filter((old, i, all) => old !== '' && old !== slug && all.indexOf(old) === i && oldPath.safeParse(old).success)
    // The site's own pages keep their addresses (/search/, /review/): an old page there cannot forward.
    .filter((old) => !(RESERVED_SECTION_IDS as readonly string[]).includes(old.split('/')[0]!) && old.split('/')[0] !== edition)
    .filter((old) => ![...bySource.values()].some((p) => chapterSlug(p.target) === old));
  const dropped = Object.keys(kept).filter(
    (key) => !['title', 'description', 'summary', 'excerpt', 'order', 'weight', 'sidebar_position', 'nav_order', 'aliases', 'redirect_from'].includes(key),
  );
  if (dropped.length > 0) edits.changes.push(`left out frontmatter fields Charter does not use: ${dropped.join(', ')}`);
  const frontmatter: Record<string, unknown> = {
    title,
    description,
    type: defaults.type,
    audience: [defaults.audience],
    owner: defaults.owner,
    reviewed: defaults.reviewed,
    order: weight ?? order,
  };
  if (redirects.length > 0) frontmatter['redirectFrom'] = redirects;
  const yaml = stringify(frontmatter, { lineWidth: 0 }).replace(/^reviewed: "?(\d{4}-\d{2}-\d{2})"?$/m, 'reviewed: $1');
  return `---\n${yaml}---\n\n${edits.body.replace(/\s*$/, '\n')}`;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? squash(value) : undefined;
}

function numberField(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function arrayField(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `benefits/paid_time-off.md` → `Paid time off`. */
function titleFromFile(source: string): string {
  const name = path.posix.basename(source).replace(/\.[^.]+$/, '');
  const folder = path.posix.dirname(source);
  // The page at the top of the whole handbook has no folder to take a name from.
  const base = /^(?:readme|index|_index)$/i.test(name) ? (folder === '.' ? 'Overview' : path.posix.basename(folder)) : name;
  const words =
    base
      .replace(/^\d+[-_. ]+/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || 'Overview';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  return sentence;
}

function clip(text: string): string {
  return text.length <= 220 ? text : `${text.slice(0, 218).replace(/\s+\S*$/, '')}…`;
}

interface SectionEntry {
  id: string;
  title: string;
  intro: string;
  order: number;
  added: boolean;
}

/** The sections: those the content folder has, and one for each top-level folder of the import that it lacks. */
function sectionEntries(plan: ImportPlan, texts: ReadonlyMap<string, string>, contentDir: string): SectionEntry[] {
  const file = path.join(contentDir, 'sections.yaml');
  const existing = existsSync(file) ? ((parseDocument(readFileSync(file, 'utf8')).toJS() as SectionEntry[] | null) ?? []) : [];
  const known = new Set(existing.map((s) => s.id));
  const entries: SectionEntry[] = existing.map((s) => ({ ...s, added: false }));
  let order = Math.max(0, ...existing.map((s) => Number(s.order) || 0));
  for (const id of plan.sections) {
    if (known.has(id)) continue;
    const landing = texts.get(`${id}/index.md`);
    const title = (landing && /^title: (.*)$/m.exec(landing)?.[1]?.replace(/^["']|["']$/g, '')) || (id === TOP_SECTION ? 'Overview' : folderName(id));
    const intro = (landing && /^description: (.*)$/m.exec(landing)?.[1]?.replace(/^["']|["']$/g, '')) || `The handbook's pages on ${title.toLowerCase()}.`;
    entries.push({ id, title, intro, order: (order += 10), added: true });
  }
  return entries;
}

/** sections.yaml with the new sections added; an existing file keeps its comments and entries. */
function sectionsYaml(contentDir: string, sections: readonly SectionEntry[]): string {
  const file = path.join(contentDir, 'sections.yaml');
  const added = sections.filter((s) => s.added).map(({ id, title, intro, order }) => ({ id, title, intro, order }));
  if (!existsSync(file)) return stringify(added, { lineWidth: 0 });
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (!document.contents || !('items' in document.contents)) return stringify(added, { lineWidth: 0 });
  for (const section of added) (document.contents as unknown as { items: unknown[] }).items.push(document.createNode(section));
  return document.toString({ lineWidth: 0 });
}

/**
 * editions.yaml with the imported edition: the current one of a new content folder, the draft of
 * an existing one (a release makes it current). An edition already listed keeps its entry.
 */
function manifestYaml(file: string, edition: string, newContentFolder: boolean, today: Date): string {
  if (newContentFolder) {
    return stringify([{ id: edition, title: `Edition ${edition}`, status: 'current', released: isoDate(today), notes: IMPORTED_NOTE }], {
      lineWidth: 0,
    }).replace(/released: "?(\d{4}-\d{2}-\d{2})"?/, 'released: $1');
  }
  const document = parseDocument(readFileSync(file, 'utf8'));
  const items = (document.contents as unknown as { items?: { get?: (key: string) => unknown }[] } | null)?.items ?? [];
  if (items.some((item) => item.get?.('id') === edition)) return String(document);
  (document.contents as unknown as { items: unknown[] }).items.push(
    document.createNode({ id: edition, title: edition === 'draft' ? 'Next edition (draft)' : `Edition ${edition}`, status: 'draft', notes: IMPORTED_NOTE }),
  );
  return document.toString({ lineWidth: 0 });
}

/** Whether an edition folder may be written: absent, empty, or holding exactly what this import writes. */
export function editionFolderProblem(result: ImportResult): string | undefined {
  const dir = path.join(result.report.contentDir, 'editions', result.report.edition);
  if (!existsSync(dir)) return undefined;
  const present = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  const writing = new Set([...result.writes.keys()]);
  const strangers = present.filter((file) => !writing.has(file));
  if (strangers.length === 0) return undefined;
  return `editions/${result.report.edition}/ already holds ${strangers.length} file${strangers.length === 1 ? '' : 's'} this import would not write (${path.relative(dir, strangers[0]!)}${strangers.length > 1 ? ', …' : ''}): import into a new edition with --edition <id>, or remove the folder first`;
}
