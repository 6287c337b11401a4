/** The heading-style rule: sentence case, no trailing punctuation, no skipped levels. */
import { describe, expect, it } from 'vitest';
import { checkRule, where } from './support.ts';

const headings = async (text: string) => (await checkRule('heading-style', text)).map((m) => m.message);

describe('heading-style', () => {
  it('accepts sentence case with names, acronyms, "I", glossary capitals and a capital after a colon', async () => {
    const text = [
      '## Greet callers with Kestrel Tool Hire and your name',
      '',
      '### What I do when the SLA slips on Monday',
      '',
      '### Step two: Check the order in GitHub',
      '',
      '## Why does this matter?',
      '',
    ].join('\n');
    expect(await headings(text)).toEqual([]);
  });

  it('takes proper nouns from the organization in the site config and the names in vocabulary.yaml', async () => {
    const text = '## Send Kestrel Tool Hire customers to Harbour Road\n\n## Book it in HireDesk\n';
    expect(await headings(text)).toEqual([]);
    const elsewhere = (await checkRule('heading-style', text, { organization: 'Another Firm' })).map((m) => m.message.match(/"(.*?)"/)![1]);
    expect(elsewhere).toEqual(['Kestrel', 'Tool', 'Hire']);
  });

  it("knows no organization's names of its own: without a config, an organization's name is not exempt", async () => {
    const messages = await checkRule('heading-style', '## Call Fenlow Logistics\n', { organization: undefined });
    expect(messages.map((m) => m.message.match(/"(.*?)"/)![1])).toEqual(['Fenlow', 'Logistics']);
  });

  it('reports each capitalized word that sentence case does not allow, with the lowercase word', async () => {
    const messages = await checkRule('heading-style', '## Our Standard For Email\n');
    expect(messages.map((m) => [m.column, m.expected])).toEqual([
      [8, 'standard'],
      [17, 'for'],
      [21, 'email'],
    ]);
  });

  it('checks each part of a hyphenated word', async () => {
    expect(await headings('## Working Face-to-Face\n')).toEqual([
      'Unexpected capital in "Face", expected "face" (headings use sentence case)',
      'Unexpected capital in "Face", expected "face" (headings use sentence case)',
    ]);
  });

  it('reports a heading that starts in lowercase', async () => {
    expect(await headings('## our standard\n')).toEqual(['Unexpected "our", expected "Our" (headings start with a capital)']);
  });

  it('reports trailing punctuation but not a question mark', async () => {
    expect(await headings('## Our standard.\n\n## Steps:\n\n## Ready?\n')).toEqual([
      'Unexpected "." at the end of a heading, expected no trailing punctuation',
      'Unexpected ":" at the end of a heading, expected no trailing punctuation',
    ]);
  });

  it('reports skipped levels and an h1 in the body', async () => {
    const messages = await checkRule('heading-style', '### Too deep\n\n## Fine\n\n#### Skipped\n\n# Title again\n');
    expect(where(messages)).toEqual([
      '1:1-1:13 Unexpected h3 after h1, expected h2',
      '5:1-5:13 Unexpected h4 after h2, expected h3',
      "7:1-7:14 Unexpected h1, expected h2: the chapter's title is the page's h1",
    ]);
  });

  it('checks the frontmatter title, and lets a creed title be in title case', async () => {
    expect(await headings('---\ntitle: Answering The Phone.\ntype: procedure\n---\n')).toEqual([
      'Unexpected capital in "The", expected "the" (headings use sentence case)',
      'Unexpected capital in "Phone", expected "phone" (headings use sentence case)',
      'Unexpected "." at the end of a heading, expected no trailing punctuation',
    ]);
    expect(await headings('---\ntitle: I Am Your Customer\ntype: creed\n---\n')).toEqual([]);
  });

  it('does not let a creed-style title through in a body heading', async () => {
    expect(await headings('---\ntitle: I Am Your Customer\ntype: creed\n---\n\n## I Am Your Customer\n')).toHaveLength(3);
  });
});
