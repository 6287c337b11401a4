/** `/changes/<edition>/feed.xml`: an Atom feed of what changed in an edition (lib/change-feed.ts). */
import type { APIRoute } from 'astro';
import { loadHandbook } from '../../data/handbook.ts';
import { editionFeed, editionsWithChanges } from '../../data/changes.ts';

export async function getStaticPaths() {
  const handbook = await loadHandbook();
  return editionsWithChanges(handbook).map((edition) => ({ params: { edition: edition.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const handbook = await loadHandbook();
  const edition = handbook.editions.find((e) => e.id === params.edition)!;
  return new Response(editionFeed(handbook, edition), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
