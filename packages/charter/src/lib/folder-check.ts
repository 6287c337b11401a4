/**
 * Problems of the content folder as a whole that stop the build, located in the file that holds
 * them: an edition listed in editions.yaml without chapters, an edition folder the manifest does
 * not list, a reading path step to a chapter or heading the current edition lacks (paths.yaml),
 * and an address a past release published that would no longer answer (published-urls.txt). The
 * build (content-check.ts) and the checker both report these, in these words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { yamlSpanProblem, type GateProblem } from '../gate/problem.ts';
import { readEditionFolder } from './chapter-files.ts';
import { listChapterFiles, MANIFEST } from './content-files.ts';
import { planRoutes, type EditionChapters } from './routes.ts';
import { comparable, parsePublished, PUBLISHED_URLS, toPlanned } from './release.ts';
import { compareEditions, strayChangeMarks } from './diff/compare-editions.ts';
import { previousEdition } from './edition-urls.ts';
import type { Edition } from './schemas.ts';
import type { LinkIndex } from './link-check.ts';
import { closest } from '../lint/text/closest.ts';

export interface FolderProblems {
  file: string;
  problems: GateProblem[];
}

interface Located {
  lines: LineCounter;
  /** The node at a path of keys and indexes, when it is there. */
  nodeAt(pathTo: readonly (string | number)[]): Node | undefined;
}

function locate(text: string): Located {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  return {
    lines,
    nodeAt: (pathTo) => {
      let node: unknown = document.contents;
      for (const key of pathTo) {
        if (typeof key === 'number' && isSeq(node)) node = node.items[key];
        else if (typeof key === 'string' && isMap(node)) node = node.get(key, true);
        else return undefined;
      }
      return node as Node | undefined;
    },
  };
}

function problemAt(located: Located, node: Node | undefined, ruleId: string, message: string): GateProblem {
  const [start, end] = node?.range ?? [0, 0];
  return yamlSpanProblem(located.lines, ruleId, start, end, message);
}

/**
 * The manifest's editions against the edition folders: every edition has chapters, every folder
 * is an edition. `editions` is the validated manifest (the caller reports a broken one).
 */
export function editionFolderProblems(contentDir: string, editions: readonly Edition[]): FolderProblems[] {
  const results: FolderProblems[] = [];
  const manifest = path.join(contentDir, MANIFEST);
  const located = locate(readFileSync(manifest, 'utf8'));
  const problems: GateProblem[] = [];
  editions.forEach((edition, index) => {
    if (readEditionFolder(contentDir, edition.id).chapters.length > 0) return;
    problems.push(
      problemAt(
        located,
        located.nodeAt([index, 'id']),
        'chapter-files',
        `Unexpected edition "${edition.id}" without chapters, expected chapter files in editions/${edition.id}/<section>/: add its chapters, or remove the edition from ${MANIFEST}`,
      ),
    );
  });
  if (problems.length > 0) results.push({ file: manifest, problems });
  const editionsDir = path.join(contentDir, 'editions');
  const listed = new Set(editions.map((e) => e.id));
  const folders = existsSync(editionsDir) ? readdirSync(editionsDir, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
  for (const folder of folders) {
    if (listed.has(folder.name)) continue;
    const first = readEditionFolder(contentDir, folder.name).chapters[0];
    if (!first) continue;
    results.push({
      file: path.join(editionsDir, folder.name, first),
      problems: [
        {
          ruleId: 'chapter-files',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `Unexpected edition folder "editions/${folder.name}/", expected an edition listed in ${MANIFEST} (${[...listed].join(', ')}): add it there, or move its chapters into an edition folder`,
        },
      ],
    });
  }
  return results;
}

/**
 * An edition's `changeMarks` (editions.yaml) may only name chapters that changed in it against the
 * edition before: a mark on anything else does nothing, most likely a mistyped path. Only editions
 * with marks are compared, so a handbook without them reads no chapter here.
 */
export function changeMarkProblems(contentDir: string, editions: readonly Edition[]): FolderProblems[] {
  const marked = editions.map((edition, index) => ({ edition, index })).filter(({ edition }) => Object.keys(edition.changeMarks ?? {}).length > 0);
  if (marked.length === 0) return [];
  const manifest = path.join(contentDir, MANIFEST);
  const located = locate(readFileSync(manifest, 'utf8'));
  const keyNode = (index: number, slug: string): Node | undefined => {
    const map = located.nodeAt([index, 'changeMarks']);
    const pair = isMap(map) ? map.items.find((item) => (item.key as { value?: unknown } | null)?.value === slug) : undefined;
    return (pair?.key as Node | undefined) ?? map;
  };
  const problems: GateProblem[] = [];
  for (const { edition, index } of marked) {
    const before = previousEdition(editions, edition);
    if (!before) {
      problems.push(
        problemAt(
          located,
          located.nodeAt([index, 'changeMarks']),
          'chapter-files',
          `Unexpected changeMarks on edition "${edition.id}", which has no edition before it: nothing changed in it, so remove changeMarks`,
        ),
      );
      continue;
    }
    const comparison = compareEditions(listChapterFiles(contentDir, before.id).map(comparable), listChapterFiles(contentDir, edition.id).map(comparable));
    const changed = [...comparison.added, ...comparison.renamed, ...comparison.changed].map((c) => c.slug).sort();
    for (const slug of strayChangeMarks(edition.changeMarks ?? {}, comparison)) {
      problems.push(
        problemAt(
          located,
          keyNode(index, slug),
          'chapter-files',
          `Unexpected change mark for "${slug}", which did not change in ${edition.id} against ${before.id}, expected one of the chapters that changed (${changed.join(', ') || 'none'}): fix the path, or remove the mark`,
        ),
      );
    }
  }
  return problems.length > 0 ? [{ file: manifest, problems }] : [];
}

/** Steps of reading paths (paths.yaml) that lead to no chapter or heading of the current edition. */
export function readingPathProblems(
  contentDir: string,
  paths: readonly { id: string; steps: readonly { chapter: string }[] }[],
  current: LinkIndex,
): FolderProblems[] {
  const file = path.join(contentDir, 'paths.yaml');
  if (paths.length === 0 || !existsSync(file)) return [];
  const located = locate(readFileSync(file, 'utf8'));
  const problems: GateProblem[] = [];
  paths.forEach((readingPath, pathIndex) => {
    readingPath.steps.forEach((step, stepIndex) => {
      const [slug = '', anchor] = step.chapter.split('#') as [string, string | undefined];
      const node = located.nodeAt([pathIndex, 'steps', stepIndex, 'chapter']);
      const where = `Unexpected step ${stepIndex + 1} "${step.chapter}" of path "${readingPath.id}"`;
      if (!current.hasChapter(slug)) {
        const nearest = closest(slug, current.slugs());
        problems.push(
          problemAt(
            located,
            node,
            'links',
            `${where} (no chapter "${slug}" in the current edition ${current.edition}), expected ${nearest ? `"${nearest}"` : 'a chapter of the current edition'}`,
          ),
        );
        return;
      }
      const anchors = anchor === undefined ? undefined : current.anchorsOf(slug);
      if (anchor !== undefined && anchors && !anchors.has(anchor)) {
        const nearest = closest(anchor, anchors);
        problems.push(
          problemAt(
            located,
            node,
            'links',
            `${where} (no section "#${anchor}" in "${slug}"), expected ${nearest ? `"${slug}#${nearest}"` : 'one of its headings'} (its sections: ${[...anchors].join(', ')})`,
          ),
        );
      }
    });
  });
  return problems.length > 0 ? [{ file, problems }] : [];
}

/** Addresses in published-urls.txt that the editions on disk would no longer answer. */
export function lostAddressProblems(contentDir: string, editions: readonly Edition[]): FolderProblems[] {
  const file = path.join(contentDir, PUBLISHED_URLS);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const published = parsePublished(text);
  if (published.length === 0) return [];
  const planned: EditionChapters[] = editions.map((edition) => ({
    edition,
    chapters: toPlanned(listChapterFiles(contentDir, edition.id)),
  }));
  let answered: Set<string>;
  try {
    answered = new Set(planRoutes(planned).map((route) => route.path));
  } catch {
    // Redirects that clash are refused at the chapters that declare them.
    return [];
  }
  const lines = text.split('\n');
  const problems: GateProblem[] = [];
  lines.forEach((line, index) => {
    const url = line.trim();
    if (!url || url.startsWith('#') || answered.has(url)) return;
    const column = line.indexOf(url) + 1;
    problems.push({
      ruleId: 'chapter-files',
      line: index + 1,
      column,
      endLine: index + 1,
      endColumn: column + url.length,
      message: `Unexpected loss of the published address "${url}", expected it to keep answering (readers and onboarding links may use it): restore the chapter file in its edition folder, or, if the chapter was renamed, add the old path to redirectFrom in the chapter that replaces it`,
    });
  });
  return problems.length > 0 ? [{ file, problems }] : [];
}
