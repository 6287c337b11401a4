/**
 * A section larger than the sidebar shows, on a real build of a synthetic handbook: the sidebar
 * keeps a window around the current chapter and links to the section page for the rest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterSlug, writeCorpus } from '../../../../tools/bench/corpus.ts';
import { SIDEBAR_WINDOW } from '../../../../packages/charter/src/lib/navigation.ts';
import { buildWithContent } from './support.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'charter-large-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The hrefs of the links inside the sidebar's expanded section. */
function expandedLinks(html: string): string[] {
  const nav = html.slice(html.indexOf('<nav class="sidebar'), html.indexOf('</nav>', html.indexOf('<nav class="sidebar')));
  const expanded = nav.slice(nav.indexOf('section expanded'), nav.indexOf('</ul>', nav.indexOf('section expanded')));
  return [...expanded.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('a section of 30 chapters', () => {
  it('shows the chapters around the current one and links the rest to the section page, which lists them all', () => {
    // One section of 30 chapters; the current one is in the middle.
    writeCorpus(work, { chapters: 30, editions: 1, sections: 1 }, path.join(root, 'src/content'));
    const section = chapterSlug(0, 1).split('/')[0]!;
    const out = buildWithContent(work, {}, (dist) => {
      const middle = readFileSync(path.join(dist, chapterSlug(15, 1), 'index.html'), 'utf8');
      const links = expandedLinks(middle);
      expect(links[0]).toMatch(new RegExp(`^/${section}/ Section 1$`));
      const chapters = links.filter((l) => l.includes('/topic-'));
      expect(chapters).toHaveLength(SIDEBAR_WINDOW);
      expect(chapters).toContain(`/${chapterSlug(15, 1)}/ ${middle.match(/<h1[^>]*>([^<]+)/)![1]}`);
      const earlier = links.find((l) => l.includes('earlier'));
      const later = links.find((l) => l.includes('later'));
      expect(earlier).toMatch(new RegExp(`^/${section}/ \\d+ earlier chapters$`));
      expect(later).toMatch(new RegExp(`^/${section}/ \\d+ later chapters$`));
      const hidden = Number(earlier!.match(/(\d+) earlier/)![1]) + Number(later!.match(/(\d+) later/)![1]);
      expect(hidden + chapters.length).toBe(30);

      const sectionPage = readFileSync(path.join(dist, section, 'index.html'), 'utf8');
      expect(sectionPage.match(/<li><a href="\/[a-z0-9-]+\/topic-\d+\/"/g)).toHaveLength(30);
    });
    expect(out.status, out.output).toBe(0);
  });
});
