// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import charterConfig from './charter.config.ts';
import { resolveSiteConfig } from './src/lib/site-config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

const site = resolveSiteConfig(charterConfig, process.env);

export default defineConfig({
  ...(site.site ? { site: site.site } : {}),
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The handbook ships no client framework; the few scripts it has are inlined by Astro.
  integrations: [mdx(), pagefindIntegration()],
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
});
