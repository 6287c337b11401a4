// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import charterConfig from './charter.config.ts';
import { resolveSiteConfig } from './src/lib/site-config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { resolveContentDir } from './src/lib/content-dir.ts';

const site = resolveSiteConfig(charterConfig, process.env);
const contentDir = resolveContentDir();

export default defineConfig({
  ...(site.site ? { site: site.site } : {}),
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The handbook ships no client framework; the few scripts it has are inlined by Astro.
  integrations: [mdx(), pagefindIntegration()],
  devToolbar: { enabled: false },
  server: { port: 4321 },
  // One content cache per content folder: Astro's cache does not notice that HANDBOOK_CONTENT_DIR
  // changed, and entries from the previous folder would otherwise leak into the build.
  cacheDir: `./node_modules/.astro/content-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`,
});
