/**
 * The text of a new chapter, with valid frontmatter (in the handbook's vocabulary) and, for a kind
 * of chapter with required sections (procedures, by default), those sections in order.
 */
import { DEFAULT_VOCABULARY, idsOf, sectionsOf, type Vocabulary } from './vocabulary.ts';

/** `<section>/<slug>` or deeper (`<section>/<folder>/<slug>`), in lowercase letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** `procedures/social-media` → `Social media`. */
export function titleFromSlug(slug: string): string {
  const name = slug.split('/').at(-1)!.replaceAll('-', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function isChapterType(value: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): boolean {
  return idsOf(vocabulary, 'types').includes(value);
}

/** The type `charter new` uses without --type: "guide" when the vocabulary has it, else its first type. */
export function defaultChapterType(vocabulary: Vocabulary): string {
  const types = idsOf(vocabulary, 'types');
  return types.includes('guide') ? 'guide' : types[0]!;
}

export interface ScaffoldOptions {
  slug: string;
  type: string;
  today: Date;
  order: number;
  vocabulary?: Vocabulary;
}

export function scaffoldChapter({ slug, type, today, order, vocabulary = DEFAULT_VOCABULARY }: ScaffoldOptions): string {
  // Everyone, when the vocabulary has it; otherwise its first audience, for the editor to change.
  const audiences = idsOf(vocabulary, 'audiences');
  const audience = audiences.includes('all-staff') ? 'all-staff' : audiences[0]!;
  const sections = sectionsOf(vocabulary, type);
  const title = titleFromSlug(slug);
  const frontmatter = [
    '---',
    `title: ${title}`,
    `description: What a reader learns from the ${title.toLowerCase()} chapter, in one sentence.`,
    `type: ${type}`,
    'touchpoints: []',
    `audience: [${audience}]`,
    'owner: Service Standards Team',
    `reviewed: ${today.toISOString().slice(0, 10)}`,
    'reviewEvery: 12',
    `order: ${order}`,
    'redirectFrom: []',
    '---',
    '',
  ];
  const body = sections
    ? sections.flatMap((heading) => [`## ${heading}`, '', sectionHint(heading), ''])
    : ['Start with a short paragraph that tells the reader why this chapter matters to them.', '', '## First section', '', 'Write the first section here.', ''];
  return [...frontmatter, ...body].join('\n');
}

function sectionHint(heading: string): string {
  switch (heading) {
    case 'When this applies':
      return 'Say which contacts this procedure covers, and which it does not.';
    case 'Our standard':
      return '- Write each promise so it can be measured, for example a time or a number.';
    case 'Steps':
      return '<Steps>\n\n1. Write the first step.\n2. Write the next step.\n\n</Steps>';
    case 'What to say':
      return '<SayThis context="When you start">\n\nWrite the words a colleague can say.\n\n</SayThis>';
    case 'If something goes wrong':
      return 'Say who to ask for help and how to put things right.';
    case 'Checklist':
      return '<Checklist>\n\n- Write the first thing to check.\n\n</Checklist>';
    default:
      return 'Write this section here.';
  }
}
