/** What the search code needs from the content: synonyms from the glossary, and the editions. */
import type { APIRoute } from 'astro';
import { optionalCollection } from '../data/optional-collections.ts';
import { loadHandbook } from '../data/handbook.ts';
import { buildSynonymRules } from '../lib/search/synonyms.ts';

export const GET: APIRoute = async () => {
  const [glossary, everyday, handbook] = await Promise.all([optionalCollection('glossary'), optionalCollection('searchPhrases'), loadHandbook()]);
  const body = {
    synonyms: buildSynonymRules(
      glossary.map((g) => g.data),
      everyday.map((p) => p.data),
    ),
    editions: handbook.editions.map((e) => ({ id: e.id, title: e.title, status: e.status })),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
