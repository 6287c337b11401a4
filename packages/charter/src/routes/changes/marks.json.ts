/**
 * `/changes/<edition>/marks.json`: the chapters an edition changed, each marked material or
 * correction, with its redline. The browser reads it to tell a returning reader what changed in the
 * chapters they read (scripts/reader-page.ts); small, and the same on every build.
 */
import type { APIRoute } from 'astro';
import { loadHandbook } from '../../data/handbook.ts';
import { changedEditionOf, changedEditionPaths, marksFile } from '../../data/changes.ts';

export async function getStaticPaths() {
  return changedEditionPaths(await loadHandbook());
}

export const GET: APIRoute = async ({ params }) => {
  const handbook = await loadHandbook();
  const edition = changedEditionOf(handbook, params.edition);
  return new Response(JSON.stringify(marksFile(handbook, edition)), { headers: { 'content-type': 'application/json' } });
};
