/**
 * The home page's copy: the adopter's own (`home` in the site configuration), or a neutral default
 * built from the handbook's title and organization, which fits any handbook.
 */
import { withBase } from './paths.ts';
import type { SiteConfig } from './site-config.ts';

export interface HomeCopy {
  intro: string;
  description: string;
  actions: { label: string; href: string }[];
}

export function homeCopy(config: Pick<SiteConfig, 'title' | 'organization' | 'home'>): HomeCopy {
  const intro =
    config.home?.intro ??
    `The ${config.title} of ${config.organization}: how we work, chapter by chapter. Start at the beginning, or go straight to a section.`;
  return {
    intro,
    description: config.home?.description ?? `The ${config.title} of ${config.organization}.`,
    actions: config.home?.actions ?? [],
  };
}

/** A site path gets the base; an https:// address is left as it is. */
export function actionHref(base: string, href: string): string {
  return href.startsWith('/') ? withBase(base, href) : href;
}
