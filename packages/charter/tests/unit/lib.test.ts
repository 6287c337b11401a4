import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveContentDir } from '../../src/lib/content-dir.ts';
import { findCurrentEdition, handbookCrumb, titleInEdition } from '../../src/lib/editions.ts';
import { nextElementId } from '../../src/lib/element-ids.ts';
import { parseChapterId, withBase } from '../../src/lib/paths.ts';
import { planRedirects } from '../../src/lib/redirects.ts';
import { addMonths, formatDate, isoDate } from '../../src/lib/review.ts';
import { resolveSiteConfig } from '../../src/lib/site-config.ts';
import { buildTouchpointMatrix, countByTouchpoint } from '../../src/lib/touchpoint-matrix.ts';
import { DEFAULT_VOCABULARY, idsOf } from '../../src/lib/vocabulary.ts';

describe('paths', () => {
  it('joins a base path and a site path with one slash', () => {
    expect(withBase('/', '/procedures/telephone/')).toBe('/procedures/telephone/');
    expect(withBase('/handbook/', '/procedures/telephone/')).toBe('/handbook/procedures/telephone/');
    expect(withBase('/handbook', 'glossary/')).toBe('/handbook/glossary/');
  });

  it('splits a collection id into edition, section and slug', () => {
    expect(parseChapterId('2026.1/procedures/telephone')).toEqual({
      edition: '2026.1',
      slug: 'procedures/telephone',
      section: 'procedures',
    });
    expect(parseChapterId('2026.1/procedures').section).toBe('procedures');
    expect(parseChapterId('2026.1').section).toBeUndefined();
  });
});

describe('site configuration', () => {
  const base = { title: 'Handbook', organization: 'Fenlow Logistics', editBaseUrl: 'https://git.example.com/edit/main/' };

  it('fills defaults: root base path, noindex on', () => {
    const config = resolveSiteConfig(base);
    expect(config.base).toBe('/');
    expect(config.noindex).toBe(true);
  });

  it('lets HANDBOOK_BASE_PATH override the base path', () => {
    expect(resolveSiteConfig(base, { HANDBOOK_BASE_PATH: '/handbook/' }).base).toBe('/handbook/');
  });

  it('names the file and field of a bad value', () => {
    expect(() => resolveSiteConfig({ ...base, base: 'handbook' }, {}, 'charter.config.ts')).toThrow(
      /Invalid site configuration in charter\.config\.ts:\n {2}- base: must start and end with "\/"/,
    );
    expect(() => resolveSiteConfig({ ...base, editBaseUrl: 'https://git.example.com/edit' })).toThrow(/editBaseUrl: must end with "\/"/);
  });
});

describe('content folder', () => {
  it('defaults to src/content below the working directory', () => {
    const project = path.resolve(import.meta.dirname, '../fixtures/handbooks/kestrel-hire');
    expect(resolveContentDir({}, project)).toBe(path.join(project, 'src/content'));
  });

  it('follows HANDBOOK_CONTENT_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charter-content-'));
    expect(resolveContentDir({ HANDBOOK_CONTENT_DIR: dir })).toBe(dir);
  });

  it('says which setting points at a missing folder', () => {
    expect(() => resolveContentDir({ HANDBOOK_CONTENT_DIR: '/no/such/folder' })).toThrow(/HANDBOOK_CONTENT_DIR is set to "\/no\/such\/folder"/);
  });
});

describe('current edition', () => {
  const e = (id: string, status: 'current' | 'archived' | 'draft') => ({ id, title: id, status, notes: '' });

  it('finds the one current edition', () => {
    expect(findCurrentEdition([e('2025.1', 'archived'), e('2026.1', 'current'), e('draft', 'draft')]).id).toBe('2026.1');
  });

  it('refuses a manifest with none or two', () => {
    expect(() => findCurrentEdition([e('2025.1', 'archived')])).toThrow(/found none/);
    expect(() => findCurrentEdition([e('2025.1', 'current'), e('2026.1', 'current')])).toThrow(/found 2025\.1 and 2026\.1/);
  });
});

describe('redirects', () => {
  it('lists old paths sorted, each leading to its chapter', () => {
    expect(
      planRedirects([
        { slug: 'procedures/telephone', redirectFrom: ['procedures/phone', 'phone'] },
        { slug: 'skills/listening', redirectFrom: [] },
      ]),
    ).toEqual([
      { from: 'phone', to: 'procedures/telephone' },
      { from: 'procedures/phone', to: 'procedures/telephone' },
    ]);
  });

  it('refuses a redirect that would hide a live chapter', () => {
    expect(() =>
      planRedirects([
        { slug: 'procedures/telephone', redirectFrom: ['skills/listening'] },
        { slug: 'skills/listening', redirectFrom: [] },
      ]),
    ).toThrow(/a chapter still lives at that path/);
  });

  it('refuses one old path claimed by two chapters', () => {
    expect(() =>
      planRedirects([
        { slug: 'a/one', redirectFrom: ['old'] },
        { slug: 'a/two', redirectFrom: ['old'] },
      ]),
    ).toThrow(/"old" is listed in redirectFrom of both "a\/one" and "a\/two"/);
  });
});

describe('review dates', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(isoDate(addMonths(new Date('2026-01-31'), 1))).toBe('2026-02-28');
    expect(isoDate(addMonths(new Date('2025-11-15'), 12))).toBe('2026-11-15');
  });

  it('formats dates in UTC so the day never shifts with the build machine', () => {
    expect(formatDate(new Date('2026-01-15'), 'en-US')).toBe('January 15, 2026');
  });
});

describe('touchpoint matrix', () => {
  const chapters = [
    { slug: 'procedures/telephone', title: 'Telephone', touchpoints: ['telephone'] as const },
    { slug: 'skills/listening', title: 'Listening', touchpoints: [] as const },
    { slug: 'problems/conflicts', title: 'Conflicts', touchpoints: ['telephone', 'email'] as const },
  ];

  it('has one row per chapter that applies somewhere, one cell per touchpoint', () => {
    const rows = buildTouchpointMatrix(chapters, idsOf(DEFAULT_VOCABULARY, 'touchpoints'));
    expect(rows.map((r) => r.chapter.slug)).toEqual(['procedures/telephone', 'problems/conflicts']);
    expect(rows[1]!.cells).toEqual([true, false, true, false, false, false]);
  });

  it('counts chapters per touchpoint', () => {
    expect(countByTouchpoint(chapters, idsOf(DEFAULT_VOCABULARY, 'touchpoints'))).toMatchObject({ telephone: 2, email: 1, mail: 0 });
  });

  it('follows the touchpoints it is given, in their order', () => {
    const rows = buildTouchpointMatrix([{ slug: 'help/texts', title: 'Texts', touchpoints: ['sms'] }], ['kiosk', 'sms']);
    expect(rows[0]!.cells).toEqual([false, true]);
  });
});

describe('element ids', () => {
  it('numbers repeated ids per page, starting fresh on each page', () => {
    const page = {};
    expect(nextElementId(page, 'term-hold')).toBe('term-hold-tip');
    expect(nextElementId(page, 'term-hold')).toBe('term-hold-tip-2');
    expect(nextElementId({}, 'term-hold')).toBe('term-hold-tip');
  });
});

describe('external links', () => {
  it('treats absolute and protocol-relative web addresses as external, site paths and anchors as internal', async () => {
    const { isExternalHref } = await import('../../src/lib/links.ts');
    expect(isExternalHref('https://example.com/a')).toBe(true);
    expect(isExternalHref('//cdn.example.com/x.js')).toBe(true);
    expect(isExternalHref('HTTP://EXAMPLE.COM')).toBe(true);
    expect(isExternalHref('/procedures/telephone/')).toBe(false);
    expect(isExternalHref('#steps')).toBe(false);
    expect(isExternalHref('mailto:desk@example.com')).toBe(false);
  });
});

describe('edition labels', () => {
  it('marks titles and the breadcrumb with the edition unless it is the current one', () => {
    expect(titleInEdition('Telephone', { id: '2026.1', status: 'current' })).toBe('Telephone');
    expect(titleInEdition('Telephone', { id: '2025.1', status: 'archived' })).toBe('Telephone (2025.1)');
    expect(titleInEdition('Telephone', { id: 'draft', status: 'draft' })).toBe('Telephone (draft)');
    expect(handbookCrumb({ id: '2026.1', status: 'current' })).toBe('Handbook');
    expect(handbookCrumb({ id: '2025.1', status: 'archived' })).toBe('Handbook 2025.1');
    expect(handbookCrumb({ id: 'draft', status: 'draft' })).toBe('Handbook (draft)');
  });
});
