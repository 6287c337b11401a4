/**
 * A deterministic synthetic handbook for benchmarks: N chapters in 20 sections (or as many as asked), E editions, about
 * 5% of chapters changed from one edition to the next. Plain Markdown in MDX files with headings,
 * lists, tables and links between chapters of the same edition, about 1,150 words each. It is
 * written to a folder of its own (used through HANDBOOK_CONTENT_DIR), never into src/content.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from '../support/random.ts';

export interface CorpusOptions {
  chapters: number;
  editions: number;
  seed?: number;
  /** Share of chapters whose text changes in each newer edition. */
  changeRate?: number;
  /** Sections the chapters are dealt into, in turn; SECTION_COUNT unless given. */
  sections?: number;
}

export const SECTION_COUNT = 20;

const SUBJECTS = ['The customer', 'Every colleague', 'The team lead', 'A caller', 'The site team', 'Our email desk', 'The mail room', 'A new colleague'];
const VERBS = ['expects', 'notices', 'remembers', 'deserves', 'asks for', 'values', 'looks for', 'relies on'];
const OBJECTS = [
  'a clear answer within one working day',
  'a friendly greeting at the counter',
  'an update while on hold',
  'a confirmation of what we agreed',
  'the same standard at every site',
  'a named contact for the follow-up',
  'honest information about delivery times',
  'a quick hand-over without repeating the story',
];
const TAILS = ['', ' when the order is late', ' before the end of the day', ' at every touchpoint', ' even on a busy morning', ' whatever the channel'];
const TOPICS = ['Orders', 'Deliveries', 'Returns', 'Invoices', 'Accounts', 'Quotes', 'Stock', 'Warranty', 'Collections', 'Samples'];
const SECTION_WORDS = ['intake', 'orders', 'billing', 'logistics', 'support', 'quality', 'sites', 'contact', 'returns', 'accounts'];

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;

function sentence(rnd: () => number): string {
  return `${pick(SUBJECTS, rnd)} ${pick(VERBS, rnd)} ${pick(OBJECTS, rnd)}${pick(TAILS, rnd)}.`;
}

function paragraph(rnd: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rnd)).join(' ');
}

export function sectionId(i: number): string {
  return `${SECTION_WORDS[i % SECTION_WORDS.length]}-${Math.floor(i / SECTION_WORDS.length) + 1}`;
}

export function chapterSlug(i: number, sections = SECTION_COUNT): string {
  return `${sectionId(i % sections)}/topic-${String(i + 1).padStart(5, '0')}`;
}

/** The text of chapter `i` in a given revision (revision 0 is the first edition's text). */
export function chapterText(i: number, total: number, revision: number, seed: number, sections = SECTION_COUNT): string {
  const rnd = random(seed * 1_000_003 + i * 7919 + revision * 104_729);
  const topic = `${pick(TOPICS, rnd)} ${i + 1}`;
  const link = (j: number) => `[${TOPICS[j % TOPICS.length]} ${j + 1}](/${chapterSlug(j, sections)}/)`;
  const others = [1, 2, 3].map((k) => (i + k * 37) % total).filter((j) => j !== i);
  const parts = [
    '---',
    `title: ${topic}`,
    `description: How we handle ${topic.toLowerCase()} so every customer gets the same prompt and friendly service.`,
    'type: guide',
    'touchpoints: [telephone, email]',
    'audience: [frontline]',
    'owner: Service Standards Team',
    'reviewed: 2026-01-15',
    `order: ${i + 1}`,
    '---',
    '',
    paragraph(rnd, 6),
    '',
    '## Why it matters',
    '',
    paragraph(rnd, 8),
    '',
    paragraph(rnd, 7),
    '',
    '## What we promise',
    '',
    ...Array.from({ length: 5 }, () => `- ${sentence(rnd)}`),
    '',
    '## How to do it',
    '',
    ...Array.from({ length: 6 }, (_, k) => `${k + 1}. ${sentence(rnd)}`),
    '',
    '### When it gets busy',
    '',
    paragraph(rnd, 8),
    '',
    '## Times we keep',
    '',
    '| Situation | Standard | Owner |',
    '| --- | --- | --- |',
    ...Array.from(
      { length: 5 },
      (_, k) => `| ${pick(TOPICS, rnd)} case ${k + 1} | Within ${1 + Math.floor(rnd() * 4)} working days | ${pick(SUBJECTS, rnd).replace('The ', '')} |`,
    ),
    '',
    '## Related chapters',
    '',
    `Read ${others.map(link).join(', ')} next.`,
    '',
    paragraph(rnd, 9),
    '',
    paragraph(rnd, 9),
    '',
  ];
  return parts.join('\n');
}

/**
 * Which revision of each chapter an edition has: each newer edition changes about `changeRate`
 * of the chapters (a fresh, seeded choice per edition).
 */
export function revisions(total: number, editions: number, changeRate: number, seed: number): number[][] {
  const result: number[][] = [Array.from({ length: total }, () => 0)];
  for (let e = 1; e < editions; e++) {
    const rnd = random(seed + e * 31);
    const previous = result[e - 1]!;
    result.push(previous.map((rev) => (rnd() < changeRate ? rev + 1 : rev)));
  }
  return result;
}

export function editionIds(editions: number): string[] {
  return Array.from({ length: editions }, (_, e) => (e === editions - 1 ? 'draft' : `${2020 + e}.1`));
}

/** Writes the corpus into `dir` (a new content folder) and returns what it wrote. */
export function writeCorpus(dir: string, options: CorpusOptions, sharedDataDir: string): { files: number; editions: string[] } {
  const { chapters, editions } = options;
  const sectionCount = options.sections ?? SECTION_COUNT;
  const seed = options.seed ?? 1;
  const ids = editionIds(editions);
  const revs = revisions(chapters, editions, options.changeRate ?? 0.05, seed);
  let files = 0;
  ids.forEach((id, e) => {
    for (let i = 0; i < chapters; i++) {
      const file = path.join(dir, 'editions', id, `${chapterSlug(i, sectionCount)}.mdx`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, chapterText(i, chapters, revs[e]![i]!, seed, sectionCount));
      files++;
    }
  });
  const manifest = ids.map((id, e) =>
    [
      `- id: "${id}"`,
      `  title: ${id === 'draft' ? 'Next edition (draft)' : `Edition ${id}`}`,
      `  status: ${id === 'draft' ? 'draft' : e === editions - 2 || editions === 1 ? 'current' : 'archived'}`,
      ...(id === 'draft' ? [] : [`  released: ${2020 + e}-02-01`]),
    ].join('\n'),
  );
  if (editions === 1) manifest[0] = manifest[0]!.replace('status: draft', 'status: current');
  writeFileSync(path.join(dir, 'editions.yaml'), `${manifest.join('\n')}\n`);
  const sections = Array.from(
    { length: sectionCount },
    (_, s) => `- id: ${sectionId(s)}\n  title: Section ${s + 1}\n  intro: Chapters about ${SECTION_WORDS[s % SECTION_WORDS.length]}.\n  order: ${s + 1}`,
  );
  writeFileSync(path.join(dir, 'sections.yaml'), `${sections.join('\n')}\n`);
  for (const name of ['glossary.yaml', 'phrases.yaml', 'search-phrases.yaml']) {
    writeFileSync(path.join(dir, name), readFileSync(path.join(sharedDataDir, name)));
  }
  return { files, editions: ids };
}
