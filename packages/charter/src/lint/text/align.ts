/**
 * Maps each character of a decoded value (a text node, a YAML scalar, a JSX attribute) back to
 * where it is written in the source.
 *
 * Hand-written because no library does it: mdast and the YAML parser give positions for whole
 * nodes only, and inside a node the value has lost what the parser consumed (list indentation and
 * `>` markers on continuation lines, backslash escapes, character references, quotes, folded line
 * breaks). The walk matches the value against the source left to right and skips the syntax in
 * between, which is enough to put a message on the exact word and to rewrite just that word.
 */

/** Where one character of a value is written: `source.slice(start, end)`. */
export interface CharSource {
  start: number;
  end: number;
}

/** How far to look ahead for the next character before giving up on exact placement. */
const LOOKAHEAD = 256;

const characterReference = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** The source range of every character of `value`, which is written in `source` between `from` and `to`. */
export function alignValue(value: string, source: string, from: number, to: number): CharSource[] {
  const result: CharSource[] = [];
  let cursor = from;
  for (const char of value) {
    const found = locate(char, source, cursor, to);
    // A character that cannot be found (it should not happen) sits where the walk is, so the
    // message still lands near the right place and nothing is skipped.
    const place = found ?? { start: cursor, end: cursor };
    for (let unit = 0; unit < char.length; unit++) result.push(place);
    cursor = place.end;
  }
  return result;
}

function locate(char: string, source: string, from: number, to: number): CharSource | undefined {
  const limit = Math.min(to, from + LOOKAHEAD);
  for (let index = from; index < limit; index++) {
    const written = source[index];
    if (written === '&') {
      characterReference.lastIndex = index;
      const reference = characterReference.exec(source);
      if (reference && index + reference[0].length <= to) return { start: index, end: index + reference[0].length };
    }
    if (source.startsWith(char, index)) return { start: index, end: index + char.length };
    if (written === '\\' && source.startsWith(char, index + 1)) return { start: index, end: index + 1 + char.length };
  }
  return undefined;
}
