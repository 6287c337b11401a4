/**
 * The service charter of an edition: its standards grouped by touchpoint, in the vocabulary's
 * order, for the charter page, its customer version, the touchpoint matrix and the cards. Pure.
 */
import type { EditionStandard } from './standards.ts';

export interface CharterTouchpoint<S extends Pick<EditionStandard, 'touchpoint'> = EditionStandard> {
  touchpoint: { id: string; label: string };
  standards: S[];
}

/** Every touchpoint of the vocabulary with its standards (none for some), in the vocabulary's order. */
export function charterByTouchpoint<S extends Pick<EditionStandard, 'touchpoint'>>(
  standards: readonly S[],
  touchpoints: readonly { id: string; label: string }[],
): CharterTouchpoint<S>[] {
  return touchpoints.map((touchpoint) => ({
    touchpoint: { id: touchpoint.id, label: touchpoint.label },
    standards: standards.filter((s) => s.touchpoint === touchpoint.id),
  }));
}

/** The address of an edition's charter page, and of its customer version. */
export const charterUrl = (edition: string): string => `/charter/${edition}/`;
export const customerCharterUrl = (edition: string): string => `/charter/${edition}/customer/`;
