/** `/changes/<edition>/feed.xml`: an Atom feed of what changed in an edition (lib/change-feed.ts). */
import type { APIRoute } from 'astro';
import { loadHandbook } from '../../data/handbook.ts';
import { changedEditionOf, changedEditionPaths, editionFeed } from '../../data/changes.ts';

export async function getStaticPaths() {
  return changedEditionPaths(await loadHandbook());
}

export const GET: APIRoute = async ({ params }) => {
  const handbook = await loadHandbook();
  const edition = changedEditionOf(handbook, params.edition);
  return new Response(editionFeed(handbook, edition), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
