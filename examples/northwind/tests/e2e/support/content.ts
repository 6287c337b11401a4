/** Reads the shipped content straight from disk, so tests compare pages with their source. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const contentDir = path.resolve('src/content');

export function readYaml<T>(name: string): T {
  return parse(readFileSync(path.join(contentDir, name), 'utf8')) as T;
}

export interface ChapterSource {
  slug: string;
  frontmatter: Record<string, unknown>;
}

/** Every chapter of one edition with its frontmatter. */
export function chaptersOf(edition: string): ChapterSource[] {
  const dir = path.join(contentDir, 'editions', edition);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return {
        slug: f
          .replace(/\.mdx$/, '')
          .split(path.sep)
          .join('/'),
        frontmatter: parse(yaml) as Record<string, unknown>,
      };
    });
}
