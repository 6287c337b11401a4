/**
 * The Content-Security-Policy every page carries. Astro hashes each script and style it emits into
 * a <meta> on the page; Pagefind needs WebAssembly ('wasm-unsafe-eval') and its worker; nothing may
 * come from another host, so the handbook works on an intranet without internet access.
 */
import type { AstroConfig } from 'astro';

type CspConfig = Exclude<AstroConfig['security']['csp'], boolean>;

// Settings added by an integration skip Astro's defaults, so the hash algorithm is spelled out.
export const CONTENT_SECURITY_POLICY: CspConfig = {
  algorithm: 'SHA-256',
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
};
