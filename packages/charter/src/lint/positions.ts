/** Source offsets to line and column, with vfile-location's index built once per file. */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

const locations = new WeakMap<VFile, ReturnType<typeof location>>();

/** The point (line, column, offset) of an offset in a file; the end of the file when past it. */
export function pointAt(file: VFile, offset: number): Point {
  let place = locations.get(file);
  if (!place) {
    place = location(file);
    locations.set(file, place);
  }
  const length = String(file.value).length;
  const clamped = Math.max(0, Math.min(offset, length));
  const point = place.toPoint(clamped);
  if (point) return { line: point.line, column: point.column, offset: clamped };
  // toPoint has no answer for the very end of a file; count it from the last line.
  const text = String(file.value);
  const lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
  return { line: text.slice(0, clamped).split('\n').length, column: clamped - lineStart + 1, offset: clamped };
}

/** A place for vfile messages covering a source range. */
export function rangePlace(file: VFile, start: number, end: number): { start: Point; end: Point } {
  return { start: pointAt(file, start), end: pointAt(file, Math.max(start, end)) };
}
