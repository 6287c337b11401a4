/**
 * The bodies the endpoint accepts (design of #19): a confirmation that a reader has read an edition
 * of a chapter, and a search that found nothing. The reader is never part of a body: the sign-in
 * proxy names them in a header. Each refusal says which field is wrong and what is allowed, so the
 * browser's author (or whoever replays a request by hand) can act on the 400 alone.
 */
import { z } from 'astro/zod';
import { isValidSlug } from '../chapter-files.ts';
import { edition } from '../schemas.ts';
import { describeIssue } from '../validation.ts';

/** Longest query kept: a search box's text, not a paragraph pasted into it. */
export const MAX_QUERY_LENGTH = 200;

const editionId = z.string({ error: 'must be a string, an edition id such as "2026.1"' }).pipe(edition.shape.id);

/** Fields a body may not have, named with the ones it may: the reader in particular is the proxy's to say. */
function unknownFields(allowed: string) {
  return (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys!.length > 1 ? 's' : ''} ${issue.keys!.map((key) => JSON.stringify(key)).join(', ')}: the body holds ${allowed}${issue.keys!.includes('reader') ? ' (the reader comes from the sign-in proxy, never from the body)' : ''}`
      : undefined;
}

export const ackRequest = z.strictObject(
  {
    /** The chapter's path below the edition folder, without extension: `procedures/telephone`. */
    chapter: z.string({ error: 'must be a string, the chapter\'s path such as "procedures/telephone"' }).refine(isValidSlug, {
      error: 'must be a chapter path in lowercase letters, digits and hyphens, such as "procedures/telephone"',
    }),
    edition: editionId,
    /** sha-256 of the chapter's source text as built, in hex. */
    hash: z
      .string({ error: 'must be a string of 64 hexadecimal digits (the sha-256 of the chapter as built)' })
      .regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hexadecimal digits (the sha-256 of the chapter as built)' })
      .transform((hex) => hex.toLowerCase()),
    /** The reading path the confirmation was given from, if any. */
    path: z
      .string({ error: 'must be a string, a reading path id such as "frontline-first-week"' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a reading path id in kebab-case, such as "frontline-first-week"' })
      .optional(),
  },
  { error: unknownFields('chapter, edition, hash and optionally path') },
);
export type AckRequest = z.infer<typeof ackRequest>;

export const searchGapRequest = z.strictObject(
  {
    query: z
      .string({ error: 'must be a string, the words the reader searched for' })
      .transform((text) => text.trim().replace(/\s+/g, ' '))
      .pipe(
        z
          .string()
          .min(1, { error: 'must hold at least one character besides spaces' })
          .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` }),
      ),
    edition: editionId,
  },
  { error: unknownFields('query and edition') },
);
export type SearchGapRequest = z.infer<typeof searchGapRequest>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The request's JSON text checked against a schema: the value, or every problem in one sentence. */
export function parseRequestBody<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the body is not valid JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: `the body must be a JSON object, not ${json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues.map((issue) => describeIssue(issue as never)).join('; ') };
}
