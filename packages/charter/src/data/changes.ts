/**
 * What the changes pages, the marks files and the feeds share: each edition's changes with their
 * mark and where they are shown. The marks file (`/changes/<edition>/marks.json`) is what the
 * browser reads to tell a returning reader which chapters they read have changed materially.
 */
import { atomFeed, type Feed, type FeedEntry } from '../lib/change-feed.ts';
import { siteConfig } from '../lib/config.ts';
import { permalinkUrl, previousEdition } from '../lib/edition-urls.ts';
import { withBase } from '../lib/paths.ts';
import type { Edition } from '../lib/schemas.ts';
import { handbookVocabulary } from '../lib/handbook-vocabulary.ts';
import { labelOf } from '../lib/vocabulary.ts';
import { i18n, t } from '../i18n/site.ts';
import type { MarksFile } from '../scripts/reader-state.ts';
import type { Handbook } from './handbook.ts';

/** The id of a changed chapter's article on the changes page. */
export const changeAnchor = (slug: string) => `changed-${slug.replaceAll('/', '-')}`;

export const changesUrl = (editionId: string) => `/changes/${editionId}/`;
export const marksUrl = (editionId: string) => `/changes/${editionId}/marks.json`;
export const editionFeedUrl = (editionId: string) => `/changes/${editionId}/feed.xml`;
export const touchpointFeedUrl = (touchpoint: string) => `/changes/touchpoints/${touchpoint}.xml`;

/** Released editions, oldest first: the order in which a reader meets them. */
export function releasedOldestFirst(handbook: Handbook): Edition[] {
  return handbook.editions.filter((e) => e.status !== 'draft').reverse();
}

/** Editions that have a changes page (an edition before them). */
export function editionsWithChanges(handbook: Handbook): Edition[] {
  return handbook.editions.filter((e) => previousEdition(handbook.editions, e));
}

/** The static paths of a route with a file per edition that has a changes page (the feed, the marks). */
export function changedEditionPaths(handbook: Handbook): { params: { edition: string } }[] {
  return editionsWithChanges(handbook).map((edition) => ({ params: { edition: edition.id } }));
}

/** The edition a route's `edition` parameter names; one of changedEditionPaths, so it is there. */
export function changedEditionOf(handbook: Handbook, id: string | undefined): Edition {
  const edition = editionsWithChanges(handbook).find((e) => e.id === id);
  if (!edition) throw new Error(`No changes page for the edition "${id}": the route was asked for a path it did not list.`);
  return edition;
}

/** The marks file of an edition: its changed and renamed chapters, each with its mark and redline. */
export function marksFile(handbook: Handbook, edition: Edition): MarksFile {
  const before = previousEdition(handbook.editions, edition)!;
  const changes = handbook.changesIn(edition.id)!;
  const base = import.meta.env.BASE_URL;
  const redline = (slug: string) => `${withBase(base, changesUrl(edition.id))}#${changeAnchor(slug)}`;
  return {
    edition: edition.id,
    previous: before.id,
    changes: [
      ...changes.changed.map((c) => ({ slug: c.slug, title: c.title, mark: c.mark, redline: redline(c.slug) })),
      ...changes.renamed.map((c) => ({ slug: c.slug, previousSlug: c.previousSlug!, title: c.title, mark: c.mark, redline: redline(c.slug) })),
    ],
  };
}

/** An address in a feed: absolute when the site's origin is configured, from the site's root otherwise. */
function feedHref(sitePath: string): string {
  const path = withBase(import.meta.env.BASE_URL, sitePath);
  return siteConfig.site ? new URL(path, siteConfig.site).href : path;
}

/**
 * The date an edition's changes carry: its release, or for the draft (not released) the latest
 * review of a chapter it changed, so that the date moves only when the content does.
 */
function editionDate(handbook: Handbook, edition: Edition): Date {
  if (edition.released) return edition.released;
  const view = handbook.views.get(edition.id)!;
  const changes = handbook.changesIn(edition.id);
  const slugs = changes ? [...changes.added, ...changes.changed, ...changes.renamed].map((c) => c.slug) : [];
  const dates = slugs.map((s) => view.bySlug.get(s)?.data.reviewed).filter((d): d is Date => d instanceof Date);
  const before = previousEdition(handbook.editions, edition);
  return dates.reduce((latest, d) => (d > latest ? d : latest), before?.released ?? new Date(0));
}

const namespace = () => `${siteConfig.organization}\n${siteConfig.title}`;

/** The feed entries of one edition's changes, optionally only those of chapters for a touchpoint. */
function entriesOf(handbook: Handbook, edition: Edition, touchpoint?: string): FeedEntry[] {
  const changes = handbook.changesIn(edition.id);
  const before = previousEdition(handbook.editions, edition);
  if (!changes || !before) return [];
  const view = handbook.views.get(edition.id)!;
  const old = handbook.views.get(before.id)!;
  const updated = editionDate(handbook, edition);
  const about = (slug: string, inView = view) => !touchpoint || (inView.bySlug.get(slug)?.data.touchpoints ?? []).includes(touchpoint);
  const describe = (slug: string, inView = view) => inView.bySlug.get(slug)?.data.description ?? '';
  const redline = (slug: string) => feedHref(`${changesUrl(edition.id)}#${changeAnchor(slug)}`);
  const markLabel = (mark: 'material' | 'correction') => (mark === 'material' ? t('changes.material') : t('changes.correction'));
  const entries: FeedEntry[] = [];
  for (const c of changes.changed.filter((c) => about(c.slug))) {
    entries.push({
      key: `${edition.id} changed ${c.slug}`,
      title: t('feed.changed', { title: c.title, mark: markLabel(c.mark).toLowerCase(), edition: edition.title }),
      href: redline(c.slug),
      updated,
      summary: describe(c.slug),
      category: { term: c.mark, label: markLabel(c.mark) },
    });
  }
  for (const c of changes.renamed.filter((c) => about(c.slug))) {
    entries.push({
      key: `${edition.id} renamed ${c.previousSlug} ${c.slug}`,
      title: t('feed.renamed', { title: c.title, edition: edition.title, previous: c.previousTitle ?? c.previousSlug! }),
      href: redline(c.slug),
      updated,
      summary: describe(c.slug),
      category: { term: c.mark, label: markLabel(c.mark) },
    });
  }
  for (const c of changes.added.filter((c) => about(c.slug))) {
    entries.push({
      key: `${edition.id} added ${c.slug}`,
      title: t('feed.added', { title: c.title, edition: edition.title }),
      href: feedHref(permalinkUrl(edition, c.slug)),
      updated,
      summary: describe(c.slug),
      category: { term: 'added', label: t('changes.added') },
    });
  }
  for (const c of changes.removed.filter((c) => about(c.slug, old))) {
    entries.push({
      key: `${edition.id} removed ${c.slug}`,
      title: t('feed.removed', { title: c.title, edition: edition.title }),
      href: feedHref(permalinkUrl(before, c.slug)),
      updated,
      summary: describe(c.slug, old),
      category: { term: 'removed', label: t('changes.removed') },
    });
  }
  return entries;
}

export function editionFeed(handbook: Handbook, edition: Edition): string {
  const before = previousEdition(handbook.editions, edition)!;
  const feed: Feed = {
    key: `edition ${edition.id}`,
    title: `${t('changes.title', { edition: edition.title })} · ${siteConfig.title}`,
    subtitle: t('changes.description', { edition: edition.title, before: before.title }),
    self: feedHref(editionFeedUrl(edition.id)),
    alternate: feedHref(changesUrl(edition.id)),
    author: siteConfig.organization,
    lang: i18n.lang,
    fallbackUpdated: editionDate(handbook, edition),
    entries: entriesOf(handbook, edition),
  };
  return atomFeed(feed, namespace());
}

/** Released editions only: a touchpoint's feed tells staff what changed in what they must do. */
export function touchpointFeed(handbook: Handbook, touchpoint: string): string {
  const label = labelOf(handbookVocabulary, 'touchpoints', touchpoint);
  const released = editionsWithChanges(handbook).filter((e) => e.status !== 'draft');
  const feed: Feed = {
    key: `touchpoint ${touchpoint}`,
    title: `${t('feed.touchpointTitle', { touchpoint: label })} · ${siteConfig.title}`,
    subtitle: t('feed.touchpointSubtitle', { touchpoint: label }),
    self: feedHref(touchpointFeedUrl(touchpoint)),
    alternate: feedHref('/touchpoints/'),
    author: siteConfig.organization,
    lang: i18n.lang,
    fallbackUpdated: handbook.current.edition.released ?? new Date(0),
    entries: released.flatMap((edition) => entriesOf(handbook, edition, touchpoint)),
  };
  return atomFeed(feed, namespace());
}
