/**
 * The collections of the optional data files. A missing file is an empty list here, read without
 * asking Astro: `getCollection` on an empty collection logs a warning, and a handbook without a
 * glossary is not a mistake to warn about on every build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { optionalPages } from '../lib/config.ts';
import type { OptionalCollection } from '../lib/optional-pages.ts';

export async function optionalCollection<C extends OptionalCollection>(name: C): Promise<CollectionEntry<C>[]> {
  if (!optionalPages.collections[name]) return [];
  return (await getCollection(name)) as CollectionEntry<C>[];
}
