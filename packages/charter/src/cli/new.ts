/**
 * charter new <section>/<slug> [--type procedure] [--edition draft]
 * Creates a chapter with valid frontmatter in the draft (or the named edition). Refuses a bad
 * name, an unknown section or an existing chapter, and then writes nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../lib/content-dir.ts';
import { listChapterFiles, readManifest } from '../lib/content-files.ts';
import { readDataListOrRefuse } from '../lib/data-files.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { section as sectionSchema } from '../lib/schemas.ts';
import { defaultChapterType, isChapterType, scaffoldChapter, SLUG_PATTERN } from '../lib/scaffold.ts';
import { idsOf, vocabularyNote } from '../lib/vocabulary.ts';
import { CommandFailed, commandVocabulary } from './command.ts';

export const USAGE =
  'Usage: charter new <section>/<slug> [--type procedure] [--edition draft]   (for example: charter new procedures/social-media --type procedure)';

function fail(message: string, code = 1): never {
  throw new CommandFailed('new', message, code);
}

/** Creates the chapter; returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { type: { type: 'string' }, edition: { type: 'string' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [slugArg, ...extra] = parsed.positionals;
  if (!slugArg || extra.length > 0) fail(USAGE, 2);
  // `procedures/phone.md` asks for a Markdown chapter; anything else is MDX.
  const extension = slugArg.endsWith('.md') ? '.md' : '.mdx';
  const slug = slugArg.replace(/\.mdx?$/, '');
  if (!SLUG_PATTERN.test(slug)) {
    fail(
      `"${slugArg}" is not a chapter name. Use <section>/<slug> (or <section>/<folder>/<slug>) in lowercase letters, digits and hyphens, for example procedures/social-media.`,
    );
  }
  const contentDir = resolveContentDir();
  const vocabulary = commandVocabulary('new', contentDir);
  const type = parsed.values.type ?? defaultChapterType(vocabulary);
  if (!isChapterType(type, vocabulary))
    fail(`--type "${type}" is not a chapter type. Use one of: ${idsOf(vocabulary, 'types').join(', ')}${vocabularyNote(vocabulary, 'types')}.`);

  const manifest = readManifest(contentDir);
  const editionId = parsed.values.edition ?? manifest.find((e) => e.status === 'draft')?.id;
  const edition = manifest.find((e) => e.id === editionId);
  if (!edition) fail(`There is no edition "${editionId ?? 'draft'}" in editions.yaml. New chapters go into the draft; add one or pass --edition.`);
  if (edition.status === 'archived') fail(`Edition ${edition.id} is archived and frozen. Add new chapters to the draft.`);

  const section = slug.split('/')[0]!;
  const sections = readDataListOrRefuse(contentDir, 'sections.yaml', sectionSchema, { required: true, purpose: 'its list of sections' }).map((s) => s.id);
  if (!sections.includes(section)) fail(`"${section}" is not a section. Use one of: ${sections.join(', ')} (sections are listed in sections.yaml).`);

  const target = path.join(contentDir, 'editions', edition.id, `${slug}${extension}`);
  const taken = listChapterFiles(contentDir, edition.id).find((f) => f.slug === slug);
  if (taken) fail(`editions/${edition.id}/${taken.file} already exists. Choose another name, or edit that chapter.`);
  const siblings = listChapterFiles(contentDir, edition.id).filter((f) => f.slug.startsWith(`${section}/`));
  const order = Math.max(0, ...siblings.map((f) => Number(f.frontmatter.order) || 0)) + 1;

  writeFilesAtomically(new Map([[target, scaffoldChapter({ slug, type, today: new Date(), order, vocabulary })]]));
  console.log(
    `Created editions/${edition.id}/${slug}${extension} (${type}). Fill in the description, touchpoints, audience and owner, then preview with npm run dev.`,
  );
  return 0;
}
