/** Every chapter of every edition of the corpus at HANDBOOK_CONTENT_DIR, with only a title required. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';

const contentDir = process.env.HANDBOOK_CONTENT_DIR;
if (!contentDir) throw new Error('The floor site builds the corpus at HANDBOOK_CONTENT_DIR; set it.');

const chapters = defineCollection({
  // The id keeps the file's path (edition folder included), so pages land at /<edition>/<section>/<slug>/.
  loader: glob({ pattern: '**/*.mdx', base: path.join(contentDir, 'editions'), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.looseObject({ title: z.string() }),
});

export const collections = { chapters };
