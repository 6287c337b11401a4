/** The phrases-to-avoid and spelling-variant rules. */
import { describe, expect, it } from 'vitest';
import { checkRule, where } from './support.ts';

describe('phrases-to-avoid', () => {
  it('reports a phrase as an error with the alternative, in any capitalization and with curly apostrophes', async () => {
    const messages = await checkRule('phrases-to-avoid', 'NO PROBLEM. Sorry, the system won’t let me.\n');
    expect(messages.map((m) => [m.severity, m.message])).toEqual([
      ['error', 'Avoid "NO PROBLEM" with customers; instead: glad to help'],
      ['error', 'Avoid "the system won’t let me" with customers; instead: here is what I can do today'],
    ]);
  });

  it('finds a phrase across a line break and in what we say to customers', async () => {
    const text = '<SayThis context="When they are upset">\n\nPlease calm\ndown and let me explain.\n\n</SayThis>\n';
    expect(where(await checkRule('phrases-to-avoid', text))).toEqual([
      '3:8-4:5 Avoid "calm\ndown" with customers; instead: I can see this has held up your job',
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

const spelling = async (text: string, lang: string) =>
  (await checkRule('spelling-variant', text, { lang })).map((m) => [m.message.match(/"(.*?)"/)![1], m.expected, m.severity]);

describe('spelling-variant in an en-US handbook', () => {
  it('suggests the US spelling, keeping capitals, plurals and possessives', async () => {
    expect(await spelling('Colours and the centre’s catalogues. We apologise; ORGANISE it. Enquiries travelled.\n', 'en-US')).toEqual([
      ['Colours', 'Colors', 'warning'],
      ['centre’s', 'center’s', 'warning'],
      ['catalogues', 'catalogs', 'warning'],
      ['apologise', 'apologize', 'warning'],
      ['ORGANISE', 'ORGANIZE', 'warning'],
      ['Enquiries', 'Inquiries', 'warning'],
      ['travelled', 'traveled', 'warning'],
    ]);
  });

  it('says which spelling the handbook uses, and why', async () => {
    const [message] = await checkRule('spelling-variant', 'The colour.\n', { lang: 'en-US' });
    expect(message!.message).toBe('Unexpected "colour", expected "color" (the handbook\'s lang is en-US: American spelling)');
  });

  it('finds British spellings inside hyphenated compounds', async () => {
    const messages = await checkRule('spelling-variant', 'A colour-coded, well-organised desk.\n', { lang: 'en-US' });
    expect(messages.map((m) => m.expected)).toEqual(['color', 'organized']);
  });

  it('leaves US spelling, words that merely contain a British spelling, code and quoted mentions alone', async () => {
    const text = 'Color, center, canceled, behavior, practice, license. Discoloured? `colour` and "colour".\n';
    expect(await spelling(text, 'en-US')).toEqual([]);
  });
});

describe("spelling-variant in an en-GB handbook (the test handbook's own lang)", () => {
  it('suggests the British spelling, keeping capitals, plurals and possessives', async () => {
    const messages = await checkRule('spelling-variant', 'Colors and the center’s catalogs. We apologize; ORGANIZE it. Travelers canceled.\n');
    expect(messages.map((m) => [m.message.match(/"(.*?)"/)![1], m.expected, m.severity])).toEqual([
      ['Colors', 'Colours', 'warning'],
      ['center’s', 'centre’s', 'warning'],
      ['catalogs', 'catalogues', 'warning'],
      ['apologize', 'apologise', 'warning'],
      ['ORGANIZE', 'ORGANISE', 'warning'],
      ['Travelers', 'Travellers', 'warning'],
      ['canceled', 'cancelled', 'warning'],
    ]);
  });

  it('says which spelling the handbook uses, and why', async () => {
    const [message] = await checkRule('spelling-variant', 'The color.\n');
    expect(message!.message).toBe('Unexpected "color", expected "colour" (the handbook\'s lang is en-GB: British spelling)');
  });

  it('finds US spellings inside hyphenated compounds', async () => {
    const messages = await checkRule('spelling-variant', 'A color-coded, well-organized desk.\n');
    expect(messages.map((m) => m.expected)).toEqual(['colour', 'organised']);
  });

  it('leaves British spelling and US forms that are British words too ("check", "practice", "program") alone', async () => {
    const text =
      'Colour, centre, cancelled, behaviour, licence. Check the practice rota, the computer program and the gas meter. An inquiry. Tire? `color` and "color".\n';
    expect(await spelling(text, 'en-GB')).toEqual([]);
  });

  it('still flags the British forms of those pairs in an en-US handbook', async () => {
    expect((await spelling('Pay by cheque; the programme; practise it.\n', 'en-US')).map(([word]) => word)).toEqual(['cheque', 'programme', 'practise']);
  });
});

describe('spelling-variant in other languages', () => {
  it.each(['de-DE', 'fr', 'en-AU'])('does nothing in a %s handbook', async (lang) => {
    expect(await spelling('Colour and color, organise and organize.\n', lang)).toEqual([]);
  });
});
