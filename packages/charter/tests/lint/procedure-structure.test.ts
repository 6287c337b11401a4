/** The procedure-structure rule: six h2 sections, in order, with their components. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY, sectionsOf } from '../../src/lib/vocabulary.ts';

const PROCEDURE_SECTIONS = sectionsOf(DEFAULT_VOCABULARY, 'procedure')!;
import { checkRule } from './support.ts';

const COMPONENT: Record<string, string> = {
  Steps: '<Steps>\n\n1. One.\n\n</Steps>',
  'What to say': '<SayThis>\n\nHello.\n\n</SayThis>',
  Checklist: '<Checklist>\n\n- Done.\n\n</Checklist>',
};
const section = (name: string) => `## ${name}\n\n${COMPONENT[name] ?? 'Text.'}\n`;
const procedure = (names: readonly string[], type = 'procedure') => `---\ntype: ${type}\n---\n\n${names.map(section).join('\n')}`;
const structure = async (text: string) => (await checkRule('procedure-structure', text)).map((m) => m.message);

describe('procedure-structure', () => {
  it('accepts the six sections in order, with h3 sections inside', async () => {
    expect(await structure(procedure(PROCEDURE_SECTIONS).replace('## Steps', '### A detail\n\nText.\n\n## Steps'))).toEqual([]);
  });

  it('ignores chapters that are not procedures', async () => {
    expect(await structure(procedure(['Tips'], 'guide'))).toEqual([]);
  });

  it('reports a missing section where it belongs, as an error', async () => {
    const messages = await checkRule('procedure-structure', procedure(PROCEDURE_SECTIONS.filter((name) => name !== 'Our standard')));
    expect(messages.map((m) => [m.severity, m.message])).toEqual([['error', 'Missing section "Our standard", expected it before "Steps"']]);
  });

  it('reports a missing last section at the end of the chapter', async () => {
    expect(await structure(procedure(PROCEDURE_SECTIONS.slice(0, 5)))).toEqual(['Missing section "Checklist", expected it at the end of the chapter']);
  });

  it('reports sections out of order, repeated and unknown', async () => {
    const names = ['When this applies', 'Steps', 'Our standard', 'What to say', 'What to say', 'Tips', 'If something goes wrong', 'Checklist'];
    expect(await structure(procedure(names))).toEqual([
      'Unexpected section "Our standard" after "Steps", expected it before',
      'Unexpected second "What to say" section, expected each section once',
      'Unexpected section "Tips", expected only the six procedure sections',
    ]);
  });

  it('reports a section without its component', async () => {
    const text = procedure(PROCEDURE_SECTIONS).replace('<Checklist>\n\n- Done.\n\n</Checklist>', '- Done.');
    expect(await structure(text)).toEqual(['Unexpected "Checklist" section without <Checklist>, expected the checklist inside <Checklist>']);
  });
});
