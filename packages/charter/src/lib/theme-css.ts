/**
 * The adopter's accent colour as CSS custom properties over the engine's own. The soft tint is
 * mixed here, with the same share the contrast check measured, so the site shows exactly the
 * colours that were checked.
 */
import { ACCENT_SOFT_SHARE, engineThemeColours, mixSrgb } from './contrast.ts';
import type { SiteConfig } from './site-config.ts';

export function accentCss(accent: SiteConfig['accent']): string {
  if (!accent) return "/* No accent colour configured: the engine's own applies. */\n";
  const { light, dark } = typeof accent === 'string' ? { light: accent, dark: accent } : accent;
  const themes = engineThemeColours();
  const softLight = mixSrgb(light, themes.light.surface, ACCENT_SOFT_SHARE.light);
  const softDark = mixSrgb(dark, themes.dark.surface, ACCENT_SOFT_SHARE.dark);
  // Doubled :root outranks the engine's :root whatever order the bundler puts the two sheets in.
  return `:root:root {\n  --accent: light-dark(${light}, ${dark});\n  --accent-soft: light-dark(${softLight}, ${softDark});\n}\n`;
}
