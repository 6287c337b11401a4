import { describe, expect, it } from 'vitest';
import { formatHeadersFile, formatNginx, formatPolicy, mergePolicies, parsePolicy, policyInHtml, securityHeaders } from '../../src/lib/csp.ts';

describe('site-wide security headers', () => {
  it('merges page policies into one, keeping every hash any page needs, in a stable order', () => {
    const a = parsePolicy("default-src 'self'; script-src 'self' 'sha256-BBB'");
    const b = parsePolicy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA'");
    expect(formatPolicy(mergePolicies([a, b]))).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA' 'sha256-BBB'");
  });

  it('reads the policy from a page’s meta tag', () => {
    expect(policyInHtml('<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;"></head>')).toBe("default-src 'self'");
    expect(policyInHtml('<head></head>')).toBeUndefined();
  });

  it('writes a _headers block under the base path and nginx add_header lines', () => {
    const headers = securityHeaders("default-src 'self'", true);
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
    expect(headers['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    const file = formatHeadersFile(headers, '/handbook/');
    expect(file.split('\n')[0]).toBe('/handbook/*');
    expect(file).toContain("  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'");
    expect(formatNginx(headers)).toContain(`add_header Referrer-Policy "no-referrer" always;`);
    expect(securityHeaders('x', false)['X-Robots-Tag']).toBeUndefined();
  });
});
