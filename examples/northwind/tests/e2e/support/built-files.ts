/** Reads the built site from disk, for checks that need every page rather than a browser. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** The site path a built file answers at (`procedures/telephone/index.html` → `/procedures/telephone/`). */
export function sitePathOf(dir: string, file: string): string {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  return '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '');
}

/** Every href and src attribute of a page (good enough for generated HTML, which quotes attributes). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
