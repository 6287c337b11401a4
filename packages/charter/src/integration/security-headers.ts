/**
 * After the build, writes the site's security headers for servers that send headers rather than
 * rely on <meta>: `_headers` and `nginx-security-headers.conf` in the output folder.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHeadersFile, formatNginx, formatPolicy, mergePolicies, parsePolicy, policyInHtml, securityHeaders } from '../lib/csp.ts';

export function securityHeadersIntegration(options: { base: string; noindex: boolean }): AstroIntegration {
  return {
    name: 'charter:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
        const policies = pages.flatMap((f) => {
          const text = policyInHtml(readFileSync(path.join(outDir, f), 'utf8'));
          return text ? [parsePolicy(text)] : [];
        });
        if (policies.length === 0) throw new Error('No page carries a Content-Security-Policy; security.csp must stay enabled in astro.config.mjs.');
        const headers = securityHeaders(formatPolicy(mergePolicies(policies)), options.noindex);
        writeFileSync(path.join(outDir, '_headers'), formatHeadersFile(headers, options.base));
        writeFileSync(path.join(outDir, 'nginx-security-headers.conf'), formatNginx(headers));
        logger.info(`Wrote _headers and nginx-security-headers.conf from ${policies.length} pages' policies.`);
      },
    },
  };
}
