/** `/changes/touchpoints/<touchpoint>.xml`: an Atom feed of the changes to one touchpoint's chapters, in every released edition. */
import type { APIRoute } from 'astro';
import { loadHandbook } from '../../data/handbook.ts';
import { touchpointFeed } from '../../data/changes.ts';
import { handbookVocabulary } from '../../lib/handbook-vocabulary.ts';

export function getStaticPaths() {
  return handbookVocabulary.touchpoints.map((touchpoint) => ({ params: { touchpoint: touchpoint.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const handbook = await loadHandbook();
  return new Response(touchpointFeed(handbook, params.touchpoint!), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
