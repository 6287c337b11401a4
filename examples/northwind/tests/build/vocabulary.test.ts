/**
 * A handbook of another organization, with its own vocabulary.yaml (the engine's fixture
 * other-org: a library's touchpoints, audiences and kinds of chapter), built for real.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, buildWithContent } from './support.ts';

const otherOrg = path.resolve(import.meta.dirname, '../../../../packages/charter/tests/fixtures/handbooks/other-org');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A throwaway copy of the fixture, to break on purpose. */
function copyOtherOrg(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-other-org-'));
  cleanup = () => rmSync(dir, { recursive: true, force: true });
  cpSync(otherOrg, dir, { recursive: true });
  return dir;
}

describe('a handbook with its own vocabulary', () => {
  it('shows its own touchpoints, kinds of chapter and badges, and searches with its own words', () => {
    const pages: Record<string, string> = {};
    let scripts = '';
    let broken: string[] = [];
    const { status, output } = buildWithContent(otherOrg, {}, (dist) => {
      // A first edition with a draft beside it has no "changes" page of its own: nothing may link there.
      broken = brokenLinks(dist, '/');
      for (const page of ['touchpoints/index.html', 'search/index.html', 'desk/renewals/index.html']) pages[page] = readFileSync(path.join(dist, page), 'utf8');
      scripts = readdirSync(path.join(dist, '_astro'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(path.join(dist, '_astro', f), 'utf8'))
        .join('\n');
    });
    expect(status, output).toBe(0);
    expect(broken).toEqual([]);
    const columns = [...pages['touchpoints/index.html']!.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(columns).toEqual(['Chapter', 'Help desk', 'Text message', 'Book drop']);
    const search = pages['search/index.html']!;
    const filters = [...search.matchAll(/name="(touchpoint|type)" value="([^"]*)"[^>]*> ([^<]+)</g)].map((m) => `${m[1]}:${m[2]}:${m[3]!.trim()}`);
    expect(filters).toEqual([
      'touchpoint:help-desk:Help desk',
      'touchpoint:text-message:Text message',
      'touchpoint:book-drop:Book drop',
      'type:routine:Routines',
      'type:policy:Policies',
    ]);
    expect(pages['desk/renewals/index.html']).toMatch(/data-touchpoint="text-message"[^>]*><span[^>]*><\/span>Text message<\/span>/);
    // The search code in the browser has the vocabulary's words and labels, not the defaults'.
    expect(scripts).toMatch(/[`"']chute[`"']/);
    expect(scripts).toMatch(/[`"']Routines[`"']/);
    expect(scripts).not.toContain('voicemail');
  });

  it('refuses a chapter with an audience the vocabulary does not list, naming vocabulary.yaml', () => {
    const dir = copyOtherOrg();
    const file = path.join(dir, 'editions/2026.1/policies/quiet-hours.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('audience: [librarians, volunteers]', 'audience: [librarians, support-team]'));
    const { status, output } = buildWithContent(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /policies\/quiet-hours\.mdx:5:24: audience\.1: "support-team" is not a known audience; use one of "librarians", "volunteers" \(the audiences listed in vocabulary\.yaml, where you can add one\) \(frontmatter\)/,
    );
  });

  it('refuses a bad vocabulary.yaml before anything else, every problem located', () => {
    const dir = copyOtherOrg();
    writeFileSync(path.join(dir, 'vocabulary.yaml'), 'touchpoints:\n  - { id: Help Desk, label: Help desk }\naudiences: []\n');
    const { status, output } = buildWithContent(dir);
    expect(status).not.toBe(0);
    expect(output).toContain("The handbook's vocabulary file cannot be used:");
    expect(output).toMatch(
      /vocabulary\.yaml:2:11: touchpoints\.0\.id: "Help Desk" is not a lowercase id; write letters, digits and single hyphens, such as "live-chat" \(vocabulary\)/,
    );
    expect(output).toMatch(/vocabulary\.yaml:3:12: audiences needs at least one entry; leave the key out to use the default audiences \(vocabulary\)/);
  });
});
