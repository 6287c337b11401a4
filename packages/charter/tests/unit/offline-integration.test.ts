/** The build step that writes the offline worker, on a small built site of its own. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { offlineIntegration } from '../../src/integration/offline.ts';

const exampleContent = path.resolve(import.meta.dirname, '../../../../examples/northwind/src/content');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function site(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'charter-offline-step-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function runStep(outDir: string, enabled: boolean): Promise<string[]> {
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`) };
  const previous = process.env.HANDBOOK_CONTENT_DIR;
  process.env.HANDBOOK_CONTENT_DIR = exampleContent;
  try {
    const hook = offlineIntegration({ base: '/handbook/', enabled }).hooks['astro:build:done'] as (options: unknown) => void;
    hook({ dir: pathToFileURL(`${outDir}/`), logger });
  } finally {
    if (previous === undefined) delete process.env.HANDBOOK_CONTENT_DIR;
    else process.env.HANDBOOK_CONTENT_DIR = previous;
  }
  return logged;
}

const BUILT = {
  'index.html': '<html></html>',
  'procedures/telephone/index.html': '<html>phone</html>',
  '2026.1/procedures/telephone/index.html': '<html>phone</html>',
  '2025.1/procedures/telephone/index.html': '<html>old</html>',
  'draft/index.html': '<html>draft</html>',
  '_astro/page.abc123.js': 'console.log(1)',
  'pagefind/2026.1/pagefind.js': '//',
  'pagefind/2025.1/pagefind.js': '//',
  _headers: '/handbook/*',
};

describe('the offline build step', () => {
  it('writes the worker with the build id and the list of the current edition’s files, and reports the size', async () => {
    const out = site(BUILT);
    const logged = await runStep(out, true);
    const worker = readFileSync(path.join(out, 'sw.js'), 'utf8');
    const { build, manifest } = JSON.parse(worker.split('\n')[0]!.replace('self.CHARTER_OFFLINE = ', '').replace(/;$/, '')) as {
      build: string;
      manifest: string;
    };
    expect(worker).toContain("self.addEventListener('fetch'");
    expect(manifest).toBe(`/handbook/offline-${build}.json`);
    const list = JSON.parse(readFileSync(path.join(out, `offline-${build}.json`), 'utf8')) as { urls: string[]; edition: string };
    expect(list.edition).toBe('2026.1');
    // In the order of the built files' paths.
    expect(list.urls).toEqual(['/handbook/_astro/page.abc123.js', '/handbook/', '/handbook/pagefind/2026.1/pagefind.js', '/handbook/procedures/telephone/']);
    expect(logged).toEqual([`info Offline copy: 4 files, 0 kB of edition 2026.1 (build ${build}).`]);
  });

  it('gives another build id when a kept file changes, and the same one when only a left-out file does', async () => {
    const idOf = async (files: Record<string, string>) => {
      const out = site(files);
      await runStep(out, true);
      const id = /"build":"([0-9a-f]+)"/.exec(readFileSync(path.join(out, 'sw.js'), 'utf8'))![1]!;
      rmSync(out, { recursive: true, force: true });
      return id;
    };
    const first = await idOf(BUILT);
    expect(await idOf({ ...BUILT, '2025.1/procedures/telephone/index.html': '<html>older</html>' })).toBe(first);
    expect(await idOf({ ...BUILT, 'procedures/telephone/index.html': '<html>phone, fixed</html>' })).not.toBe(first);
  });

  it('writes a worker that removes itself and its copies when offline reading is off', async () => {
    const out = site(BUILT);
    const logged = await runStep(out, false);
    const worker = readFileSync(path.join(out, 'sw.js'), 'utf8');
    expect(worker).toContain('unregister()');
    expect(worker).not.toContain('CHARTER_OFFLINE');
    expect(logged[0]).toMatch(/^info Offline reading is off/);
  });
});
