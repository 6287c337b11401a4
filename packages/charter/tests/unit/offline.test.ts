import { describe, expect, it } from 'vitest';
import { buildId, fileUrl, isPrecached, manifestFile, manifestSource, retiringWorkerSource, workerSource } from '../../src/lib/offline.ts';

const editions = [
  { id: 'draft', status: 'draft' as const },
  { id: '2026.1', status: 'current' as const },
  { id: '2025.1', status: 'archived' as const },
];

describe('the offline copy', () => {
  it('keeps the current edition, its search bundle and the shared files', () => {
    for (const file of [
      'index.html',
      'procedures/telephone/index.html',
      '_astro/a.1234.js',
      'pagefind/2026.1/pagefind.js',
      'pagefind/2026.1/fragment/x.pf_fragment',
      'search-config.json',
      'favicon.svg',
    ])
      expect(isPrecached(file, editions), file).toBe(true);
  });

  it('leaves out archived editions, the draft, permanent-link copies, other bundles and server files', () => {
    for (const file of [
      '2025.1/procedures/telephone/index.html',
      'draft/index.html',
      '2026.1/procedures/telephone/index.html',
      'pagefind/2025.1/pagefind.js',
      'pagefind/draft/pagefind-entry.json',
      '_headers',
      'nginx-security-headers.conf',
      'sw.js',
      `${manifestFile('0123456789abcdef')}`,
    ])
      expect(isPrecached(file, editions), file).toBe(false);
  });

  it('keeps no search bundle when no edition is current', () => {
    expect(isPrecached('pagefind/2026.1/pagefind.js', [{ id: '2026.1', status: 'archived' }])).toBe(false);
  });

  it('fetches a page at the address the site links, under the base', () => {
    expect(fileUrl('/handbook/', 'index.html')).toBe('/handbook/');
    expect(fileUrl('/handbook/', 'procedures/telephone/index.html')).toBe('/handbook/procedures/telephone/');
    expect(fileUrl('/', '_astro/a b.js')).toBe('/_astro/a%20b.js');
  });

  it('gives the same build id for the same files in any order, and a new one for any change', () => {
    const files = [
      { path: 'a', sha256: '1' },
      { path: 'b', sha256: '2' },
    ];
    expect(buildId(files)).toBe(buildId([...files].reverse()));
    expect(buildId(files)).not.toBe(buildId([files[0]!, { path: 'b', sha256: '3' }]));
    expect(buildId(files)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes the id and the list address on the worker file, the addresses in the list', () => {
    const manifest = { build: '0123456789abcdef', edition: '2026.1', base: '/handbook/', urls: ['/handbook/', '/handbook/</script>'], bytes: 10 };
    const source = workerSource(manifest, '// code');
    const first = source.split('\n')[0]!;
    expect(JSON.parse(first.replace('self.CHARTER_OFFLINE = ', '').replace(/;$/, ''))).toEqual({
      build: '0123456789abcdef',
      edition: '2026.1',
      base: '/handbook/',
      manifest: '/handbook/offline-0123456789abcdef.json',
    });
    expect(source.endsWith('// code')).toBe(true);
    expect(JSON.parse(manifestSource(manifest)).urls).toEqual(manifest.urls);
  });

  it('retires itself and only this handbook’s copies when offline reading is off', () => {
    const source = retiringWorkerSource('/handbook/');
    expect(source).toContain('"charter-offline:/handbook/:"');
    expect(source).toContain('unregister()');
  });
});
