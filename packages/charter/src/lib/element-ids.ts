/**
 * Unique, repeatable element ids within one page. A counter kept on the page's render state gives
 * the same ids on every build (random ids would make two builds of one commit differ).
 */
const COUNTERS = Symbol.for('charter.elementIds');

export function nextElementId(pageState: object, prefix: string, suffix = 'tip'): string {
  const state = pageState as { [COUNTERS]?: Map<string, number> };
  const counters = (state[COUNTERS] ??= new Map<string, number>());
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return n === 1 ? `${prefix}-${suffix}` : `${prefix}-${suffix}-${n}`;
}

const TAKEN = Symbol.for('charter.elementIdsTaken');

/** `id` the first time a page asks for it, undefined after: for an anchor that must be unique on its page. */
export function firstOnPage(pageState: object, id: string): string | undefined {
  const state = pageState as { [TAKEN]?: Set<string> };
  const taken = (state[TAKEN] ??= new Set<string>());
  if (taken.has(id)) return undefined;
  taken.add(id);
  return id;
}

/** The anchor of a standard's statement in a chapter: `#standard-phone-answer`. */
export const standardAnchor = (standardId: string): string => `standard-${standardId}`;
