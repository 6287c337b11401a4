// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import charterConfig from './charter.config.ts';
import { resolveSiteConfig } from './src/lib/site-config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { resolveContentDir } from './src/lib/content-dir.ts';
import { chapterGateIntegration, charterMarkdownProcessor } from './src/integrations/chapter-gate.ts';

const site = resolveSiteConfig(charterConfig, process.env);
const contentDir = resolveContentDir();

export default defineConfig({
  ...(site.site ? { site: site.site } : {}),
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Scoped styles mark elements with a class rather than a data-astro-cid-… attribute: the same
  // specificity, a third fewer bytes on every element of every page.
  scopedStyleStrategy: 'class',
  // The handbook ships no client framework; the few scripts it has are inlined by Astro.
  // The chapter gate comes first: its Vite plugin must see every chapter before the MDX compiler.
  integrations: [chapterGateIntegration(), mdx(), pagefindIntegration(), securityHeadersIntegration({ base: site.base, noindex: site.noindex })],
  devToolbar: { enabled: false },
  // Shiki colours code with inline styles, which the Content-Security-Policy forbids; code blocks
  // in chapters are short examples and read fine unhighlighted.
  // The processor is Astro's default compiler with the safety gate inside it (chapter-gate.ts).
  markdown: { syntaxHighlight: false, processor: charterMarkdownProcessor() },
  security: {
    // Astro hashes every script and style it emits into a CSP <meta> on each page. Pagefind needs
    // WebAssembly ('wasm-unsafe-eval') and its worker; nothing may come from another host.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  server: { port: 4321 },
  vite: {
    build: {
      rollupOptions: {
        // Astro marks every MDX module with its own "use astro:head-inject" directive, and the bundler
        // warns once per chapter that it may not keep it; Astro handles it itself. Sixty lines of that
        // would hide a real warning, so only this one is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  // One content cache per content folder: Astro's cache does not notice that HANDBOOK_CONTENT_DIR
  // changed, and entries from the previous folder would otherwise leak into the build.
  cacheDir: `./node_modules/.astro/content-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`,
});
