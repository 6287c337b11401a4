/**
 * The validated site configuration, for pages and components. Validation happens once here; a bad
 * value stops the build with a message naming the field.
 */
import rawConfig from '../../charter.config.ts';
import { resolveSiteConfig } from './site-config.ts';

export const siteConfig = resolveSiteConfig(rawConfig, process.env);
