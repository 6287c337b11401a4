/**
 * Atom feeds (RFC 4287) of what changed: one per edition, one per touchpoint. Pure: the routes in
 * src/routes/changes/ hand over the entries. Every id and date comes from the content (edition ids,
 * chapter paths, release and review dates), never from the time of the build, so that a feed reader
 * sees the same entries as the same entries after every build.
 */
import { createHash } from 'node:crypto';

export interface FeedEntry {
  /** What makes the entry itself, e.g. `2026.1 changed procedures/telephone`: hashed into its id. */
  key: string;
  title: string;
  href: string;
  updated: Date;
  summary: string;
  /** `material`, `correction`, `added`, `removed`, `renamed`, with a label for readers. */
  category: { term: string; label: string };
}

export interface Feed {
  /** What makes the feed itself, e.g. `edition 2026.1`: hashed into its id with the handbook's name. */
  key: string;
  title: string;
  subtitle?: string;
  /** The feed's own address and the page it belongs to. */
  self: string;
  alternate: string;
  author: string;
  lang: string;
  /** When nothing else says: the feed's date when it has no entries. */
  fallbackUpdated: Date;
  entries: FeedEntry[];
}

/**
 * A stable `urn:uuid:` from a text (the layout of a name-based UUID, from sha-256): the same
 * handbook, edition and chapter give the same id on every build and every machine.
 */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom dates are RFC 3339; the content's dates are calendar days, so midnight UTC. */
const atomDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The feed's XML. `namespace` names the handbook in every id (its organization and title). */
export function atomFeed(feed: Feed, namespace: string): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.key.localeCompare(b.key));
  const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), entries[0]?.updated ?? feed.fallbackUpdated);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${stableUuid(`${namespace}\n${feed.key}`)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${atomDate(updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${stableUuid(`${namespace}\n${feed.key}\n${entry.key}`)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.href)}"/>`,
      `    <category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
