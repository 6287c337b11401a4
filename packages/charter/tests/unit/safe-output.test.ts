import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stagingFolders, swapIntoPlace } from '../../src/integration/safe-output.ts';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function site(folder: string, text: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'index.html'), text);
}

describe('building beside the output folder', () => {
  it('uses sibling folders, whatever the trailing slash', () => {
    expect(stagingFolders('/srv/handbook/dist/')).toEqual({ staging: '/srv/handbook/dist.next', previous: '/srv/handbook/dist.previous' });
    expect(stagingFolders('/srv/handbook/dist')).toEqual({ staging: '/srv/handbook/dist.next', previous: '/srv/handbook/dist.previous' });
  });

  it('puts the new site in place of the old one and leaves nothing else behind', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'charter-swap-'));
    const target = path.join(dir, 'dist');
    const { staging, previous } = stagingFolders(target);
    site(target, 'old');
    site(staging, 'new');
    writeFileSync(path.join(target, 'stale.html'), 'only in the old site');
    swapIntoPlace(staging, target, previous);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(target, 'stale.html'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(previous)).toBe(false);
  });

  it('works for a first build, with no site yet', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'charter-swap-'));
    const target = path.join(dir, 'dist');
    const { staging, previous } = stagingFolders(target);
    site(staging, 'first');
    swapIntoPlace(staging, target, previous);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('first');
  });
});
