/** Bad input: MDX that does not parse gets one located error, and nothing makes the checker crash. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/lint/index.ts';
import { check, fixtures, root, handbookContent, TODAY } from './support.ts';

describe('unparseable MDX', () => {
  it('gives one error with the line, the column and the parser reason', async () => {
    const messages = await check('Some text.\n\n<Callout type="note">\n\nNever closed.\n');
    expect(messages).toEqual([
      {
        file: 'src/content/editions/2026.1/reference/test-chapter.mdx',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 22,
        ruleId: 'mdx-syntax',
        severity: 'error',
        message: 'Could not parse MDX: Expected a closing tag for `<Callout>` (3:1-3:22)',
      },
    ]);
  });

  it('places an error inside a line where the parser stopped', async () => {
    const [message] = await check('Wait less than <5 minutes.\n');
    expect(message).toMatchObject({ ruleId: 'mdx-syntax', line: 1, column: 17 });
    expect(message!.message).toContain('before name');
  });

  it('goes on with the other files', async () => {
    const messages = await checkFiles([path.join(fixtures, 'broken.mdx'), path.join(fixtures, 'errors.mdx')], {
      contentDir: handbookContent,
      root,
      today: TODAY,
    });
    expect(messages.filter((m) => m.file.endsWith('broken.mdx')).map((m) => m.ruleId)).toEqual(['mdx-syntax']);
    expect(messages.filter((m) => m.file.endsWith('errors.mdx')).map((m) => m.ruleId)).toContain('phrases-to-avoid');
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', '\n\n   \n'],
    ['an unclosed frontmatter block', '---\ntitle: x\n'],
    ['frontmatter that is a list', '---\n- a\n- b\n---\n'],
    ['frontmatter with a tab and a duplicate key', '---\ntitle: a\ntitle: b\n\tx: 1\n---\n'],
    ['an HTML comment', '<!-- note -->\n'],
    ['a lone brace', 'Price {\n'],
    ['control characters', '\u0000\u0001\u0007 text \uFFFF\n'],
    ['a lone surrogate', 'client \uD800 e-mail\n'],
    ['deep nesting', `${'> '.repeat(200)}client\n`],
    ['CRLF line endings', '---\r\ntitle: E-mail\r\n---\r\n\r\nThe client\r\nweb site.\r\n'],
    ['an empty link and heading', '[]()\n\n##\n\n[x]( )\n'],
    ['attributes without values', '<Callout title>\n\nx\n\n</Callout>\n'],
  ])('never crashes on %s', async (_name, source) => {
    const messages = await check(source);
    for (const message of messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(['error', 'warning']).toContain(message.severity);
    }
  });
});
