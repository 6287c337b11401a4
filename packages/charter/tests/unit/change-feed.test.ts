import { describe, expect, it } from 'vitest';
import { atomFeed, stableUuid, type Feed } from '../../src/lib/change-feed.ts';

const feed = (entries: Feed['entries']): Feed => ({
  key: 'edition 2026.1',
  title: 'What changed in 2026.1 & why',
  self: '/changes/2026.1/feed.xml',
  alternate: '/changes/2026.1/',
  author: 'Northwind <Supply>',
  lang: 'en-US',
  fallbackUpdated: new Date('2026-02-01'),
  entries,
});
const entry = (key: string, updated: string) => ({
  key,
  title: `${key} "title"`,
  href: `/changes/2026.1/#${key}`,
  updated: new Date(updated),
  summary: 'A < B',
  category: { term: 'material', label: 'Material change' },
});

describe('atomFeed', () => {
  // The browser tests parse the built feeds with Chromium's XML parser; here, the text itself.
  it('writes the elements Atom requires, escaped, with the newest entry first and as the feed’s date', () => {
    const xml = atomFeed(feed([entry('a', '2026-01-01'), entry('b', '2026-02-01')]), 'Northwind\nHandbook');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">')).toBe(true);
    expect(xml).toContain('<title>What changed in 2026.1 &amp; why</title>');
    expect(xml).toContain('<author><name>Northwind &lt;Supply&gt;</name></author>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="/changes/2026.1/feed.xml"/>');
    expect(xml.match(/<updated>[^<]+<\/updated>/)![0]).toBe('<updated>2026-02-01T00:00:00Z</updated>');
    expect([...xml.matchAll(/<entry>[\s\S]*?<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(['b &quot;title&quot;', 'a &quot;title&quot;']);
    expect(xml).toContain('<summary>A &lt; B</summary>');
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
    expect(xml.endsWith('</feed>\n')).toBe(true);
  });

  it('gives the same ids for the same handbook and entries, and other ids for another', () => {
    const one = atomFeed(feed([entry('a', '2026-01-01')]), 'Northwind\nHandbook');
    expect(atomFeed(feed([entry('a', '2026-01-01')]), 'Northwind\nHandbook')).toBe(one);
    const ids = (xml: string) => [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids(atomFeed(feed([entry('a', '2026-01-01')]), 'Fenlow\nHandbook'))).not.toEqual(ids(one));
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
  });

  it('dates a feed without entries by its fallback', () => {
    expect(atomFeed(feed([]), 'n')).toContain('<updated>2026-02-01T00:00:00Z</updated>');
  });
});
