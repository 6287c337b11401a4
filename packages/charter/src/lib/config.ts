/**
 * The adopter's validated site configuration, for pages and components. The integration validated
 * it once and hands it over through a virtual module.
 */
import config from 'virtual:charter/config';
import type { SiteConfig } from './site-config.ts';

export const siteConfig: SiteConfig = config;
