/** The phrases-to-avoid and spelling-variant rules. */
import { describe, expect, it } from 'vitest';
import { checkRule, where } from './support.ts';

describe('phrases-to-avoid', () => {
  it('reports a phrase as an error with the alternative, in any capitalization and with curly apostrophes', async () => {
    const messages = await checkRule('phrases-to-avoid', 'NO PROBLEM. Sorry, the system won’t let me.\n');
    expect(messages.map((m) => [m.severity, m.message])).toEqual([
      ['error', 'Avoid "NO PROBLEM" with customers; instead: happy to help'],
      ['error', 'Avoid "the system won’t let me" with customers; instead: here is what I can do'],
    ]);
  });

  it('finds a phrase across a line break and in what we say to customers', async () => {
    const text = '<SayThis context="When they are upset">\n\nPlease calm\ndown and let me explain.\n\n</SayThis>\n';
    expect(where(await checkRule('phrases-to-avoid', text))).toEqual([
      '3:8-4:5 Avoid "calm\ndown" with customers; instead: I can hear how frustrating this is',
    ]);
  });

  it('allows naming a phrase in quotation marks to tell readers to avoid it', async () => {
    const text = 'Never say “no problem” or "calm down." Replace "that\'s not my department" with "let me find out".\n';
    expect(await checkRule('phrases-to-avoid', text)).toEqual([]);
  });

  it('reports a phrase inside a longer quotation: that is what someone is told to say', async () => {
    const messages = await checkRule('phrases-to-avoid', 'Say "No problem, I can sort that out today for you".\n');
    expect(messages).toHaveLength(1);
  });

  it('does not offer an automatic fix', async () => {
    const [message] = await checkRule('phrases-to-avoid', 'No problem.\n');
    expect(message?.expected).toBeUndefined();
  });
});

describe('spelling-variant', () => {
  it('suggests the US spelling, keeping capitals, plurals and possessives', async () => {
    const messages = await checkRule('spelling-variant', 'Colours and the centre’s catalogues. We apologise; ORGANISE it. Enquiries travelled.\n');
    expect(messages.map((m) => [m.message.match(/"(.*?)"/)![1], m.expected, m.severity])).toEqual([
      ['Colours', 'Colors', 'warning'],
      ['centre’s', 'center’s', 'warning'],
      ['catalogues', 'catalogs', 'warning'],
      ['apologise', 'apologize', 'warning'],
      ['ORGANISE', 'ORGANIZE', 'warning'],
      ['Enquiries', 'Inquiries', 'warning'],
      ['travelled', 'traveled', 'warning'],
    ]);
  });

  it('finds British spellings inside hyphenated compounds', async () => {
    const messages = await checkRule('spelling-variant', 'A colour-coded, well-organised desk.\n');
    expect(messages.map((m) => m.expected)).toEqual(['color', 'organized']);
  });

  it('leaves US spelling, words that merely contain a British spelling, code and quoted mentions alone', async () => {
    const text = 'Color, center, canceled, behavior, practice, license. Discoloured? `colour` and "colour".\n';
    expect((await checkRule('spelling-variant', text)).map((m) => m.message)).toEqual([]);
  });
});
