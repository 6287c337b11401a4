/** The text of a new chapter, with valid frontmatter and, for procedures, the six sections. */
import { CHAPTER_TYPES, PROCEDURE_SECTIONS, type ChapterType } from './vocabulary.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `procedures/social-media` → `Social media`. */
export function titleFromSlug(slug: string): string {
  const name = slug.split('/').at(-1)!.replaceAll('-', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function isChapterType(value: string): value is ChapterType {
  return (CHAPTER_TYPES as readonly string[]).includes(value);
}

export interface ScaffoldOptions {
  slug: string;
  type: ChapterType;
  today: Date;
  order: number;
}

export function scaffoldChapter({ slug, type, today, order }: ScaffoldOptions): string {
  const title = titleFromSlug(slug);
  const frontmatter = [
    '---',
    `title: ${title}`,
    `description: What a reader learns from the ${title.toLowerCase()} chapter, in one sentence.`,
    `type: ${type}`,
    'touchpoints: []',
    'audience: [all-staff]',
    'owner: Service Standards Team',
    `reviewed: ${today.toISOString().slice(0, 10)}`,
    'reviewEvery: 12',
    `order: ${order}`,
    'redirectFrom: []',
    '---',
    '',
  ];
  const body =
    type === 'procedure'
      ? PROCEDURE_SECTIONS.flatMap((heading) => [`## ${heading}`, '', sectionHint(heading), ''])
      : ['Start with a short paragraph that tells the reader why this chapter matters to them.', '', '## First section', '', 'Write the first section here.', ''];
  return [...frontmatter, ...body].join('\n');
}

function sectionHint(heading: (typeof PROCEDURE_SECTIONS)[number]): string {
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
  }
}
