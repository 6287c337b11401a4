/**
 * Lint comments turn any rule off for a stretch, one block, or until enabled again; the prose
 * suggestions from retext are reported as warnings named prose:<name>.
 */
import { describe, expect, it } from 'vitest';
import { check, where } from './support.ts';

const ids = async (text: string, rules: readonly string[]) => (await check(text)).filter((m) => rules.includes(m.ruleId)).map((m) => `${m.line} ${m.ruleId}`);

describe('lint comments', () => {
  it('disable and enable a rule for the lines between them', async () => {
    const text = 'The client.\n\n{/* lint disable terminology */}\n\nThe client.\n\n{/* lint enable terminology */}\n\nThe client.\n';
    expect(await ids(text, ['terminology'])).toEqual(['1 terminology', '9 terminology']);
  });

  it('ignore the next block only', async () => {
    const text = '{/* lint ignore phrases-to-avoid */}\n\nNo problem.\n\nNo problem.\n';
    expect(await ids(text, ['phrases-to-avoid'])).toEqual(['5 phrases-to-avoid']);
  });

  it('work inside a paragraph too', async () => {
    const text = 'The client and {/* lint ignore terminology */}<Term id="customer">client</Term>, then the client.\n';
    const messages = (await check(text)).filter((m) => m.ruleId === 'terminology');
    expect(messages.map((m) => m.column)).toEqual([5, 91]);
  });

  it('work for every kind of rule, the prose suggestions included', async () => {
    const text = [
      '{/* lint disable heading-style repeated-words equality spelling-variant */}',
      '',
      '## Bad Heading.',
      '',
      'The the chairman, colour.',
      '',
      '{/* lint enable heading-style repeated-words equality spelling-variant */}',
      '',
    ].join('\n');
    expect(await ids(text, ['heading-style', 'prose:repeated-words', 'prose:equality', 'spelling-variant', 'lint-comments'])).toEqual([]);
  });

  it.each([
    ['an ignore naming the rule', '{/* lint ignore mdx-safety */}\n\nexport const a = 1\n'],
    ['a bare ignore', '{/* lint ignore */}\n\nexport const a = 1\n'],
    ['a disable around the code', '{/* lint disable mdx-safety */}\n\n{process.env.HOME}\n\n{/* lint enable mdx-safety */}\n'],
    ['a bare disable', '{/* lint disable */}\n\n<span set:html="<b>x</b>" />\n\n{/* lint enable */}\n'],
    ['an ignore of the syntax rule', '{/* lint ignore mdx-syntax content-limits frontmatter */}\n\nimport x from "y"\n'],
  ])('cannot turn off the safety gate: %s is itself an error, and the code is still reported', async (_name, text) => {
    const messages = await check(text);
    expect(messages.filter((m) => m.ruleId === 'mdx-safety' && m.severity === 'error')).toHaveLength(1);
    const refusals = messages.filter((m) => m.ruleId === 'lint-comments' && m.severity === 'error');
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals[0]!.message).toMatch(/cannot be turned off|without rule ids/);
  });

  it('report a rule the checker does not know, suggesting the closest', async () => {
    const messages = (await check('{/* lint ignore terminolgy */}\n\nText.\n')).filter((m) => m.ruleId === 'lint-comments');
    expect(where(messages)).toEqual(['1:1-1:31 Unexpected rule "terminolgy" in a lint comment, expected "terminology"']);
  });

  it('report a disable that is never enabled again', async () => {
    const messages = (await check('{/* lint disable terminology */}\n\nThe client.\n')).filter((m) => m.ruleId === 'lint-comments');
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [1, 'Unexpected "lint disable terminology" without a later "lint enable terminology", expected the rule enabled again before the end of the file'],
    ]);
  });

  it('report a lint comment that cannot be read, and an unknown keyword, without failing the file', async () => {
    const messages = await check('{/* lint disable prose:equality */}\n\n{/* lint off terminology */}\n\nThe client.\n');
    expect(messages.filter((m) => m.ruleId === 'lint-comments').map((m) => m.line)).toEqual([1, 3]);
    expect(messages.filter((m) => m.ruleId === 'terminology')).toHaveLength(1);
  });
});

describe('prose suggestions', () => {
  it('report repeated words and inconsiderate wording as warnings named prose:<name>', async () => {
    const messages = (await check('Give the the customer a call, and tell the chairman.\n')).filter((m) => m.ruleId.startsWith('prose:'));
    expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['prose:repeated-words', 'warning', 1, 6],
      ['prose:equality', 'warning', 1, 44],
    ]);
  });

  it('leave out code and the words the handbook allows ("easy", "just", "hang up")', async () => {
    const messages = (await check('It is easy: just hang up and call back. `the the`\n')).filter((m) => m.ruleId.startsWith('prose:'));
    expect(messages).toEqual([]);
  });
});
