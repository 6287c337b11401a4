/**
 * What a PDF of an edition holds, and where its files live in the built site. The build writes the
 * plan of each edition (its sections and chapters in reading order, the words of the cover and the
 * footer) beside the edition's PDFs, from the same reading of the content the pages come from, so
 * that `charter pdf` prints exactly the pages that were built, in the site's order and language.
 */
import { z } from 'astro/zod';
import type { Edition } from '../schemas.ts';

/** The folder of the built site that holds the PDFs, one folder per edition: `/pdf/<edition>/`. */
export const PDF_FOLDER = 'pdf';

/** Where an edition's plan is written, below the built site's folder (and so below the base). */
export const planFile = (edition: string): string => `${PDF_FOLDER}/${edition}/contents.json`;
/** The whole edition in one PDF. */
export const editionPdfFile = (edition: string): string => `${PDF_FOLDER}/${edition}/handbook.pdf`;
/** One section of an edition. */
export const sectionPdfFile = (edition: string, section: string): string => `${PDF_FOLDER}/${edition}/sections/${section}.pdf`;

/**
 * Which editions the build prints as PDFs (the config's `pdf`): none, the current one, every
 * released one (current and archived), or all of them, the draft too.
 */
export const PDF_SETTINGS = ['off', 'current', 'released', 'all'] as const;
export type PdfSetting = (typeof PDF_SETTINGS)[number];

export function editionsToPrint<E extends Pick<Edition, 'id' | 'status'>>(setting: PdfSetting | undefined, editions: readonly E[]): E[] {
  switch (setting ?? 'off') {
    case 'current':
      return editions.filter((e) => e.status === 'current');
    case 'released':
      return editions.filter((e) => e.status !== 'draft');
    case 'all':
      return [...editions];
    default:
      return [];
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' });
/** A path of the built site below its base, as its pages are found in the output folder: `2026.1/procedures/telephone/`. */
const sitePath = z.string().regex(/^(?:[A-Za-z0-9._~-]+\/)+$/, { error: 'must be a path below the base ending in "/"' });

const plannedChapter = z.strictObject({ slug: z.string().min(1), title: z.string().min(1), path: sitePath });

export const printPlanSchema = z.strictObject({
  /** Changed when the plan's shape changes, so that an old build is rebuilt rather than misread. */
  format: z.literal(1),
  lang: z.string().min(1),
  organization: z.string().min(1),
  title: z.string().min(1),
  /** The base the site was built for: its pages link below it. */
  base: z.string().regex(/^\/(?:[^/]+\/)*$/),
  /** The site's origin, when the config names one: links to pages outside the PDF go there. */
  site: z.string().optional(),
  edition: z.strictObject({ id: z.string().min(1), title: z.string().min(1), status: z.enum(['draft', 'current', 'archived']) }),
  /** The date the PDF carries, on its cover and in its metadata: the release date, or for the draft the newest review of its chapters. */
  date: isoDate,
  strings: z.strictObject({
    /** The cover's line under the title, e.g. "Edition 2026.1, released 1 February 2026". */
    cover: z.string().min(1),
    contents: z.string().min(1),
    /** The footer; `{page}` and `{pages}` stand for the page's number and the number of pages. */
    footer: z.string().min(1),
  }),
  /** The edition's charter page, printed after the contents, when the site has one. */
  charter: z.strictObject({ title: z.string().min(1), path: sitePath }).optional(),
  sections: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1), chapters: z.array(plannedChapter).min(1) })).min(1),
});

export type PrintPlan = z.output<typeof printPlanSchema>;
export type PlannedSection = PrintPlan['sections'][number];
