/**
 * Zod schemas for everything an editor writes: chapter frontmatter, sections, the glossary, the
 * phrases to avoid and the edition manifest. The site (content.config.ts), the checker and the
 * scripts all validate with these, so a value is allowed in one place exactly when it is allowed
 * in all of them. Messages name the allowed values because editors read them, not developers.
 */
import { z } from 'astro/zod';
import { DEFAULT_VOCABULARY, idsOf, vocabularyNote, type Vocabulary, type VocabularyList } from './vocabulary.ts';
import { standardFieldProblems, standardsFieldFor } from './standards.ts';

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** An enum whose error message lists what is allowed and echoes what was found. */
function closedList<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a known ${what}; use one of ${quoted(values)}`,
  });
}

/**
 * One of a vocabulary list's ids. The message lists the allowed values and, when they came from
 * vocabulary.yaml, says so: that is where an editor adds a new one.
 */
function vocabularyValue(vocabulary: Vocabulary, list: VocabularyList, what: string) {
  const values = idsOf(vocabulary, list);
  const message = (input: unknown) =>
    input === undefined
      ? `is required: the ${what}, one of ${quoted(values)}${vocabularyNote(vocabulary, list)}`
      : `${JSON.stringify(input)} is not a known ${what}; use one of ${quoted(values)}${vocabularyNote(vocabulary, list)}`;
  return z.string({ error: (issue) => message(issue.input) }).refine((value) => values.includes(value), { error: (issue) => message(issue.input) });
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** A chapter path below an edition folder, such as `procedures/telephone`. */
export const chapterSlug = z.string().regex(slugPattern, {
  error: 'must be a lowercase path like "procedures/telephone" (letters, digits, hyphens, slashes)',
});

/**
 * An old address a chapter answers to: path parts of letters, digits, spaces and `-_.~()`, without
 * the slashes around it. Wider than a chapter's own address, so that the addresses of a handbook
 * published before (with capitals or underscores) keep working after an import.
 */
export const oldPath = z.string().regex(/^[\p{L}\p{N}_~()-][\p{L}\p{N} ._~()-]*(?:\/[\p{L}\p{N}_~()-][\p{L}\p{N} ._~()-]*)*$/u, {
  error: 'must be a path like "procedures/telephone" without slashes around it (letters, digits, spaces, hyphens, underscores, dots)',
});

/** A `/go/<name>/` link name. */
export const shortLinkName = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'must be lowercase letters, digits and hyphens, for example "phone" or "first-week"',
});

const oneSentence = z
  .string({ error: 'is required: one sentence that says what the reader gets from the chapter' })
  .trim()
  .min(20, { error: 'is too short: write one full sentence (20 characters or more)' })
  .max(220, { error: 'is too long: keep it to one sentence of at most 220 characters' });

/**
 * A calendar date. YAML gives unquoted dates as Date objects and quoted ones as strings; both are
 * accepted, and anything else is reported with the value the editor wrote.
 */
const calendarDate = z.unknown().transform((value, ctx): Date => {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message:
      value === undefined
        ? 'is required: write the date as YYYY-MM-DD, for example 2026-01-15'
        : `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD, for example 2026-01-15`,
  });
  return z.NEVER;
});

/** The frontmatter schema of a handbook with this vocabulary. */
function buildChapterFrontmatter(vocabulary: Vocabulary) {
  return z
    .strictObject(
      {
        /** Shown as the page heading, in navigation and in search results. */
        title: z.string({ error: 'is required: the chapter title, in sentence case' }).trim().min(1, { error: 'must not be empty' }),
        /** One sentence: used on cards, as the meta description and in search results. */
        description: oneSentence,
        /** What kind of chapter this is, e.g. `procedure`. */
        type: vocabularyValue(vocabulary, 'types', 'chapter type'),
        /** The customer touchpoints the chapter applies to, e.g. `[telephone, email]`. */
        touchpoints: z.array(vocabularyValue(vocabulary, 'touchpoints', 'touchpoint')).default([]),
        /** Who should read it, e.g. `[frontline, phone-team]`. */
        audience: z
          .array(vocabularyValue(vocabulary, 'audiences', 'audience'), {
            error: (issue) =>
              issue.input === undefined
                ? `is required: who should read the chapter, a list such as [${idsOf(vocabulary, 'audiences')[0] ?? 'frontline'}]`
                : `must be a list of audiences, such as [${idsOf(vocabulary, 'audiences')[0] ?? 'frontline'}]`,
          })
          .min(1, { error: `needs at least one audience; use any of ${quoted(idsOf(vocabulary, 'audiences'))}${vocabularyNote(vocabulary, 'audiences')}` }),
        /** The team that keeps this chapter true, e.g. `Customer Contact Team`. */
        owner: z.string({ error: 'is required: the team that keeps this chapter true' }).trim().min(2, { error: 'must name a team' }),
        /** When the chapter was last reviewed, e.g. `2026-01-15`. */
        reviewed: calendarDate,
        /** How many months a review stays valid. */
        reviewEvery: z
          .number({ error: 'must be a whole number of months, for example 12' })
          .int({ error: 'must be a whole number of months, for example 12' })
          .min(1, { error: 'must be at least 1 month' })
          .max(60, { error: 'must be at most 60 months' })
          .default(12),
        /** Position inside its section; lower comes first. */
        order: z.number({ error: 'must be a number that sets the position inside the section, for example 1' }).default(100),
        /**
         * Old chapter paths that should keep working, e.g. `[procedures/phone]`. Any old address may
         * forward, including ones a tool before Charter published (`benefits/stateFMLA`).
         */
        redirectFrom: z.array(oldPath).default([]),
        /** A short, stable link for onboarding: `phone` gives `/go/phone/`. */
        shortLink: shortLinkName.optional(),
        /**
         * The measurable standards this chapter explains (lib/standards.ts), e.g. `[{ id: phone-answer,
         * measure: time to answer, target: { value: 3, unit: rings }, statement: "We answer every call by {target}." }]`.
         */
        standards: standardsFieldFor(vocabularyValue(vocabulary, 'touchpoints', 'touchpoint')),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed fields are title, description, type, touchpoints, audience, owner, reviewed, reviewEvery, order, redirectFrom, shortLink, standards`
            : undefined,
      },
    )
    .superRefine((data, ctx) => {
      // A standard's defaults come from the chapter's other fields, which its own schema cannot see.
      for (const problem of standardFieldProblems(data)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: undefined });
    });
}

const frontmatterSchemas = new WeakMap<Vocabulary, ReturnType<typeof buildChapterFrontmatter>>();

/** The frontmatter schema for a vocabulary (built once per vocabulary). */
export function chapterFrontmatterFor(vocabulary: Vocabulary) {
  let schema = frontmatterSchemas.get(vocabulary);
  if (!schema) frontmatterSchemas.set(vocabulary, (schema = buildChapterFrontmatter(vocabulary)));
  return schema;
}

/** The frontmatter schema of a handbook without a vocabulary.yaml. */
export const chapterFrontmatter = chapterFrontmatterFor(DEFAULT_VOCABULARY);
export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;

export const section = z.strictObject({
  /** The folder name below an edition, e.g. `procedures`. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a lowercase folder name, e.g. "procedures"' }),
  title: z.string().min(1),
  /** A short paragraph that helps a new hire decide whether to read on. */
  intro: z.string().min(1),
  order: z.number(),
});
export type Section = z.infer<typeof section>;

const examples = z
  .strictObject({
    /** Sentences the checker must flag. */
    flag: z.array(z.string()).default([]),
    /** Sentences the checker must leave alone. */
    pass: z.array(z.string()).default([]),
  })
  .default({ flag: [], pass: [] });

export const glossaryEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be kebab-case, e.g. "live-chat"' }),
  /** The preferred term as written in running text. */
  term: z.string().min(1),
  definition: z.string().min(1),
  variants: z.array(z.strictObject({ text: z.string().min(1), reason: z.string().min(1) })).default([]),
  examples,
  /** The chapter that explains the term, as a site path. */
  chapter: z.string().startsWith('/').optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

export const phraseToAvoid = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  phrase: z.string().min(1),
  instead: z.string().min(1),
  reason: z.string().min(1),
  examples,
});
export type PhraseToAvoid = z.infer<typeof phraseToAvoid>;

export const searchPhrase = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What staff type, e.g. "money back". */
  phrase: z.string().min(1),
  /** The handbook's words for it, e.g. "refund". */
  means: z.string().min(1),
});
export type SearchPhrase = z.infer<typeof searchPhrase>;

/** A reading path's schema, for a vocabulary's audiences. */
export function readingPathFor(vocabulary: Vocabulary) {
  return z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case, e.g. "frontline-first-week"' }),
    title: z.string().min(1),
    audience: z.array(vocabularyValue(vocabulary, 'audiences', 'audience')).min(1),
    /** A paragraph that tells the new hire what the path is for. */
    intro: z.string().min(1),
    /** A short link for the whole path: `first-week` gives `/go/first-week/`. */
    shortLink: shortLinkName.optional(),
    steps: z
      .array(
        z.strictObject({
          /** A chapter path, optionally with a section: `procedures/telephone#our-standard`, `procedures/phone/hold`. */
          chapter: z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*(?:#[^\s#]+)?$/, {
            error: 'must be a chapter path like "procedures/telephone" or "procedures/phone/hold", optionally with "#section"',
          }),
          /** Why this step matters, or what to look out for. */
          note: z.string().optional(),
        }),
      )
      .min(1, { error: 'needs at least one step' }),
  });
}

export const readingPath = readingPathFor(DEFAULT_VOCABULARY);
export type ReadingPath = z.infer<typeof readingPath>;

export const EDITION_STATUSES = ['current', 'archived', 'draft'] as const;

export const edition = z.strictObject({
  /** `YYYY.N` for released editions, `draft` for the next one. */
  id: z.string().regex(/^(\d{4}\.\d+|draft)$/, {
    error: 'must look like 2026.1 (year, dot, number), or be "draft"',
  }),
  title: z.string().min(1),
  status: closedList(EDITION_STATUSES, 'edition status'),
  released: z.optional(calendarDate),
  notes: z.string().default(''),
  /**
   * Changes made to an archived edition after it was frozen, so the checker's archived-frozen rule
   * lets them through, e.g. `{ file: procedures/telephone.mdx, date: 2026-03-02, note: Fixed the
   * phone extension }`. `file` is the path below the edition folder.
   */
  corrections: z
    .array(
      z.strictObject({
        file: z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*\.mdx?$/, {
          error: 'must be a chapter file below the edition folder, e.g. "procedures/telephone.mdx"',
        }),
        date: calendarDate,
        note: z.string().trim().min(1, { error: 'must say what was corrected and why' }),
      }),
    )
    .optional(),
});
export type Edition = z.infer<typeof edition>;
