import { describe, expect, it } from 'vitest';
import { catalogFor, createTranslator, de, en, MESSAGE_KEYS, messagesFor, overrideProblems } from '../../src/i18n/index.ts';
import { SAME_IN_GERMAN } from '../../src/i18n/de.ts';
import { placeholdersIn, translatorFor } from '../../src/i18n/catalog.ts';
import { resolveSiteConfig, type SiteConfigInput } from '../../src/lib/site-config.ts';
import { indexLanguage } from '../../src/integration/pagefind.ts';

const base: SiteConfigInput = { title: 'Handbuch', organization: 'Beispiel GmbH', editBaseUrl: 'https://git.example.com/edit/' };

describe('choosing a catalog', () => {
  it('reads German for de and its regional forms, English for everything else', () => {
    for (const lang of ['de', 'de-DE', 'de-AT', 'de-CH']) expect(catalogFor(lang)).toBe(de);
    for (const lang of ['en-US', 'en', 'fr-FR', 'nl']) expect(catalogFor(lang)).toBe(en);
  });
});

describe('plurals', () => {
  it('chooses one or other by the count in English', () => {
    const { t } = createTranslator('en-US');
    expect(t('review.inDays', { count: 1 })).toBe('(in 1 day)');
    expect(t('review.inDays', { count: 2 })).toBe('(in 2 days)');
    expect(t('review.inDays', { count: 0 })).toBe('(in 0 days)');
    expect(t('redline.unchangedSections', { count: 1 })).toBe('1 section unchanged.');
  });

  it('chooses one or other by the count in German', () => {
    const { t } = createTranslator('de-DE');
    expect(t('review.daysAgo', { count: 1 })).toBe('(vor 1 Tag)');
    expect(t('review.daysAgo', { count: 5 })).toBe('(vor 5 Tagen)');
    expect(t('paths.steps', { count: 1 })).toBe('1 Schritt');
    expect(t('paths.steps', { count: 3 })).toBe('3 Schritte');
  });

  it('uses the forms a language has beyond one and other, and falls back to other', () => {
    const polish = translatorFor({ files: { one: '{count} plik', few: '{count} pliki', many: '{count} plików', other: '{count} pliku' } }, 'pl');
    const t = (count: number) => (polish.t as (k: string, p: object) => string)('files', { count });
    expect([t(1), t(3), t(5)]).toEqual(['1 plik', '3 pliki', '5 plików']);
    const only = translatorFor({ files: { one: 'one file', other: '{count} files' } }, 'pl');
    expect((only.t as (k: string, p: object) => string)('files', { count: 3 })).toBe('3 files');
  });
});

describe('interpolation, numbers and dates', () => {
  it('fills placeholders and writes numbers the language’s way', () => {
    expect(createTranslator('en-US').t('search.results', { count: 1234, query: 'hold', scope: 'all editions' })).toBe(
      '1,234 results for “hold” in all editions.',
    );
    expect(createTranslator('de-DE').t('search.results', { count: 1234, query: 'Warten', scope: 'allen Ausgaben' })).toBe(
      '1.234 Ergebnisse für „Warten“ in allen Ausgaben.',
    );
  });

  it('leaves placeholders without a value as slots for markup', () => {
    const i18n = createTranslator('en-US');
    expect(i18n.segments('redirect.body')).toEqual(['This chapter has moved to ', { slot: 'link' }, '.']);
    expect(i18n.segments('chapter.reviewed', { owner: 'Sam' })).toEqual(['Last reviewed ', { slot: 'date' }, ' · Owner Sam']);
  });

  it('writes dates and lists in the handbook’s language', () => {
    const day = new Date('2026-01-15');
    expect(createTranslator('en-US').date(day)).toBe('January 15, 2026');
    expect(createTranslator('de-DE').date(day)).toBe('15. Januar 2026');
    expect(createTranslator('de-AT').date(new Date('2026-01-15'))).toBe('15. Jänner 2026');
    expect(createTranslator('de-DE').list(['Service', 'Vertrieb', 'Leitung'])).toBe('Service, Vertrieb und Leitung');
  });

  it('refuses a key no catalog has', () => {
    const t = createTranslator('en').t as (key: string) => string;
    expect(() => t('nav.nowhere')).toThrow(/nav\.nowhere/);
  });
});

describe('overrides', () => {
  it('replace single strings on top of the language’s catalog', () => {
    const { t } = createTranslator('de-DE', { 'nav.paths': 'Einarbeitung', 'paths.steps': { one: 'ein Schritt', other: '{count} Schritte' } });
    expect(t('nav.paths')).toBe('Einarbeitung');
    expect(t('paths.steps', { count: 1 })).toBe('ein Schritt');
    expect(t('nav.glossary')).toBe('Glossar');
  });

  it('are refused for an unknown key, naming it and the nearest key', () => {
    const problems = overrideProblems({ 'nav.pahts': 'Onboarding' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe('nav.pahts');
    expect(problems[0]!.message).toMatch(/"nav\.pahts" is not an interface string\. Did you mean "nav\.paths"\?/);
    expect(problems[0]!.message).toMatch(/src\/i18n\/en\.ts/);
  });

  it('are refused for a placeholder the string does not have, listing the ones it has', () => {
    const [problem] = overrideProblems({ 'review.inDays': { one: 'in {count} day', other: 'in {days} days' } });
    expect(problem!.message).toMatch(/uses \{days\}.*Placeholders it may use: \{count\}/);
    expect(overrideProblems({ 'nav.paths': 'Paths for {team}' })[0]!.message).toMatch(/may use: none/);
  });

  it('are refused as plural forms for a string without them', () => {
    expect(overrideProblems({ 'nav.paths': { one: 'Path', other: 'Paths' } })[0]!.message).toMatch(/has no plural forms/);
  });

  it('may leave out a placeholder the original has', () => {
    expect(overrideProblems({ 'paths.steps': { one: 'one step', other: '{count} steps' } })).toEqual([]);
  });

  it('are checked by the site config, all problems in one message', () => {
    const run = () => resolveSiteConfig({ ...base, strings: { 'nav.pahts': 'x', 'toc.title': 'Contents of {page}' } }, {}, 'charter.config.mjs');
    expect(run).toThrow(/charter\.config\.mjs/);
    expect(run).toThrow(/strings\.nav\.pahts: "nav\.pahts" is not an interface string/);
    expect(run).toThrow(/strings\.toc\.title: "toc\.title" uses \{page\}/);
    expect(resolveSiteConfig({ ...base, strings: { 'nav.paths': 'Onboarding' } }).strings).toEqual({ 'nav.paths': 'Onboarding' });
    expect(messagesFor('en', resolveSiteConfig({ ...base, strings: { 'nav.paths': 'Onboarding' } }).strings)['nav.paths']).toBe('Onboarding');
  });

  it('HANDBOOK_LANG overrides the configured language', () => {
    expect(resolveSiteConfig({ ...base, lang: 'en-US' }, { HANDBOOK_LANG: 'de-AT' }).lang).toBe('de-AT');
    expect(() => resolveSiteConfig(base, { HANDBOOK_LANG: 'german' })).toThrow(/lang/);
  });
});

describe('the German catalog', () => {
  it('has every key of the English one, and no other', () => {
    expect(Object.keys(de).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('translates every string, apart from those listed as the same on purpose', () => {
    const same = MESSAGE_KEYS.filter((k) => JSON.stringify(de[k]) === JSON.stringify(en[k]));
    expect(same.sort()).toEqual([...SAME_IN_GERMAN].sort());
  });

  it('uses the same placeholders as English, and plural forms where English has them', () => {
    for (const key of MESSAGE_KEYS) {
      expect([...placeholdersIn(de[key])].sort(), key).toEqual([...placeholdersIn(en[key])].sort());
      expect(typeof de[key], key).toBe(typeof en[key]);
    }
  });
});

describe('the search index language', () => {
  it('is the language of the handbook’s tag', () => {
    expect(indexLanguage('de-DE')).toBe('de');
    expect(indexLanguage('en-US')).toBe('en');
  });
});
