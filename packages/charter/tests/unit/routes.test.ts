import { describe, expect, it } from 'vitest';
import { chapterUrl, editionHomeUrl, permalinkUrl, previousEdition, sortEditions } from '../../src/lib/edition-urls.ts';
import { assertPublishedUrlsAnswer, nearestChapters, planRoutes, publishedUrls, type EditionChapters, type Route } from '../../src/lib/routes.ts';

const archived = { id: '2025.1', status: 'archived' as const };
const current = { id: '2026.1', status: 'current' as const };
const draft = { id: 'draft', status: 'draft' as const };
const ch = (slug: string, redirectFrom: string[] = [], title = slug) => ({ slug, title, section: slug.split('/')[0]!, redirectFrom });

const handbook: EditionChapters[] = [
  { edition: archived, chapters: [ch('procedures/telephone'), ch('procedures/front-counter'), ch('principles/experiences')] },
  {
    edition: current,
    chapters: [
      ch('procedures/telephone'),
      ch('procedures/face-to-face', ['procedures/front-counter']),
      ch('procedures/live-chat'),
      ch('principles/experiences'),
    ],
  },
  {
    edition: draft,
    chapters: [
      ch('procedures/telephone'),
      ch('procedures/face-to-face', ['procedures/front-counter']),
      ch('procedures/live-chat'),
      ch('procedures/social-media'),
      ch('principles/experiences'),
    ],
  },
];

const byPath = (routes: Route[]) => new Map(routes.map((r) => [r.path, r]));

describe('edition URLs', () => {
  it('gives the current edition short links and every edition a permanent one', () => {
    expect(chapterUrl(current, 'procedures/telephone')).toBe('/procedures/telephone/');
    expect(chapterUrl(archived, 'procedures/telephone')).toBe('/2025.1/procedures/telephone/');
    expect(chapterUrl(draft, 'procedures/telephone')).toBe('/draft/procedures/telephone/');
    expect(permalinkUrl(current, 'procedures/telephone')).toBe('/2026.1/procedures/telephone/');
    expect(editionHomeUrl(current)).toBe('/');
    expect(editionHomeUrl(archived)).toBe('/2025.1/');
  });

  it('orders editions draft first, then newest release first, and knows each one’s predecessor', () => {
    const editions = [{ ...archived, released: new Date('2025-03-01') }, { ...draft }, { ...current, released: new Date('2026-02-01') }];
    expect(sortEditions(editions).map((e) => e.id)).toEqual(['draft', '2026.1', '2025.1']);
    expect(previousEdition(editions, editions[2]!)?.id).toBe('2025.1');
    expect(previousEdition(editions, editions[1]!)?.id).toBe('2026.1');
    expect(previousEdition(editions, editions[0]!)).toBeUndefined();
  });
});

describe('planRoutes', () => {
  const routes = byPath(planRoutes(handbook));

  it('answers each current chapter at its short link and its permanent link, with one canonical address', () => {
    expect(routes.get('/procedures/telephone/')).toMatchObject({ kind: 'chapter', edition: '2026.1', canonical: '/procedures/telephone/' });
    expect(routes.get('/2026.1/procedures/telephone/')).toMatchObject({ kind: 'chapter', edition: '2026.1', canonical: '/procedures/telephone/' });
  });

  it('answers archived and draft chapters at their edition addresses', () => {
    expect(routes.get('/2025.1/procedures/telephone/')).toMatchObject({ kind: 'chapter', edition: '2025.1', canonical: '/2025.1/procedures/telephone/' });
    expect(routes.get('/draft/procedures/social-media/')).toMatchObject({ kind: 'chapter', edition: 'draft' });
  });

  it('forwards a renamed chapter’s old path, in the current edition and its permanent form', () => {
    expect(routes.get('/procedures/front-counter/')).toMatchObject({ kind: 'redirect', to: '/procedures/face-to-face/' });
    expect(routes.get('/2026.1/procedures/front-counter/')).toMatchObject({ kind: 'redirect', to: '/2026.1/procedures/face-to-face/' });
  });

  it('sends the new name to the old one in an edition that predates the rename', () => {
    expect(routes.get('/2025.1/procedures/face-to-face/')).toMatchObject({ kind: 'redirect', to: '/2025.1/procedures/front-counter/' });
  });

  it('answers a chapter that an edition lacks with a "not in this edition" page, never a 404', () => {
    expect(routes.get('/2025.1/procedures/live-chat/')).toMatchObject({ kind: 'missing', edition: '2025.1' });
    expect(routes.get('/procedures/social-media/')).toMatchObject({ kind: 'missing', edition: '2026.1' });
    expect(routes.get('/2026.1/procedures/social-media/')).toMatchObject({ kind: 'missing', edition: '2026.1' });
  });

  it('answers every chapter path of every edition in every edition', () => {
    const slugs = new Set(handbook.flatMap((e) => e.chapters.map((c) => c.slug)));
    for (const prefix of ['', '/2025.1', '/2026.1', '/draft']) {
      for (const slug of slugs) expect(routes.has(`${prefix}/${slug}/`), `${prefix}/${slug}/`).toBe(true);
    }
  });

  it('gives each section of each edition its own page, with the short form canonical in the current edition', () => {
    expect(routes.get('/procedures/')).toMatchObject({ kind: 'section', edition: '2026.1', section: 'procedures', canonical: '/procedures/' });
    expect(routes.get('/2026.1/procedures/')).toMatchObject({ kind: 'section', edition: '2026.1', canonical: '/procedures/' });
    expect(routes.get('/2025.1/principles/')).toMatchObject({ kind: 'section', edition: '2025.1', canonical: '/2025.1/principles/' });
    expect(routes.get('/draft/procedures/')).toMatchObject({ kind: 'section', edition: 'draft' });
  });

  it('refuses a section folder named like one of the site’s own pages or an edition', () => {
    expect(() => planRoutes([{ edition: current, chapters: [ch('search/tips')] }])).toThrow(
      /Section folder "search" has the same name as one of the site's own addresses \(\/search\/\).*Rename the folder/,
    );
    expect(() =>
      planRoutes([
        { edition: archived, chapters: [ch('procedures/telephone')] },
        { edition: current, chapters: [ch('2025.1/notes')] },
      ]),
    ).toThrow(/Section folder "2025.1"/);
  });

  it('refuses a redirect that would hide a live chapter, naming the edition', () => {
    expect(() => planRoutes([{ edition: current, chapters: [ch('procedures/telephone', ['procedures/email']), ch('procedures/email')] }])).toThrow(
      /Edition 2026\.1: [\s\S]*a chapter still lives at that path/,
    );
  });
});

describe('published URLs', () => {
  it('records the short and permanent links of a released edition', () => {
    expect(publishedUrls(archived, [ch('procedures/front-counter')])).toEqual(['/2025.1/procedures/front-counter/', '/procedures/front-counter/']);
  });

  it('accepts a plan that still answers every published URL', () => {
    const published = handbook.slice(0, 2).flatMap((e) => publishedUrls(e.edition, e.chapters));
    expect(() => assertPublishedUrlsAnswer(published, planRoutes(handbook))).not.toThrow();
  });

  it('names each published URL that would disappear and how to fix it', () => {
    const published = publishedUrls(archived, handbook[0]!.chapters);
    const withoutArchive = planRoutes(handbook.slice(1).map((e) => ({ ...e, chapters: e.chapters.filter((c) => c.slug !== 'procedures/face-to-face') })));
    expect(() => assertPublishedUrlsAnswer(published, withoutArchive)).toThrow(
      /published URLs would disappear[\s\S]*- \/2025\.1\/procedures\/front-counter\/[\s\S]*add the old path to redirectFrom/,
    );
  });
});

describe('nearestChapters', () => {
  it('prefers chapters sharing words, then the same section', () => {
    const chapters = [
      ch('procedures/telephone', [], 'Telephone'),
      ch('procedures/email', [], 'Email'),
      ch('skills/listening', [], 'Listening'),
      ch('problems/live-help', [], 'Live help'),
    ];
    expect(nearestChapters({ slug: 'procedures/live-chat', title: 'Live chat' }, chapters).map((c) => c.slug)).toEqual([
      'problems/live-help',
      'procedures/email',
      'procedures/telephone',
    ]);
  });
});
