/**
 * Problems that lie between chapters rather than in one: file names that cannot be addresses, two
 * files with one address, redirects onto live chapters or claimed twice, and short links and
 * standard ids declared twice. The build's content loader and the checker both call this, so a problem that would stop
 * the build is a checker error with the same words at the same place.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { pointAt, type GateProblem } from '../gate/problem.ts';
import { chapterFileNameProblem, chapterSlug, listChapterPaths, readEditionFolder, unexpectedFileMessage } from './chapter-files.ts';
import { readManifest } from './content-files.ts';
import { RESERVED_SECTION_IDS } from './routes.ts';
import { locateFrontmatter, nodeRange, yamlNodeAt } from './frontmatter.ts';

export const STRUCTURE_RULE = 'chapter-files';

export interface ChapterSource {
  edition: string;
  /** Below the edition folder, e.g. `procedures/telephone.mdx`. */
  file: string;
  source: string;
}

interface Claim {
  /** How messages name the one who claims: `chapter "a/b"`, `path "x" in paths.yaml`. */
  owner: string;
  /** Where the claim is written, for chapters. */
  chapter?: ChapterSource;
  range?: { start: number; end: number };
}

export interface PathShortLink {
  name: string;
  /** The reading path's id, for the message. */
  path: string;
}

/**
 * Problems of every chapter, keyed by `<edition>/<file>`. Reading paths' short links count in the
 * edition they are read in (`paths.edition`, the current one); with `sections` (the ids of
 * sections.yaml), a chapter must sit in one of them.
 */
export function structureProblems(
  chapters: readonly ChapterSource[],
  paths: {
    shortLinks: readonly PathShortLink[];
    edition: string | undefined;
    sections?: readonly string[] | undefined;
    editions?: readonly string[] | undefined;
  } = {
    shortLinks: [],
    edition: undefined,
  },
): Map<string, GateProblem[]> {
  const problems = new Map<string, GateProblem[]>();
  const add = (chapter: ChapterSource, problem: GateProblem) => listIn(problems, `${chapter.edition}/${chapter.file}`).push(problem);
  const editions = new Map<string, ChapterSource[]>();
  // Appended in place: copying the list for each chapter made grouping thousands of them quadratic.
  for (const chapter of chapters) listIn(editions, chapter.edition).push(chapter);
  for (const [edition, own] of editions) {
    const sorted = [...own].sort((a, b) => a.file.localeCompare(b.file));
    const slugOf = (c: ChapterSource) => chapterSlug(c.file);
    const live = new Set(sorted.map(slugOf));
    const byAddress = new Map<string, ChapterSource[]>();
    // Old paths and short links, with every place that claims each: a clash is reported at all of them.
    const redirects = new Map<string, Claim[]>();
    const shortLinks = new Map<string, Claim[]>();
    const standardIds = new Map<string, Claim[]>();
    const fromPaths = edition === paths.edition ? paths.shortLinks : [];
    for (const link of fromPaths) shortLinks.set(link.name, [{ owner: `path "${link.path}" in paths.yaml` }]);
    for (const chapter of sorted) {
      const slug = slugOf(chapter);
      const nameProblem = chapterFileNameProblem(edition, chapter.file);
      if (nameProblem) add(chapter, at(chapter.source, 0, 0, nameProblem));
      const section = slug.split('/')[0]!;
      if (!nameProblem && paths.sections && !paths.sections.includes(section)) {
        add(
          chapter,
          at(
            chapter.source,
            0,
            0,
            `Unexpected section folder "${section}" for chapter "${slug}", expected a section listed in sections.yaml (${paths.sections.join(', ')}): add the section there, or move the chapter into one`,
          ),
        );
      }
      listIn(byAddress, slug.toLowerCase()).push(chapter);
      // Only chapters that declare redirects or a short link need their frontmatter read.
      if (!/^(?:redirectFrom:(?!\s*\[\s*\]\s*$)|shortLink:|standards:)/m.test(chapter.source)) continue;
      const frontmatter = locateFrontmatter(chapter.source);
      const data = frontmatter.data ?? {};
      const rangeAt = (path: PropertyKey[]) => {
        const node = yamlNodeAt(frontmatter, path);
        return (node && nodeRange(frontmatter, node)) ?? { start: 0, end: 0 };
      };
      const from = Array.isArray(data['redirectFrom']) ? data['redirectFrom'] : [];
      from.forEach((old: unknown, index: number) => {
        if (typeof old !== 'string') return;
        const range = rangeAt(['redirectFrom', index]);
        const first = old.split('/')[0]!;
        const refusal = live.has(old)
          ? `Unexpected redirectFrom "${old}": a chapter still lives at that path, expected only old paths no chapter uses: remove the entry or move that chapter`
          : (RESERVED_SECTION_IDS as readonly string[]).includes(first) || (paths.editions ?? []).includes(first)
            ? `Unexpected redirectFrom "${old}": the site's own ${first === old ? 'page answers' : 'pages answer'} at /${first}/, expected an old chapter path outside ${RESERVED_SECTION_IDS.filter((id) => !id.startsWith('_')).join(', ')} and the editions' ids`
            : undefined;
        if (refusal) {
          add(chapter, at(chapter.source, range.start, range.end, refusal));
          return;
        }
        redirects.set(old, [...(redirects.get(old) ?? []), { owner: `"${slug}"`, chapter, range }]);
      });
      // <Standard id> names a standard of the edition, so an id may be declared once in it.
      const standards = Array.isArray(data['standards']) ? data['standards'] : [];
      standards.forEach((standard: unknown, index: number) => {
        const id = standard && typeof standard === 'object' ? (standard as Record<string, unknown>)['id'] : undefined;
        // Twice in one chapter is the frontmatter schema's to report, once.
        if (typeof id !== 'string' || standardIds.get(id)?.some((claim) => claim.chapter === chapter)) return;
        standardIds.set(id, [...(standardIds.get(id) ?? []), { owner: `chapter "${slug}"`, chapter, range: rangeAt(['standards', index, 'id']) }]);
      });
      if (typeof data['shortLink'] === 'string') {
        const name = data['shortLink'];
        shortLinks.set(name, [...(shortLinks.get(name) ?? []), { owner: `chapter "${slug}"`, chapter, range: rangeAt(['shortLink']) }]);
      }
    }
    for (const [address, files] of byAddress) {
      if (files.length < 2) continue;
      for (const chapter of files) {
        const others = files
          .filter((f) => f !== chapter)
          .map((f) => `"editions/${edition}/${f.file}"`)
          .join(', ');
        add(
          chapter,
          at(
            chapter.source,
            0,
            0,
            `Unexpected chapter file "editions/${edition}/${chapter.file}" at the same address as ${others} (/${address}/), expected one file per address: rename or remove one of them`,
          ),
        );
      }
    }
    for (const [old, claims] of redirects) {
      reportClaimedTwice(claims, add, (others) => `Unexpected redirectFrom "${old}": ${others} lists it too, expected each old path to lead to one chapter`);
    }
    for (const [id, claims] of standardIds) {
      reportClaimedTwice(
        claims,
        add,
        (others) => `Unexpected standard id "${id}": ${others} declares it too, expected each standard id once in an edition: rename one`,
      );
    }
    for (const [name, claims] of shortLinks) {
      reportClaimedTwice(claims, add, (others) => `Unexpected shortLink "${name}": ${others} declares /go/${name}/ too, expected a short link of its own`);
    }
  }
  return problems;
}

/** The list kept under `key`, made empty the first time. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * Reports a name that several places claim (an old path, a short link) at every chapter among
 * them, naming the others; claims from paths.yaml have no chapter and are only named.
 */
function reportClaimedTwice(claims: readonly Claim[], add: (chapter: ChapterSource, problem: GateProblem) => void, message: (others: string) => string): void {
  if (claims.length < 2) return;
  for (const claim of claims) {
    if (!claim.chapter) continue;
    const others = claims
      .filter((c) => c !== claim)
      .map((c) => c.owner)
      .join(', ');
    add(claim.chapter, at(claim.chapter.source, claim.range!.start, claim.range!.end, message(others)));
  }
}

/** A file in an edition folder that is neither a chapter nor a file chapters use. */
export interface StrayFile {
  edition: string;
  /** Below the edition folder. */
  file: string;
  problem: GateProblem;
}

/** The files of the content folder's editions (or of the named ones) that nothing would read, each with its message. */
export function strayFiles(contentDir: string, editions?: readonly string[]): StrayFile[] {
  return editionIds(contentDir, editions).flatMap((edition) =>
    readEditionFolder(contentDir, edition).unexpected.map((file) => ({ edition, file, problem: at('', 0, 0, unexpectedFileMessage(edition, file)) })),
  );
}

function editionIds(contentDir: string, editions?: readonly string[]): readonly string[] {
  const editionsDir = path.join(contentDir, 'editions');
  if (editions) return editions;
  if (!existsSync(editionsDir)) return [];
  return readdirSync(editionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** Short links of the reading paths, for the edition they are checked against (the current one). */
export function readPathShortLinks(contentDir: string): PathShortLink[] {
  const file = path.join(contentDir, 'paths.yaml');
  if (!existsSync(file)) return [];
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) return [];
    return data.flatMap((entry: { id?: unknown; shortLink?: unknown }) =>
      typeof entry?.shortLink === 'string' && typeof entry.id === 'string' ? [{ name: entry.shortLink, path: entry.id }] : [],
    );
  } catch {
    // paths.yaml has its own validation, with its own messages.
    return [];
  }
}

function at(source: string, start: number, end: number, message: string): GateProblem {
  const from = pointAt(source, start);
  const to = pointAt(source, Math.max(start, end));
  return { ruleId: STRUCTURE_RULE, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message };
}

/**
 * Every chapter of the content folder's editions (or of the named ones), read from disk, or from
 * `known` (by absolute path) for the files a caller has just read.
 */
export function readChapterSources(contentDir: string, editions?: readonly string[], known?: ReadonlyMap<string, string>): ChapterSource[] {
  const editionsDir = path.join(contentDir, 'editions');
  return editionIds(contentDir, editions).flatMap((edition) =>
    listChapterPaths(contentDir, edition).map((file) => {
      const absolute = path.join(editionsDir, edition, file);
      return { edition, file, source: known?.get(absolute) ?? readFileSync(absolute, 'utf8') };
    }),
  );
}

/** The current edition's id from the manifest; undefined when the manifest cannot be read (it reports that itself). */
export function currentEditionOf(contentDir: string): string | undefined {
  try {
    return readManifest(contentDir).find((e) => e.status === 'current')?.id;
  } catch {
    return undefined;
  }
}
