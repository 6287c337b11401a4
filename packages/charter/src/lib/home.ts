/**
 * The home page's copy: the adopter's own (`home` in the site configuration), or a neutral default
 * built from the handbook's title and organization, in the handbook's language, which fits any
 * handbook.
 */
import type { Translator } from '../i18n/catalog.ts';
import { createTranslator } from '../i18n/index.ts';
import { withBase } from './paths.ts';
import type { SiteConfig } from './site-config.ts';

export interface HomeCopy {
  intro: string;
  description: string;
  actions: { label: string; href: string }[];
}

export function homeCopy(config: Pick<SiteConfig, 'title' | 'organization' | 'home'>, i18n: Translator = createTranslator('en')): HomeCopy {
  const names = { title: config.title, organization: config.organization };
  return {
    intro: config.home?.intro ?? i18n.t('home.intro', names),
    description: config.home?.description ?? i18n.t('home.description', names),
    actions: config.home?.actions ?? [],
  };
}

/** A site path gets the base; an https:// address is left as it is. */
export function actionHref(base: string, href: string): string {
  return href.startsWith('/') ? withBase(base, href) : href;
}
