/** The build gate's quick pre-check: it may only skip chapters the MDX safety rule would pass. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldCode } from '../../src/lint/may-hold-code.ts';
import { random } from '../../scripts/support/random.ts';
import { checkRule, shippedContent } from './support.ts';

const unsafe = async (text: string) => (await checkRule('mdx-safety', text)).length > 0;

describe('mayHoldCode', () => {
  it('passes plain Markdown with links, lists, tables and emphasis', () => {
    const plain = '---\ntitle: A\n---\n\nSee [the phone chapter](/procedures/telephone/).\n\n- *one*\n- **two**\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
    expect(mayHoldCode(plain)).toBe(false);
  });

  it.each([
    ['a component', '<Callout>x</Callout>'],
    ['an expression', 'Hello {name}.'],
    ['an import, even indented', '  import X from "y"'],
    ['an export', 'export const a = 1'],
    ['a javascript: link', '[a](javascript:alert(1))'],
    ['a spaced vbscript: link', '[a](VBScript :x)'],
    ['a data: image', '![a](data:image/png;base64,xx)'],
    ['a character reference', '[a](&#106;avascript:x)'],
  ])('sends %s to the full check', (_, text) => {
    expect(mayHoldCode(text)).toBe(true);
  });

  it('never skips a text the MDX safety rule reports (seeded random texts)', async () => {
    const pieces = [
      'word ', ' ', '\n\n', '*em* ', '`code` ', '[x](/a/) ', '[x](javascript:a) ', '[x](JavaScript:b) ', '[x](&#106;avascript:c) ',
      '![i](data:x) ', '[r]: vbscript:x\n\n', '<script />', '<Widget />', '<div onclick="a">b</div>', '<b>x</b> ', '{a} ', '{/* note */} ',
      'import a from "b"\n\n', 'export const z = 1\n\n', '<', '{', '&amp; ', '| a | b |\n', '> quote\n\n',
    ];
    const rnd = random(7);
    let reported = 0;
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 4 + Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]!).join('');
      if (await unsafe(text)) {
        reported++;
        expect(mayHoldCode(text), JSON.stringify(text)).toBe(true);
      }
    }
    // The generator must actually produce unsafe texts, or the property above proves nothing.
    expect(reported).toBeGreaterThan(20);
  });

  it('agrees with the rule on every shipped chapter it would skip', async () => {
    const editions = path.join(shippedContent, 'editions');
    const files = readdirSync(editions, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    for (const file of files) {
      const source = readFileSync(path.join(editions, file), 'utf8');
      if (!mayHoldCode(source)) expect(await unsafe(source), file).toBe(false);
    }
  });
});
