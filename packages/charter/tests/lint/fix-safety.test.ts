/**
 * A fix is offered only where writing the words in keeps the chapter what it was: never in
 * frontmatter that spells the words otherwise than they read (YAML escapes, doubled quotes), never
 * a replacement YAML would read differently, never in the text of a shortcut reference, whose
 * text is also its label. The message stays in every case; only the fix is left out.
 */
import { describe, expect, it } from 'vitest';
import { replacementEdits } from '../../src/lint/fixes.ts';
import { fixText } from '../../src/lint/fix.ts';
import { createRun } from '../../src/lint/check.ts';
import path from 'node:path';
import { check, handbookContent, handbookSettings, root, TODAY } from './support.ts';

const frontmatter = (title: string, description = 'How the hire desk answers every customer who calls in.') =>
  `---\ntitle: ${title}\ndescription: ${description}\ntype: reference\naudience: [frontline]\nowner: Hire Desk Team\nreviewed: 2026-01-12\n---\n\nText.\n`;

async function terminology(text: string) {
  return (await check(text)).filter((m) => m.ruleId === 'terminology').map((m) => ({ line: m.line, message: m.message, fix: replacementEdits(m, text) }));
}

/** What --fix and the editor's fix-all make of a text. */
async function fixedText(text: string): Promise<string> {
  const run = createRun({ root, contentDir: handbookContent, today: TODAY, ...handbookSettings });
  const file = path.join(handbookContent, 'editions/2026.1/reference/fix-safety.mdx');
  return (await fixText(text, (t) => run.check(file, t, ['terminology', 'spelling-variant']))).text;
}

describe('fixes that would change what a chapter says', () => {
  it('reports a variant in a single-quoted title with a doubled quote, without a fix', async () => {
    const text = frontmatter("'The client''s desk'");
    expect(await terminology(text)).toEqual([{ line: 2, message: 'Unexpected "client\'s", expected "customer\'s"', fix: undefined }]);
    expect(await fixedText(text)).toBe(text);
  });

  it('places variants in a double-quoted value with escapes on the value, without a fix', async () => {
    const text = frontmatter('Desk', '"Escapes: \\u0063lient and the\\tpunter sign the rental\\ncontract at the desk today."');
    const found = await terminology(text);
    expect(found.map((f) => f.message)).toEqual([
      'Unexpected "client", expected "customer"',
      'Unexpected "punter", expected "customer"',
      'Unexpected "rental contract", expected "hire agreement"',
    ]);
    expect(found.every((f) => f.line === 3 && f.fix === undefined)).toBe(true);
    expect(await fixedText(text)).toBe(text);
  });

  it('fixes a variant in a plain frontmatter value, and not with a replacement YAML would misread', async () => {
    const text = frontmatter('A client desk');
    expect((await terminology(text))[0]!.fix).toBeDefined();
    expect(await fixedText(text)).toBe(frontmatter('A customer desk'));
  });

  it('leaves the text of shortcut and collapsed references alone, and fixes a full reference', async () => {
    const text = 'Read the [punter] notes, the [punter][] file and [the punter][full].\n\n[punter]: /skills/listening/\n[full]: /skills/listening/\n';
    const found = await terminology(text);
    expect(found.map((f) => f.fix !== undefined)).toEqual([false, false, true]);
    const fixed = await fixedText(text);
    expect(fixed).toBe(text.replace('[the punter][full]', '[the customer][full]'));
  });
});
