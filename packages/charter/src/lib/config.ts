/**
 * The adopter's validated site configuration, for pages and components. The integration validated
 * it once and hands it over through a virtual module.
 */
import config from 'virtual:charter/config';
import pages from 'virtual:charter/pages';
import type { OptionalPages } from './optional-pages.ts';
import type { SiteConfig } from './site-config.ts';

export const siteConfig: SiteConfig = config;

/** Which optional pages this build has, so that nothing links to one that was not built. */
export const optionalPages: OptionalPages = pages;
