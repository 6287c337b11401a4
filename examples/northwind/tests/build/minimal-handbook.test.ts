/**
 * A handbook that leaves out everything optional (glossary, phrases, search phrases, reading paths,
 * touchpoints, favicon, edit link) and brings its own logo, accents and home copy: it builds
 * without a warning, links to no page it does not have, and every internal link of every page
 * leads to a built file. The fixture is a project of its own, with its own charter.config.mjs.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, buildWithContent, htmlFiles } from './support.ts';

const fixture = path.resolve(import.meta.dirname, '../../../../packages/charter/tests/fixtures/handbooks/minimal');
const fixtureContent = path.join(fixture, 'src/content');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const warningLines = (output: string) => output.split('\n').filter((line) => /\[WARN\]|\bwarn(?:ing)?\b/i.test(line));

describe('a minimal handbook', () => {
  it('builds without a warning and links only to files it built, under a base path', () => {
    let pages: string[] = [];
    const base = '/volunteers/';
    const out = buildWithContent(
      fixtureContent,
      { HANDBOOK_BASE_PATH: base },
      (dist) => {
        pages = htmlFiles(dist);
        expect(brokenLinks(dist, base)).toEqual([]);
        const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
        const chapter = readFileSync(path.join(dist, 'desk/opening-a-shift/index.html'), 'utf8');
        for (const html of [home, chapter]) {
          const nav = html.slice(html.indexOf('<nav aria-label="Site"'), html.indexOf('</nav>', html.indexOf('<nav aria-label="Site"')));
          expect(nav).toContain('Editions');
          expect(nav).not.toMatch(/Glossary|Paths|Touchpoints/);
          // The adopter's logo, named by the organization, instead of the built-in icon.
          expect(html).toMatch(/<img[^>]+src="\/volunteers\/brand\/eastbrook\.svg"[^>]+alt="Eastbrook Community Library"/);
          expect(html).not.toContain('rel="icon"');
        }
        expect(chapter).not.toContain('Edit this page');
        // The adopter's home copy and button, and no customer-service wording from the example.
        expect(home).toContain('Everything a new volunteer at Eastbrook needs');
        expect(home).toContain('href="/volunteers/desk/opening-a-shift/">Opening a shift</a>');
        expect(home).toContain('<meta name="description" content="The Volunteer Guide of Eastbrook Community Library.">');
        expect(home).not.toMatch(/customer|touchpoint/i);
        // The accent colours reach the stylesheet.
        const css = readdirSync(path.join(dist, '_astro'))
          .filter((f) => f.endsWith('.css'))
          .map((f) => readFileSync(path.join(dist, '_astro', f), 'utf8'))
          .join('\n');
        expect(css).toMatch(/--accent:\s*light-dark\(#7a3e00,\s*#f2b36b\)/);
      },
      { root: fixture },
    );
    expect(out.status, out.output).toBe(0);
    expect(warningLines(out.output)).toEqual([]);
    // No page for what the handbook does not have.
    expect(pages.filter((p) => /^(touchpoints|paths|reference)\b/.test(p))).toEqual([]);
    expect(pages).toContain('2024.1/basics/our-library/index.html');
  });

  it('refuses an existing glossary file without entries, and says it may be deleted instead', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-minimal-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    cpSync(fixtureContent, dir, { recursive: true });
    writeFileSync(path.join(dir, 'glossary.yaml'), '# Terms go here.\n');
    const out = buildWithContent(dir, {}, undefined, { root: fixture });
    expect(out.status).not.toBe(0);
    expect(out.output).toMatch(
      /glossary\.yaml:1:1: Unexpected empty glossary\.yaml, expected at least one entry; or delete glossary\.yaml if the handbook has no glossary terms \(it is optional\) \(data-files\)/,
    );
  });

  it('refuses a logo that is not there, naming the field', () => {
    // Beside the fixture, so that the copy resolves the engine from this repository's node_modules.
    const copy = mkdtempSync(path.join(fixture, '..', '.tmp-'));
    cleanup = () => rmSync(copy, { recursive: true, force: true });
    cpSync(fixture, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    rmSync(path.join(copy, 'public/brand/eastbrook.svg'));
    const out = buildWithContent(fixtureContent, {}, undefined, { root: copy });
    expect(out.status).not.toBe(0);
    expect(out.output).toContain('Invalid site configuration in charter.config.mjs');
    expect(out.output).toMatch(/- logo: public\/brand\/eastbrook\.svg not found\./);
  });
});
