import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { COMPILER_FEATURES } from '../../src/gate/compiler.ts';
import type { TreeNode } from '../../src/gate/check-tree.ts';
import { checkId, knowledgeChecksIn } from '../../src/gate/knowledge-checks.ts';
import { readCheckMarkup } from '../../src/lib/check-markup.ts';

const tree = (body: string) => mdxToMdast(body, { features: COMPILER_FEATURES }) as TreeNode;

const CHECK = `Intro.

<Check question="How soon do we answer?">

- [ ] By the *fifth* ring
- [x] By the third ring
- [ ] When we can

Callers notice **the wait** first.

</Check>
`;

describe('knowledge checks', () => {
  it('are read with their question, options, right answer and explanation as plain text', () => {
    expect(knowledgeChecksIn(tree(CHECK))).toEqual([
      {
        id: checkId('How soon do we answer?'),
        question: 'How soon do we answer?',
        options: ['By the fifth ring', 'By the third ring', 'When we can'],
        answer: 1,
        why: 'Callers notice the wait first.',
      },
    ]);
  });

  it('keep their id while only whitespace changes, and get a new one when the wording does', () => {
    expect(checkId('How soon  do we\nanswer?')).toBe(checkId('How soon do we answer?'));
    expect(checkId('How soon do we reply?')).not.toBe(checkId('How soon do we answer?'));
  });

  it('leave out a check the gate refuses', () => {
    expect(knowledgeChecksIn(tree('<Check question="Q">\n\n- [x] A\n- [x] B\n\nWhy.\n\n</Check>\n'))).toEqual([]);
  });

  it('are taken apart from the rendered HTML: options without their box, the explanation after the list', () => {
    const markup = readCheckMarkup(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> By the <em>fifth</em> ring</li>\n<li class="task-list-item"><input type="checkbox" checked disabled> By the third ring</li></ul>\n<p>Callers notice <strong>the wait</strong> first.</p>',
    );
    expect(markup).toEqual({
      options: [
        { html: 'By the <em>fifth</em> ring', right: false },
        { html: 'By the third ring', right: true },
      ],
      whyHtml: '<p>Callers notice <strong>the wait</strong> first.</p>',
    });
  });

  it('read a loose list too, whose options are paragraphs', () => {
    const markup = readCheckMarkup(
      '<ul><li><p><input type="checkbox" checked disabled> Yes</p></li><li><p><input type="checkbox" disabled> No</p></li></ul><p>Why.</p>',
    );
    expect(markup.options).toEqual([
      { html: 'Yes', right: true },
      { html: 'No', right: false },
    ]);
  });
});
