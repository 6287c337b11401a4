/**
 * Service standards as data: the measurable promises a chapter declares in its frontmatter
 * (`standards:`), such as "we answer every call by the third ring". A standard belongs to the
 * chapter that explains it, so it is part of each edition, carried and redlined with its chapter,
 * and validated by the frontmatter schema with located errors.
 *
 *   standards:
 *     - id: phone-answer              # unique in the edition; <Standard id="phone-answer" /> states it
 *       touchpoint: telephone         # defaults to the chapter's touchpoint when it has exactly one
 *       measure: time to answer       # a standard's identity is (touchpoint, measure)
 *       target: { value: 3, unit: rings }
 *       condition: during opening hours
 *       owner: Customer Contact Team  # defaults to the chapter's owner
 *       statement: We answer every call by {target}.   # {target} → "the third ring"
 *       phrasings: ["pick up by {target}"]             # more ways prose states it, for the checker
 *       internal: Measured on the switchboard report.  # never shown in the customer charter
 *
 * This module is pure (no file system): the schema, the collection of an edition's standards with
 * the chapter that declares each, a target in words, targets compared in a common unit, and the
 * comparison of two editions' standards.
 */
import { z } from 'astro/zod';

/** The units a target is measured in. */
export const STANDARD_UNITS = ['rings', 'seconds', 'minutes', 'hours', 'working-hours', 'working-days', 'days', 'percent'] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

/** The placeholder in a statement or phrasing where the target's value goes. */
export const TARGET_PLACEHOLDER = '{target}';

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

const standardId = z.string({ error: 'is required: a kebab-case id such as "phone-answer", unique in the edition' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a kebab-case id; write lowercase letters, digits and single hyphens, such as "phone-answer"`,
});

const text = (required: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${required}` : `must be text: ${required}`) })
    .trim()
    .min(1, { error: `must not be empty: ${required}` });

/** A sentence with `{target}` where the value goes. */
const withPlaceholder = (what: string, example: string) =>
  text(what).refine((value) => value.includes(TARGET_PLACEHOLDER), {
    error: `must contain ${TARGET_PLACEHOLDER} where the value goes, for example "${example}"`,
  });

export const standardTarget = z.strictObject(
  {
    /** How many of the unit, e.g. `3` (rings) or `30` (seconds). */
    value: z
      .number({ error: 'must be a number, for example 3 or 30' })
      .positive({ error: 'must be more than 0' })
      .refine((value) => Number.isFinite(value), { error: 'must be a finite number' }),
    /** One of rings, seconds, minutes, hours, working-hours, working-days, days, percent. */
    unit: z.enum(STANDARD_UNITS, {
      error: (issue) =>
        issue.input === undefined
          ? `is required: one of ${quoted(STANDARD_UNITS)}`
          : `${JSON.stringify(issue.input)} is not a known unit; use one of ${quoted(STANDARD_UNITS)}`,
    }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; a target has value and unit, for example { value: 3, unit: rings }`
        : issue.input === undefined
          ? 'is required: the value and unit, for example { value: 3, unit: rings }'
          : issue.code === 'invalid_type'
            ? 'must be a value and a unit, for example { value: 3, unit: rings }'
            : undefined,
  },
);
export type StandardTarget = z.infer<typeof standardTarget>;

const STANDARD_FIELDS = 'id, touchpoint, measure, target, condition, owner, statement, phrasings, internal';

/**
 * One standard's schema, for a vocabulary's touchpoints (`touchpoint` is the vocabulary's own
 * schema of a touchpoint id, made in schemas.ts, so the messages name the allowed ones).
 */
export function standardDeclarationFor(touchpoint: z.ZodType<string>) {
  return z.strictObject(
    {
      /** Unique in the edition, kebab-case: `<Standard id="phone-answer" />` states it. */
      id: standardId,
      /** The touchpoint it applies to; defaults to the chapter's touchpoint when it has exactly one. */
      touchpoint: touchpoint.optional(),
      /** What is measured, e.g. `time to answer`; one target per measure and touchpoint. */
      measure: text('what is measured, such as "time to answer"'),
      /** The promised value, e.g. `{ value: 3, unit: rings }`. */
      target: standardTarget,
      /** When the promise holds, e.g. `during opening hours`. */
      condition: text('when the standard holds, such as "during opening hours"').optional(),
      /** The team that keeps it; defaults to the chapter's owner. */
      owner: text('the team that keeps the standard').optional(),
      /** The sentence staff read, with {target} for the value: `We answer every call by {target}.` */
      statement: withPlaceholder('the sentence that states the standard, with {target} for the value', 'We answer every call by {target}.'),
      /** More ways chapters state it in their own words, for the checker: `["pick up by {target}"]`. */
      phrasings: z
        .array(withPlaceholder('a way the standard is stated, with {target} for the value', 'pick up by {target}'), {
          error: 'must be a list of phrasings, such as ["pick up by {target}"]',
        })
        .default([]),
      /** A note for staff that the customer-facing charter leaves out. */
      internal: text('a note for staff').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed fields of a standard are ${STANDARD_FIELDS}`
          : issue.code === 'invalid_type'
            ? 'must be a standard with id, measure, target and statement, for example { id: phone-answer, measure: time to answer, target: { value: 3, unit: rings }, statement: "We answer every call by {target}." }'
            : undefined,
    },
  );
}
export type StandardDeclaration = z.infer<ReturnType<typeof standardDeclarationFor>>;

/** The `standards:` field: a list of standards. */
export function standardsFieldFor(touchpoint: z.ZodType<string>) {
  return z.array(standardDeclarationFor(touchpoint), { error: 'must be a list of standards, each with id, measure, target and statement' }).default([]);
}

/** What the frontmatter holds that a standard's defaults come from. */
interface DeclaringFrontmatter {
  touchpoints: readonly string[];
  standards?: readonly StandardDeclaration[] | undefined;
}

/** A problem between a chapter's standards and its other fields, at the path it concerns. */
export interface StandardFieldProblem {
  path: (string | number)[];
  message: string;
}

/**
 * What the schema of one standard cannot see: a standard without a touchpoint needs a chapter with
 * exactly one, and an id is used once in the chapter (across chapters, see structure.ts).
 */
export function standardFieldProblems(data: DeclaringFrontmatter): StandardFieldProblem[] {
  const problems: StandardFieldProblem[] = [];
  const seen = new Set<string>();
  (data.standards ?? []).forEach((standard, index) => {
    if (standard.touchpoint === undefined && data.touchpoints.length !== 1) {
      problems.push({
        path: ['standards', index],
        message:
          data.touchpoints.length === 0
            ? `needs a touchpoint: the chapter lists none, so write touchpoint: in standard "${standard.id}"`
            : `needs a touchpoint: the chapter lists ${data.touchpoints.length} (${data.touchpoints.join(', ')}), so write which one standard "${standard.id}" is for`,
      });
    }
    if (seen.has(standard.id)) {
      problems.push({ path: ['standards', index, 'id'], message: `"${standard.id}" is declared twice in this chapter; give each standard its own id` });
    }
    seen.add(standard.id);
  });
  return problems;
}

/** A chapter as standardsOfEdition needs it. */
export interface StandardsChapter {
  slug: string;
  title: string;
  data: DeclaringFrontmatter & { owner: string };
}

/** A standard of an edition, with its defaults filled in and the chapter that declares it. */
export interface EditionStandard {
  id: string;
  touchpoint: string;
  measure: string;
  target: StandardTarget;
  condition?: string | undefined;
  owner: string;
  /** As written, with {target}; `statementOf` gives the sentence with the value. */
  statement: string;
  phrasings: readonly string[];
  internal?: string | undefined;
  /** The declaring chapter: its address below the edition (`procedures/telephone`) and title. */
  chapter: { slug: string; title: string };
  /** Its place in the chapter's `standards:` list. */
  index: number;
}

/** Every standard of an edition's chapters, in the chapters' order and then in declaration order. */
export function standardsOfEdition(chapters: readonly StandardsChapter[]): EditionStandard[] {
  return chapters.flatMap((chapter) =>
    (chapter.data.standards ?? []).map((declared, index): EditionStandard => ({
      id: declared.id,
      // The schema refuses a standard without a touchpoint in a chapter without exactly one.
      touchpoint: declared.touchpoint ?? chapter.data.touchpoints[0] ?? '',
      measure: declared.measure,
      target: declared.target,
      condition: declared.condition,
      owner: declared.owner ?? chapter.data.owner,
      statement: declared.statement,
      phrasings: declared.phrasings ?? [],
      internal: declared.internal,
      chapter: { slug: chapter.slug, title: chapter.title },
      index,
    })),
  );
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A count as house style writes it: words up to nine, digits from 10 (and for fractions). */
export function countInWords(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 10 ? NUMBER_WORDS[value]! : String(value);
}

/** "first" … "tenth", then "11th", "22nd", "23rd". */
export function ordinalInWords(value: number): string {
  if (Number.isInteger(value) && value >= 0 && value <= 10) return ORDINAL_WORDS[value]!;
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

const UNIT_NAMES: Record<Exclude<StandardUnit, 'rings' | 'percent'>, [one: string, many: string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  'working-hours': ['working hour', 'working hours'],
  'working-days': ['working day', 'working days'],
  days: ['day', 'days'],
};

/**
 * A target in words, as `{target}` renders it: "the third ring", "30 seconds", "one working day",
 * "95%". Rings are counted as the ring by which a call is answered, so they read as an ordinal.
 */
export function formatTarget(target: StandardTarget): string {
  if (target.unit === 'rings') return `the ${ordinalInWords(target.value)} ring`;
  if (target.unit === 'percent') return `${target.value}%`;
  const [one, many] = UNIT_NAMES[target.unit];
  return `${countInWords(target.value)} ${target.value === 1 ? one : many}`;
}

/** A statement (or phrasing) with its `{target}` filled in. */
export function fillTarget(sentence: string, target: StandardTarget): string {
  return sentence.split(TARGET_PLACEHOLDER).join(formatTarget(target));
}

/** The sentence that states a standard, value included: "We answer every call by the third ring." */
export function statementOf(standard: Pick<EditionStandard, 'statement' | 'target'>): string {
  return fillTarget(standard.statement, standard.target);
}

/**
 * What a target measures and how much of it, in one unit per kind: rings, elapsed seconds (a day is
 * 24 hours), working hours, working days and percent. Working time is its own kind: how long a
 * working day is differs by organization, so "one working day" is neither "8 hours" nor "24 hours".
 */
export type TargetDimension = 'rings' | 'time' | 'working-hours' | 'working-days' | 'percent';

const SECONDS: Partial<Record<StandardUnit, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export function targetAmount(target: StandardTarget): { dimension: TargetDimension; amount: number } {
  const seconds = SECONDS[target.unit];
  if (seconds !== undefined) return { dimension: 'time', amount: target.value * seconds };
  return { dimension: target.unit as Exclude<TargetDimension, 'time'>, amount: target.value };
}

/**
 * A chapter's text with each `<Standard id="…" />` written out as the edition states it (the
 * sentence, or with `value` the value), for readers of the source that do not render components:
 * the redline of an edition's changes shows "by the fourth ring → by the third ring", not a tag.
 * A tag whose id the edition does not declare is left as it is (the build refuses it anyway).
 */
export function withStandardsStated(source: string, standards: readonly Pick<EditionStandard, 'id' | 'statement' | 'target'>[]): string {
  if (!source.includes('<Standard')) return source;
  return source.replace(/<Standard\b([^>]*?)\/>/g, (tag, attributes: string) => {
    const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(attributes);
    const standard = id && standards.find((s) => s.id === (id[1] ?? id[2] ?? id[3]));
    if (!standard) return tag;
    const valueOnly = /(?:^|\s)value(?:\s|$|=\s*\{\s*true\s*\})/.test(attributes);
    return valueOnly ? formatTarget(standard.target) : statementOf(standard);
  });
}

/** Whether two targets promise the same: 60 seconds is one minute; two working days are not 48 hours. */
export function sameTarget(a: StandardTarget, b: StandardTarget): boolean {
  const left = targetAmount(a);
  const right = targetAmount(b);
  return left.dimension === right.dimension && Math.abs(left.amount - right.amount) < 1e-9;
}

/** The identity of a measure: the same touchpoint and measure, whatever the case and spacing. */
export function measureKey(standard: Pick<EditionStandard, 'touchpoint' | 'measure'>): string {
  return `${standard.touchpoint}\u0000${standard.measure.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** How one edition's standards differ from the edition before. */
export interface StandardsComparison {
  /** The same standard (by id, or else by touchpoint and measure) with another target or condition. */
  changed: { before: EditionStandard; after: EditionStandard }[];
  added: EditionStandard[];
  removed: EditionStandard[];
}

/**
 * The standards that changed, were added or were removed between two editions. A standard is
 * matched by its id, and one whose id changed by its touchpoint and measure; it changed when its
 * target (compared in a common unit, so 60 seconds → one minute is no change) or its condition did.
 * A statement reworded around the same value is not news.
 */
export function compareStandards(before: readonly EditionStandard[], after: readonly EditionStandard[]): StandardsComparison {
  const unmatched = new Set(before);
  const pairs: { before: EditionStandard | undefined; after: EditionStandard }[] = after.map((standard) => {
    const match = before.find((old) => unmatched.has(old) && old.id === standard.id);
    if (match) unmatched.delete(match);
    return { before: match, after: standard };
  });
  for (const pair of pairs) {
    if (pair.before) continue;
    const match = before.find((old) => unmatched.has(old) && measureKey(old) === measureKey(pair.after) && !after.some((s) => s.id === old.id));
    if (match) {
      unmatched.delete(match);
      pair.before = match;
    }
  }
  const changed: StandardsComparison['changed'] = [];
  const added: EditionStandard[] = [];
  for (const pair of pairs) {
    if (!pair.before) added.push(pair.after);
    else if (!sameTarget(pair.before.target, pair.after.target) || (pair.before.condition ?? '') !== (pair.after.condition ?? '')) {
      changed.push({ before: pair.before, after: pair.after });
    }
  }
  return { changed, added, removed: before.filter((old) => unmatched.has(old)) };
}

/**
 * A change of standards in one line, for release notes: "Telephone, time to answer: the fourth
 * ring → the third ring", "Website, time to reply to a public comment: two working hours (new)".
 * `label` names a touchpoint as readers know it.
 */
export function describeStandardChanges(comparison: StandardsComparison, label: (touchpoint: string) => string): string[] {
  const what = (standard: EditionStandard) => `${label(standard.touchpoint)}, ${standard.measure}`;
  const value = (standard: EditionStandard) => `${formatTarget(standard.target)}${standard.condition ? ` ${standard.condition}` : ''}`;
  return [
    ...comparison.changed.map(({ before, after }) => `${what(after)}: ${value(before)} → ${value(after)}`),
    ...comparison.added.map((standard) => `${what(standard)}: ${value(standard)} (new)`),
    ...comparison.removed.map((standard) => `${what(standard)}: ${value(standard)} (removed)`),
  ];
}

/** Whether an edition's standards changed at all. */
export function hasStandardChanges(comparison: StandardsComparison): boolean {
  return comparison.changed.length + comparison.added.length + comparison.removed.length > 0;
}
