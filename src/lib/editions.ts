/** Which edition a reader is looking at, from the manifest. */
import type { Edition } from './schemas.ts';

/** The edition in force. The manifest must name exactly one. */
export function findCurrentEdition(editions: readonly Edition[], file = 'editions.yaml'): Edition {
  const current = editions.filter((e) => e.status === 'current');
  if (current.length !== 1) {
    const found = current.length === 0 ? 'none' : current.map((e) => e.id).join(' and ');
    throw new Error(
      `${file}: exactly one edition must have status "current"; found ${found}. Set status: current on the edition staff should follow.`,
    );
  }
  return current[0]!;
}
