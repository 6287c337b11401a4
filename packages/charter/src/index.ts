/**
 * Charter as an Astro integration. An adopter's whole `astro.config.mjs` is
 *
 *   import { defineConfig } from 'astro/config';
 *   import charter from 'charter-handbook';
 *   import config from './charter.config.mjs';
 *   export default defineConfig({ integrations: [charter(config)] });
 *
 * Everything else a handbook needs (routes, the MDX compiler with the safety gate inside it, the
 * search index, the security policy and headers) is set up here, so a fix reaches every handbook
 * with `npm update`.
 */
import type { AstroIntegration } from 'astro';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chapterGateVitePlugin, charterMarkdownProcessor } from './integration/chapter-gate.ts';
import { pagefindIntegration } from './integration/pagefind.ts';
import { pdfIntegration } from './integration/pdf.ts';
import { securityHeadersIntegration } from './integration/security-headers.ts';
import { offlineIntegration } from './integration/offline.ts';
import { safeOutputIntegration } from './integration/safe-output.ts';
import { CONTENT_SECURITY_POLICY } from './integration/policy.ts';
import { routesFor } from './integration/routes.ts';
import { virtualConfigPlugin } from './integration/virtual-config.ts';
import { resolveContentDir } from './lib/content-dir.ts';
import { detectOptionalPages } from './lib/optional-pages.ts';
import { resolveSiteConfig, type SiteConfigInput } from './lib/site-config.ts';
import { readVocabulary } from './lib/vocabulary-file.ts';
import { createTranslator } from './i18n/index.ts';

export { defineCharterConfig, type SiteConfigInput as CharterConfig } from './lib/site-config.ts';

/** The bundled script of the offline-reading part of every page (layouts/parts/OfflineStatus.astro). */
const OFFLINE_SCRIPT = /(?:^|\/)OfflineStatus\.astro_astro_type_script/;

/** The bundler's warning about Astro's own per-module directive, which Astro handles itself. */
function isHeadInjectWarning(warning: { code?: string; message: string }): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

export default function charter(input: SiteConfigInput): AstroIntegration {
  return {
    name: 'charter-handbook',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        const publicDir = fileURLToPath(config.publicDir);
        const site = resolveSiteConfig(input, process.env, 'charter.config.mjs', { publicDir });
        const contentDir = resolveContentDir(process.env, fileURLToPath(config.root));
        // A bad vocabulary.yaml stops the build here, with every problem located.
        const vocabulary = readVocabulary(contentDir);
        const pages = detectOptionalPages(contentDir, publicDir);
        const i18n = createTranslator(site.lang, site.strings);
        for (const route of routesFor(pages))
          injectRoute({ pattern: route.pattern, entrypoint: new URL(`./routes/${route.file}`, import.meta.url), prerender: true });
        const hasMdx = config.integrations.some((integration) => integration.name === '@astrojs/mdx');
        updateConfig({
          ...(site.site ? { site: site.site } : {}),
          base: site.base,
          trailingSlash: 'always',
          build: { format: 'directory' },
          // Scoped styles mark elements with a class rather than a data-astro-cid-… attribute: the
          // same specificity, a third fewer bytes on every element of every page.
          scopedStyleStrategy: 'class',
          // The gate's Vite plugin is added before the MDX integration's, so it sees every chapter first.
          integrations: [
            ...(hasMdx ? [] : [mdx()]),
            pagefindIntegration(site, vocabulary),
            // After the search bundles, which the offline copy includes.
            offlineIntegration({ base: site.base, enabled: site.offline }),
            securityHeadersIntegration({ base: site.base, noindex: site.noindex }),
            // Prints the finished pages, so after every step that writes them.
            pdfIntegration(site.pdf),
            // Last: it moves the finished site into place.
            safeOutputIntegration(),
          ],
          devToolbar: { enabled: false },
          // Shiki colours code with inline styles, which the Content-Security-Policy forbids; code
          // blocks in chapters are short examples and read fine unhighlighted.
          markdown: {
            syntaxHighlight: false,
            processor: charterMarkdownProcessor(vocabulary, { contentDir, base: site.base, copyLinkLabel: (heading) => i18n.t('copyLink.label', { heading }) }),
          },
          security: { csp: CONTENT_SECURITY_POLICY },
          vite: {
            plugins: [chapterGateVitePlugin(vocabulary), virtualConfigPlugin(site, pages, vocabulary)],
            build: {
              // The offline worker's registration ships as a file of its own, never inlined into
              // pages: every page's policy keeps one hash fewer, and browsers fetch it once.
              assetsInlineLimit: (file: string) => (OFFLINE_SCRIPT.test(file) ? false : undefined),
              rollupOptions: {
                // Astro marks every MDX module with "use astro:head-inject", and the bundler warns once
                // per chapter that it may not keep it. Sixty such lines would hide a real warning.
                onwarn(warning: { code?: string; message: string }, warn: (warning: never) => void) {
                  if (!isHeadInjectWarning(warning)) warn(warning as never);
                },
              },
            },
          },
          // One content cache per content folder: Astro's cache does not notice that
          // HANDBOOK_CONTENT_DIR changed, and entries from the previous folder would leak into the build.
          cacheDir: new URL(`./node_modules/.astro/content-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}/`, config.root),
        });
      },
    },
  };
}
