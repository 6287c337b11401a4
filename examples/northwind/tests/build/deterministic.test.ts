/**
 * Building the same commit twice gives byte-identical output, so reviewers can diff what a pull
 * request changes in the built site. The review page depends on the date; CHARTER_TODAY pins it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithContent, SHIPPED_BUILD_ENV, shippedExampleBuild } from './support.ts';

function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, rel);
    if (statSync(full).isFile()) files.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return files;
}

describe('deterministic builds', () => {
  it('gives byte-identical output for two builds of the same content, the PDFs included', () => {
    const contentDir = path.resolve(import.meta.dirname, '../../src/content');
    const first = fingerprint(shippedExampleBuild().dist);
    let second = new Map<string, string>();
    expect(buildWithContent(contentDir, { ...SHIPPED_BUILD_ENV }, (dist) => (second = fingerprint(dist))).status).toBe(0);
    expect(first.size).toBeGreaterThan(100);
    expect([...first.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(1);
    const differing = [...new Set([...first.keys(), ...second.keys()])].filter((f) => first.get(f) !== second.get(f));
    expect(differing).toEqual([]);
  }, 240_000);

  it('builds the example without a single warning', () => {
    const { output } = shippedExampleBuild();
    expect(output).toContain('Complete!');
    expect(output.split('\n').filter((line) => /\[WARN\]|\bwarning\b/i.test(line))).toEqual([]);
  }, 240_000);
});
