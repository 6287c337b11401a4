/**
 * A German handbook (content nobody here wrote for the example: packages/charter/tests/fixtures/
 * handbooks/german) built with `lang: de-DE` shows the engine's interface in German: German
 * strings on its pages, `<html lang="de-DE">`, and none of the English catalog's wording.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { de, en, MESSAGE_KEYS, type Message } from '../../../../packages/charter/src/i18n/index.ts';
import { SAME_IN_GERMAN } from '../../../../packages/charter/src/i18n/de.ts';
import { buildWithContent, type BuildResult } from './support.ts';
import config from '../../charter.config.mjs';

const fixture = path.resolve(import.meta.dirname, '../../../../packages/charter/tests/fixtures/handbooks/german');

const forms = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m).filter((f): f is string => typeof f === 'string'));
const words = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/** The text around placeholders of every English string, less what reads the same in German ("in", "was"). */
function englishFragments(): { key: string; fragment: string; pattern: RegExp }[] {
  const german = MESSAGE_KEYS.flatMap((k) => forms(de[k])).join('\n');
  const same = new Set<string>(SAME_IN_GERMAN);
  return MESSAGE_KEYS.filter((k) => !same.has(k)).flatMap((key) =>
    forms(en[key])
      .flatMap((form) => form.split(/\{[A-Za-z0-9]+\}/))
      .map((piece) => piece.trim().replace(/^[\s(·:;,.“”"]+|[\s):;,.“”"]+$/g, ''))
      .filter((fragment) => /\p{L}/u.test(fragment) && !words(fragment).test(german))
      .map((fragment) => ({ key, fragment, pattern: words(fragment) })),
  );
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a reader sees or hears on a page: its text, the labels in attributes and the strings handed to scripts. */
function readerText(html: string): string {
  const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
  const attributes = [...html.matchAll(/\s(?:aria-label|placeholder|title|alt|content|data-copied|data-failed|data-badge|data-mark)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const strings = [...html.matchAll(/\sdata-strings="([^"]*)"/g)]
    .map((m) => JSON.parse(decode(m[1]!)) as Record<string, Message>)
    .flatMap((t) => Object.values(t).flatMap(forms));
  // The handbook's name and organization come from the example's config, not the catalog.
  return decode([text, ...attributes, ...strings].join('\n'))
    .replaceAll(config.title, ' ')
    .replaceAll(config.organization, ' ')
    .replace(/\s+/g, ' ');
}

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const child = path.join(rel, d.name);
    return d.isDirectory() ? htmlFiles(dir, child) : d.name.endsWith('.html') ? [child] : [];
  });
}

/** Edition home pages carry the brand copy (intro, buttons), which comes from config, not the catalog. */
const HOME_PAGES = new Set(['index.html', '2025.1/index.html', '2026.1/index.html', 'draft/index.html']);

describe('a German handbook', () => {
  let result: BuildResult;
  const pages = new Map<string, string>();
  beforeAll(() => {
    result = buildWithContent(fixture, { HANDBOOK_LANG: 'de-DE', CHARTER_TODAY: '2026-06-01' }, (dist) => {
      for (const file of htmlFiles(dist)) pages.set(file.split(path.sep).join('/'), readFileSync(path.join(dist, file), 'utf8'));
    });
  }, 300_000);

  it('builds', () => {
    expect(result.status, result.output).toBe(0);
    expect(pages.size).toBeGreaterThan(15);
  });

  it('is a production build: no dev-only checker panel on any page', () => {
    for (const [file, html] of pages) expect(html, file).not.toContain('class="dev-checker');
  });

  it('marks every page as German', () => {
    for (const [file, html] of pages) expect(html, file).toMatch(/<html lang="de-DE"/);
  });

  it('shows the interface in German', () => {
    const chapter = readerText(pages.get('grundlagen/willkommen/index.html')!);
    for (const text of [
      'Zum Inhalt springen',
      'Kontaktpunkte',
      'Lesepfade',
      'Auf dieser Seite',
      'Zuletzt geprüft am 15. Januar 2026',
      'Diese Seite bearbeiten',
      'Weiter',
      'Link zum Abschnitt kopieren',
      'So ist es richtig: Freundlich bleiben',
      'Im Handbuch suchen',
      'Suchergebnisse in Ausgabe 2026.1',
      'Dieser Ausgabe ({id})',
    ]) {
      expect(chapter).toContain(text);
    }
    expect(readerText(pages.get('2025.1/grundlagen/willkommen/index.html')!)).toMatch(
      /Archivierte Ausgabe 2025\.1\. Dies ist nicht der gültige Standard\. Der gültige Standard ist Ausgabe 2026\.1 ?\./,
    );
    expect(readerText(pages.get('draft/grundlagen/willkommen/index.html')!)).toContain('Vorschau auf die nächste Ausgabe: noch nicht in Kraft.');
    expect(readerText(pages.get('review/index.html')!)).toMatch(/Überfällig \(\d+\)/);
    expect(readerText(pages.get('review/index.html')!)).toMatch(/Stand: 1\. Juni 2026 ?, Ausgabe 2026\.1\./);
    expect(readerText(pages.get('editions/index.html')!)).toContain('Erschienen am 1. Februar 2026 · 4 Kapitel');
    expect(readerText(pages.get('changes/2026.1/index.html')!)).toContain('Im Vergleich mit Ausgabe 2025.1.');
    expect(readerText(pages.get('paths/index.html')!)).toContain('2 Schritte');
    expect(readerText(pages.get('draft/grundlagen/zuhoeren/index.html')!)).toContain('„Zuhören“ fehlt in der Entwurfsausgabe');
    expect(readerText(pages.get('404.html')!)).toContain('Diese Seite gibt es nicht');
    expect(readerText(pages.get('index.html')!)).toContain('Bereiche');
  });

  it('shows none of the English catalog’s wording', () => {
    const fragments = englishFragments();
    expect(fragments.length).toBeGreaterThan(150);
    const found: string[] = [];
    for (const [file, html] of pages) {
      if (HOME_PAGES.has(file)) continue;
      const text = readerText(html);
      for (const { key, fragment, pattern } of fragments) if (pattern.test(text)) found.push(`${file}: "${fragment}" (${key})`);
    }
    expect(found).toEqual([]);
  });
});
