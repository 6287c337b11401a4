/** The adopter's brand in the site configuration: contrast of the accent, the logo, the home copy. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  accentContrastProblem,
  accentPairs,
  ACCENT_SOFT_SHARE,
  contrastRatio,
  engineThemeColours,
  formatRatio,
  mixSrgb,
  readThemeColours,
  relativeLuminance,
} from '../../src/lib/contrast.ts';
import { homeCopy, actionHref } from '../../src/lib/home.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { logoProblem } from '../../src/lib/logo.ts';
import { resolveSiteConfig } from '../../src/lib/site-config.ts';
import { accentCss } from '../../src/lib/theme-css.ts';

describe('WCAG contrast', () => {
  it('gives the ratios of well-known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white; #777777 just misses it.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
    expect(contrastRatio('#ffffff', '#808080')).toBeCloseTo(3.95, 2);
  });

  it('measures luminance with the linear segment for dark channels', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    // 10/255 is below the 0.04045 threshold: 0.0392/12.92 in every channel.
    expect(relativeLuminance('#0a0a0a')).toBeCloseTo(10 / 255 / 12.92, 10);
  });

  it('rounds a shown ratio down, so 4.49 is never shown as passing', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(21)).toBe('21.00:1');
  });

  it('mixes as CSS color-mix in sRGB does', () => {
    expect(mixSrgb('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixSrgb('#ff0000', '#0000ff', 0.25)).toBe('#4000bf');
  });

  it('reads both themes from the engine stylesheet', () => {
    const themes = engineThemeColours();
    expect(themes.light.surface).toBe('#ffffff');
    expect(themes.dark.surface).toBe('#14161a');
    expect(themes.dark.onAccent).toBe('#0b1220');
    expect(() => readThemeColours(':root { --surface: #fff; }')).toThrow(/declares no --surface: light-dark/);
  });

  it("passes the engine's own accents, in their own themes", () => {
    expect(accentContrastProblem('#1f5fae', 'light')).toBeUndefined();
    expect(accentContrastProblem('#7fb0f0', 'dark')).toBeUndefined();
    const dark = accentPairs('#7fb0f0', engineThemeColours().dark, ACCENT_SOFT_SHARE.dark);
    expect(dark.map((p) => p.against)).toEqual(['the background', 'the raised background', 'its own soft tint', 'the text drawn on it (--on-accent)']);
  });

  it('names the theme, every failing pair with its ratio, what is needed and which way to go', () => {
    const problem = accentContrastProblem('#777777', 'light')!;
    expect(problem).toContain('#777777 in the light theme measures 4.47:1 against the background #ffffff');
    expect(problem).toContain('against the text drawn on it (--on-accent) #ffffff');
    expect(problem).toContain('WCAG AA needs at least 4.5:1 for text. Choose a darker colour.');
    expect(accentContrastProblem('#1f5fae', 'dark')).toMatch(/in the dark theme measures \d\.\d\d:1 against the background #14161a.*Choose a lighter colour\./);
  });

  it('checks the tint too: a colour that passes on the background can fail on its own soft tint', () => {
    // #707070 passes on white (4.95:1) and on the raised background (4.61:1), not on its tint (4.38:1).
    const problem = accentContrastProblem('#707070', 'light')!;
    expect(contrastRatio('#707070', '#f5f7fa')).toBeGreaterThan(4.5);
    expect(problem).not.toContain('against the background #ffffff');
    expect(problem).not.toContain('against the raised background');
    expect(problem).toMatch(/measures 4\.38:1 against its own soft tint #[0-9a-f]{6};/);
  });
});

describe('the accent in the site configuration', () => {
  const base = { title: 'Staff Guide', organization: 'Harbour Library' };

  it('accepts one colour per theme that passes in both, and writes it over the engine accent', () => {
    const config = resolveSiteConfig({ ...base, accent: { light: '#8a1538', dark: '#f4a7b9' } });
    expect(config.accent).toEqual({ light: '#8a1538', dark: '#f4a7b9' });
    const css = accentCss(config.accent);
    expect(css).toContain('--accent: light-dark(#8a1538, #f4a7b9)');
    expect(css).toContain(`--accent-soft: light-dark(${mixSrgb('#8a1538', '#ffffff', 0.1)}, ${mixSrgb('#f4a7b9', '#14161a', 0.16)})`);
    expect(accentCss(undefined)).not.toContain('--accent');
  });

  it('refuses a per-theme colour that fails, naming the field, the ratios and what is needed', () => {
    let message = '';
    try {
      resolveSiteConfig({ ...base, accent: { light: '#ff8800', dark: '#333333' } }, {}, 'charter.config.mjs');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid site configuration in charter\.config\.mjs:/);
    expect(message).toMatch(/- accent\.light: #ff8800 in the light theme measures 2\.39:1 against the background #ffffff.*needs at least 4\.5:1/);
    expect(message).toMatch(/- accent\.dark: #333333 in the dark theme measures 1\.\d\d:1 against the background #14161a.*Choose a lighter colour/);
  });

  it('refuses one colour for both themes when one theme cannot read it, and says how to give two', () => {
    expect(() => resolveSiteConfig({ ...base, accent: '#1f5fae' })).toThrow(
      /- accent: #1f5fae in the dark theme measures .*give one per theme, accent: \{ light: "#…", dark: "#…" \}/,
    );
  });

  it('refuses what is not a hex colour, with the allowed form', () => {
    expect(() => resolveSiteConfig({ ...base, accent: 'navy' })).toThrow(/accent: /);
    expect(() => resolveSiteConfig({ ...base, accent: { light: 'rgb(0,0,0)', dark: '#f4a7b9' } })).toThrow(
      /accent\.light: must be a CSS hex colour such as "#1f5fae"/,
    );
  });

  it('leaves editBaseUrl, logo, accent and home out when not given', () => {
    const config = resolveSiteConfig(base);
    expect(config.editBaseUrl).toBeUndefined();
    expect(config.logo).toBeUndefined();
    expect(config.accent).toBeUndefined();
    expect(config.home).toBeUndefined();
  });

  it('lists every problem of a configuration in one message', () => {
    let message = '';
    try {
      resolveSiteConfig({ ...base, logo: 'logo.bmp', accent: { light: '#ffff00', dark: '#7fb0f0' }, home: { actions: [{ label: '', href: 'touchpoints' }] } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('- logo: must be the path of an image in public/ (.svg, .png, .jpg, .gif, .webp or .avif)');
    expect(message).toContain('- accent.light: #ffff00 in the light theme');
    expect(message).toContain('- home.actions.0.label:');
    expect(message).toContain('- home.actions.0.href: must be a site path starting with "/" (the base is added) or an https:// address');
  });
});

describe('the logo', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'charter-logo-'));
  const publicDir = path.join(project, 'public');
  mkdirSync(path.join(publicDir, 'brand'), { recursive: true });
  writeFileSync(
    path.join(publicDir, 'brand/mark.svg'),
    '<?xml version="1.0"?>\n<!-- the mark -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>',
  );
  writeFileSync(path.join(publicDir, 'mark.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(path.join(publicDir, 'notes.png'), 'these are notes, saved with the wrong name');
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('accepts an image in public/, with or without a leading slash', () => {
    expect(logoProblem('/brand/mark.svg', publicDir)).toBeUndefined();
    expect(logoProblem('mark.png', publicDir)).toBeUndefined();
    expect(resolveSiteConfig({ title: 'T', organization: 'O', logo: '/brand/mark.svg' }, {}, 'charter.config.mjs', { publicDir }).logo).toBe('/brand/mark.svg');
  });

  it('refuses a missing file and a file that is not an image, naming the field', () => {
    expect(() => resolveSiteConfig({ title: 'T', organization: 'O', logo: '/brand/missing.svg' }, {}, 'charter.config.mjs', { publicDir })).toThrow(
      /- logo: public\/brand\/missing\.svg not found\. Put the image in the project's public\/ folder/,
    );
    expect(logoProblem('/notes.png', publicDir)).toMatch(/^public\/notes\.png is not an image: its content is none of PNG, JPEG, GIF, WebP, AVIF, SVG/);
  });

  it('refuses a path out of public/', () => {
    expect(() => resolveSiteConfig({ title: 'T', organization: 'O', logo: '../secret/logo.svg' }, {}, 'c', { publicDir })).toThrow(/logo: /);
  });
});

describe('the home page copy', () => {
  it('is neutral by default, built from the title and organization', () => {
    const copy = homeCopy({ title: 'Staff Guide', organization: 'Harbour Library', home: undefined });
    expect(copy.intro).toContain('The Staff Guide of Harbour Library');
    expect(copy.description).toBe('The Staff Guide of Harbour Library.');
    expect(copy.actions).toEqual([]);
    expect(`${copy.intro} ${copy.description}`).not.toMatch(/customer|touchpoint/i);
  });

  it("is in the handbook's language", () => {
    const copy = homeCopy({ title: 'Mitarbeiterhandbuch', organization: 'Stadtbibliothek', home: undefined }, createTranslator('de-DE'));
    expect(copy.intro).toMatch(/^Mitarbeiterhandbuch von Stadtbibliothek: wie wir arbeiten/);
    expect(copy.description).toBe('Mitarbeiterhandbuch von Stadtbibliothek.');
  });

  it("takes the adopter's own intro, description and buttons", () => {
    const home = { intro: 'Wie wir arbeiten.', description: 'Das Handbuch.', actions: [{ label: 'Leitbild', href: '/leitbild/' }] };
    expect(homeCopy({ title: 'T', organization: 'O', home })).toEqual(home);
  });

  it('puts the base before a site path but not before an https address', () => {
    expect(actionHref('/handbook/', '/touchpoints/')).toBe('/handbook/touchpoints/');
    expect(actionHref('/handbook/', 'https://intranet.example.org/')).toBe('https://intranet.example.org/');
  });
});
