/** What an adopter's `charter.config.mjs` imports: `defineCharterConfig` keeps the file typed. */
export { defineCharterConfig, siteConfigSchema, type SiteConfigInput as CharterConfig } from './lib/site-config.ts';
