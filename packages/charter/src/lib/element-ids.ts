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
