/**
 * parseChapter's twin parsers without GFM autolink literals (src/lib/mdx-parser.ts) give the tree
 * the full parsers give, positions included, for every text that cannot hold an autolink literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOLINK_TWINS, commonmarkParser, markdownParser, mayHoldAutolinkLiteral, mdxParser, parseChapter, usesMdxSyntax } from '../../src/lib/mdx-parser.ts';

const repo = path.resolve(import.meta.dirname, '../../../..');
const FOLDERS = ['examples/northwind/src/content', 'packages/charter/tests/fixtures'].map((folder) => path.join(repo, folder));

/** Every chapter the repository ships, and each with what could make an autolink literal taken out. */
function texts(): { format: 'md' | 'mdx'; text: string }[] {
  const files = FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) => ({ format: file.endsWith('.md') ? ('md' as const) : ('mdx' as const), text: readFileSync(path.join(folder, file), 'utf8') })),
  );
  return [...files, ...files.map(({ format, text }) => ({ format, text: text.replace(/[@&\\]|www|https?:/gi, 'x') }))];
}

function fullParse(text: string, format: 'md' | 'mdx'): unknown {
  const parser = format === 'md' ? commonmarkParser : usesMdxSyntax(text) ? mdxParser : markdownParser;
  try {
    return parser.parse(text);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

function twinParse(text: string, format: 'md' | 'mdx'): unknown {
  try {
    return parseChapter(text, format);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

describe('parsing without autolink literals', () => {
  it('is available: remark-gfm’s autolink constructs and transform were found by name', () => {
    expect(AUTOLINK_TWINS).toBe(true);
  });

  it('is chosen only for texts without "@", "www", "http:", an escape or a character reference', () => {
    for (const text of ['mail ann@example.com', 'see www.example.com', 'HTTPS://example.com', 'WWW.example.com', 'a &#64; b', 'w\\ww.x', 'xmpp:a@b.c']) {
      expect(mayHoldAutolinkLiteral(text), text).toBe(true);
    }
    expect(mayHoldAutolinkLiteral('Call the team at 10:30, then see [the form](/forms/).')).toBe(false);
  });

  it('gives the same tree as the full parsers, positions and refusals included', () => {
    let compared = 0;
    for (const { format, text } of texts()) {
      if (mayHoldAutolinkLiteral(text)) continue;
      expect(twinParse(text, format)).toEqual(fullParse(text, format));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
