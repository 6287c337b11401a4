/**
 * The build refuses a knowledge check the checker calls an error, with the same located message:
 * both read it through the gate (src/gate/knowledge-checks.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWithContent, copyContent } from './support.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('a broken knowledge check', () => {
  it('fails the build, naming the file, line and column, what is wrong and how to write it', () => {
    const content = copyContent();
    cleanup = content.cleanup;
    const file = content.file('editions/draft/skills/listening.mdx');
    const before = readFileSync(file, 'utf8');
    const line = before.split('\n').length;
    writeFileSync(file, `${before}\n<Check question="Which one?">\n\n- [x] This one\n- [x] That one\n\n</Check>\n`);
    const { status, output } = buildWithContent(content.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('The build refuses:');
    // The appended check starts on the line after the file's last one and a blank line.
    expect(output).toContain(`editions/draft/skills/listening.mdx:${line + 1}:1: Unexpected <Check> without an explanation`);
    expect(output).toContain(
      `editions/draft/skills/listening.mdx:${line + 4}:1: Unexpected second right answer in <Check>, expected exactly one option marked "[x]": mark the others "[ ]"`,
    );
  });
});
