/**
 * Turns "replace these characters of a prose span with that text" into source edits that keep the
 * Markdown valid. Where the words sit in one stretch of source ("web site", or "web" and "site" on
 * two lines) it is one edit. Where markup splits them ("*web* site"), the first part takes the
 * whole replacement and the other parts are deleted ("*website*"); a part that was all of an
 * emphasis or link is deleted with its markup, so no empty `**` is left behind.
 */
import type { Parent } from 'mdast';
import type { Edit } from '../types.ts';
import type { ProseSpan, TextOrigin } from './prose-spans.ts';

interface Run {
  start: number;
  end: number;
  origins: Set<TextOrigin>;
}

/** Source edits that put `replacement` in place of `span.text.slice(start, end)`. */
export function editsForReplacement(source: string, span: ProseSpan, start: number, end: number, replacement: string): Edit[] {
  const runs = sourceRuns(source, span, start, end);
  const [first, ...rest] = runs;
  if (!first) return [];
  return [{ start: first.start, end: first.end, text: replacement }, ...rest.map((run) => deletion(run))];
}

/** Stretches of source holding the characters, split wherever markup lies between two of them. */
function sourceRuns(source: string, span: ProseSpan, start: number, end: number): Run[] {
  const runs: Run[] = [];
  for (let index = start; index < end; index++) {
    const place = span.chars[index];
    if (!place) continue;
    const origin = span.origins[index];
    const current = runs.at(-1);
    // Only line breaks, indentation and blockquote markers between: still one stretch.
    if (current && /^[\s>]*$/.test(source.slice(current.end, place.start))) {
      current.end = Math.max(current.end, place.end);
      if (origin) current.origins.add(origin);
    } else {
      runs.push({ start: place.start, end: place.end, origins: new Set(origin ? [origin] : []) });
    }
  }
  return runs;
}

/** Deletes a run, together with the emphasis, strong text or link it fills entirely. */
function deletion(run: Run): Edit {
  const [origin, ...others] = run.origins;
  if (!origin || others.length > 0) return { start: run.start, end: run.end, text: '' };
  const text = origin.node.position;
  if (!text || text.start.offset !== run.start || text.end.offset !== run.end) return { start: run.start, end: run.end, text: '' };
  let range = { start: run.start, end: run.end };
  let only: Parent | typeof origin.node = origin.node;
  for (const ancestor of [...origin.ancestors].reverse()) {
    if (ancestor.children.length !== 1 || ancestor.children[0] !== only) break;
    const position = ancestor.position;
    if (position?.start.offset === undefined || position.end.offset === undefined) break;
    range = { start: position.start.offset, end: position.end.offset };
    only = ancestor;
  }
  return { ...range, text: '' };
}
