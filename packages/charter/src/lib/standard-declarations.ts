/**
 * The standards a chapter's text declares, with where each is written: for the checks that read an
 * edition's standards from its files (the edition index, the standard-consistency rule), which
 * must point at a declaration by file, line and column. Declarations the schema refuses are left
 * out here: the frontmatter check reports them, and nothing is checked against a value it refused.
 */
import { z } from 'astro/zod';
import { pointAt } from '../gate/problem.ts';
import { chapterSlug } from './chapter-files.ts';
import { locateFrontmatter, nodeRange, yamlNodeAt, type LocatedFrontmatter } from './frontmatter.ts';
import { standardDeclarationFor, standardsOfEdition, type EditionStandard } from './standards.ts';

/** A place in a chapter's text, 1-based as the checker reports it. */
export interface TextPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A standard as an edition's files declare it. */
export interface DeclaredStandard extends EditionStandard {
  /** The declaring chapter's file below the edition folder, e.g. `procedures/telephone.mdx`. */
  file: string;
  /** The declaration (its list item) in that file. */
  place: TextPlace;
  /** Its `target:` in that file. */
  targetPlace: TextPlace;
}

// Touchpoints are checked against the vocabulary by the frontmatter schema; here any id is read.
const declaration = standardDeclarationFor(z.string());

/** Whether a chapter's text may declare standards at all: a cheap test before reading its YAML. */
export function mayDeclareStandards(source: string): boolean {
  return /^standards:/m.test(source);
}

/** The standards a chapter file declares (`file` below the edition folder), in order. */
export function declaredStandardsOf(source: string, file: string): DeclaredStandard[] {
  if (!mayDeclareStandards(source)) return [];
  const frontmatter = locateFrontmatter(source);
  const data = frontmatter.data ?? {};
  const list = Array.isArray(data['standards']) ? (data['standards'] as unknown[]) : [];
  const touchpoints = Array.isArray(data['touchpoints']) ? data['touchpoints'].filter((t): t is string => typeof t === 'string') : [];
  const owner = typeof data['owner'] === 'string' ? data['owner'] : '';
  const title = typeof data['title'] === 'string' ? data['title'] : chapterSlug(file);
  const declared: DeclaredStandard[] = [];
  list.forEach((item, index) => {
    const parsed = declaration.safeParse(item);
    if (!parsed.success) return;
    // Without a touchpoint of its own, a standard needs a chapter with exactly one (the schema says so).
    if (parsed.data.touchpoint === undefined && touchpoints.length !== 1) return;
    const [standard] = standardsOfEdition([{ slug: chapterSlug(file), title, data: { touchpoints, owner, standards: [parsed.data] } }]);
    declared.push({
      ...standard!,
      index,
      file,
      place: placeOf(source, frontmatter, ['standards', index]),
      targetPlace: placeOf(source, frontmatter, ['standards', index, 'target']),
    });
  });
  return declared;
}

function placeOf(source: string, frontmatter: LocatedFrontmatter, path: PropertyKey[]): TextPlace {
  const node = yamlNodeAt(frontmatter, path);
  const range = (node && nodeRange(frontmatter, node)) ?? frontmatter.block;
  const start = pointAt(source, range.start);
  // A block list item's range runs to the next line; the place ends where its text does.
  const end = pointAt(source, source.slice(range.start, range.end).trimEnd().length + range.start);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
