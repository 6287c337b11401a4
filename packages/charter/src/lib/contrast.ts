/**
 * Colour contrast as WCAG 2.2 measures it (relative luminance, success criterion 1.4.3), and the
 * check that an adopter's accent colour stays readable in both of the engine's themes. The themes'
 * colours are read from the engine's own stylesheet, so the check and the site cannot disagree.
 */
import { readFileSync } from 'node:fs';

/** WCAG AA for normal-size text. */
export const AA_TEXT = 4.5;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** `#abc` or `#aabbcc` as 0–255 channels. */
export function hexToRgb(hex: string): [number, number, number] {
  if (!isHexColour(hex)) throw new Error(`not a hex colour: ${hex}`);
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

export function rgbToHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c!).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance: each sRGB channel linearised, then weighted by the eye's sensitivity. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What CSS `color-mix(in srgb, colour p, base)` gives, so a derived tint can be measured too. */
export function mixSrgb(colour: string, base: string, share: number): string {
  const a = hexToRgb(colour);
  const b = hexToRgb(base);
  return rgbToHex(a.map((c, i) => c * share + b[i]! * (1 - share)));
}

/** Ratios are shown rounded down, so a colour shown as 4.5:1 really passes. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

export type ThemeName = 'light' | 'dark';

/** The colours of one theme that the accent is drawn on, or draws on. */
export interface ThemeColours {
  surface: string;
  surfaceRaised: string;
  onAccent: string;
}

/**
 * How much of the accent its soft tint (`--accent-soft`, the background of the current sidebar
 * entry, which shows the accent as text) holds, per theme; the engine's own tints are about this.
 */
export const ACCENT_SOFT_SHARE: Record<ThemeName, number> = { light: 0.1, dark: 0.16 };

const THEME_VARIABLES = { surface: '--surface', surfaceRaised: '--surface-raised', onAccent: '--on-accent' } as const;

/** The light and dark values of `--name: light-dark(#…, #…)` declarations in a stylesheet. */
export function readThemeColours(css: string): Record<ThemeName, ThemeColours> {
  const pick = (variable: string): [string, string] => {
    const match = new RegExp(`${variable}:\\s*light-dark\\(\\s*(#[0-9a-f]+)\\s*,\\s*(#[0-9a-f]+)\\s*\\)`, 'i').exec(css);
    if (!match) throw new Error(`The engine's stylesheet declares no ${variable}: light-dark(#…, #…).`);
    return [match[1]!, match[2]!];
  };
  const values = Object.fromEntries(Object.entries(THEME_VARIABLES).map(([key, variable]) => [key, pick(variable)])) as Record<
    keyof ThemeColours,
    [string, string]
  >;
  const theme = (i: 0 | 1): ThemeColours => ({ surface: values.surface[i], surfaceRaised: values.surfaceRaised[i], onAccent: values.onAccent[i] });
  return { light: theme(0), dark: theme(1) };
}

let engineThemes: Record<ThemeName, ThemeColours> | undefined;

/** The engine's themes, from src/styles/global.css (copied beside the compiled code in dist/). */
export function engineThemeColours(): Record<ThemeName, ThemeColours> {
  engineThemes ??= readThemeColours(readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8'));
  return engineThemes;
}

export interface ContrastPair {
  /** What the accent is measured against, as a reader would name it. */
  against: string;
  colour: string;
  ratio: number;
}

/** Every pair the accent forms in one theme: as text on each background, and under the text drawn on it. */
export function accentPairs(accent: string, theme: ThemeColours, soft: number): ContrastPair[] {
  const pairs: [string, string][] = [
    ['the background', theme.surface],
    ['the raised background', theme.surfaceRaised],
    ['its own soft tint', mixSrgb(accent, theme.surface, soft)],
    ['the text drawn on it (--on-accent)', theme.onAccent],
  ];
  return pairs.map(([against, colour]) => ({ against, colour, ratio: contrastRatio(accent, colour) }));
}

/**
 * What is wrong with an accent colour in one theme, in one sentence naming the measured ratios and
 * what is needed; undefined when every pair reaches WCAG AA for text. The caller names the field.
 */
export function accentContrastProblem(
  accent: string,
  themeName: ThemeName,
  themes: Record<ThemeName, ThemeColours> = engineThemeColours(),
): string | undefined {
  const failing = accentPairs(accent, themes[themeName], ACCENT_SOFT_SHARE[themeName]).filter((p) => p.ratio < AA_TEXT);
  if (failing.length === 0) return undefined;
  const measured = failing.map((p) => `${formatRatio(p.ratio)} against ${p.against} ${p.colour}`).join(', ');
  // Every colour the accent meets in a theme is on the same side (light ones in the light theme).
  const direction = relativeLuminance(themes[themeName].surface) > 0.5 ? 'darker' : 'lighter';
  return `${accent} in the ${themeName} theme measures ${measured}; WCAG AA needs at least ${AA_TEXT}:1 for text. Choose a ${direction} colour.`;
}
