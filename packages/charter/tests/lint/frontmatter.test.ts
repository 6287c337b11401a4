/** The frontmatter rule: the site's own schema, each problem at the line of its field. */
import { describe, expect, it } from 'vitest';
import { chapterFrontmatter } from '../../src/lib/schemas.ts';
import { checkRule, where } from './support.ts';

const valid = [
  'title: Telephone',
  'description: How to answer, hold and close every call the same way.',
  'type: procedure',
  'touchpoints: [telephone]',
  'audience: [frontline]',
  'owner: Customer Contact Team',
  'reviewed: 2026-01-12',
];
const chapter = (lines: readonly string[]) => `---\n${lines.join('\n')}\n---\n\nText.\n`;
const frontmatter = (lines: readonly string[]) => checkRule('frontmatter', chapter(lines));

describe('frontmatter', () => {
  it('accepts a complete block', async () => {
    expect(await frontmatter(valid)).toEqual([]);
  });

  it('reports a wrong value at its line, with the schema message', async () => {
    const lines = valid.map((line) => (line.startsWith('type:') ? 'type: policy' : line));
    const [message] = await frontmatter(lines);
    expect(message).toMatchObject({ line: 4, column: 7, severity: 'error' });
    const schemaMessage = chapterFrontmatter.safeParse({ type: 'policy' }).error!.issues.find((i) => i.path[0] === 'type')!.message;
    expect(message!.message).toBe(`type: ${schemaMessage}`);
  });

  it('reports a wrong list item at the item', async () => {
    const lines = valid.map((line) => (line.startsWith('audience:') ? 'audience:\n  - frontline\n  - everyone' : line));
    expect(where(await frontmatter(lines))).toEqual([expect.stringMatching(/^8:5-8:13 audience\.1: "everyone" is not a known audience/)]);
  });

  it('reports an unknown field at its key', async () => {
    const [message] = await frontmatter([...valid, 'colour: blue']);
    expect(message).toMatchObject({ line: 9, column: 1, endColumn: 7 });
    expect(message!.message).toContain('unknown field "colour"');
  });

  it('reports a missing field at the block, naming the field', async () => {
    const [message] = await frontmatter(valid.filter((line) => !line.startsWith('owner:')));
    expect(message).toMatchObject({ line: 1, column: 1 });
    expect(message!.message).toMatch(/^owner is required/);
  });

  it('reports a YAML syntax error where the parser stops', async () => {
    const messages = await frontmatter([...valid.slice(0, 2), 'type: [procedure', ...valid.slice(3)]);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]!.message).toMatch(/^Frontmatter is not valid YAML/);
    expect(messages[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a file without frontmatter once, on line 1', async () => {
    expect(where(await checkRule('frontmatter', '# Hello\n'))).toEqual([
      '1:1-1:1 Missing frontmatter, expected a block between two "---" lines at the top with title, description, type, audience, owner and reviewed',
    ]);
  });
});
