import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/lib/fs-transaction.ts';

function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'charter-tx-'));
  writeFileSync(path.join(dir, 'a.txt'), 'old a');
  writeFileSync(path.join(dir, 'b.txt'), 'old b');
  return dir;
}

describe('writeFilesAtomically', () => {
  it('writes every file, creating folders, and leaves no temporary files', () => {
    const dir = scratch();
    writeFilesAtomically(
      new Map([
        [path.join(dir, 'a.txt'), 'new a'],
        [path.join(dir, 'sub/deep/c.txt'), 'new c'],
      ]),
    );
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(dir, 'sub/deep/c.txt'), 'utf8')).toBe('new c');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'sub']);
  });

  it('puts every file back as it was when a failure strikes halfway', () => {
    const dir = scratch();
    expect(() =>
      writeFilesAtomically(
        new Map([
          [path.join(dir, 'a.txt'), 'new a'],
          [path.join(dir, 'new/c.txt'), 'new c'],
          [path.join(dir, 'b.txt'), 'new b'],
        ]),
        { failAfter: 2 },
      ),
    ).toThrow(/Injected failure after 2 of 3 files/);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('old b');
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
