/** The MDX safety rule: the gate that keeps chapters from running code in the site. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_COMPONENTS } from '../../src/lint/allowed-components.ts';
import { checkRule, engineRoot } from './support.ts';

const unsafe = async (text: string) => (await checkRule('mdx-safety', text)).map((m) => `${m.line}:${m.column} ${m.message}`);

describe('allowed components', () => {
  it('are exactly the components src/components/index.ts gives chapters', () => {
    const source = readFileSync(path.join(engineRoot, 'src/components/index.ts'), 'utf8');
    const block = /export const authorComponents = \{([\s\S]*?)\};/.exec(source)![1]!;
    const names = block
      .split(/[\s,]+/)
      .filter(Boolean)
      .sort();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...ALLOWED_COMPONENTS].sort());
  });
});

describe('mdx-safety', () => {
  it('accepts every allowed component, safe HTML, comments and literal attribute values', async () => {
    const text = [
      // A knowledge check is refused without its options and explanation; it is written whole below.
      ...ALLOWED_COMPONENTS.filter((name) => name !== 'Check').map((name) => `<${name} />`),
      '',
      '<Check question="Which?">',
      '',
      '- [ ] This',
      '- [x] That',
      '',
      'Because.',
      '',
      '</Check>',
      '',
      'Press <kbd>Enter</kbd>, see <abbr title="service standard">SS</abbr>. {/* a note */}',
      '',
      '<CreedStatement closing={true}>',
      '',
      '<Callout title={"x"} type={\'note\'}><SayThis context={`plain`}>Hi.</SayThis></Callout>',
      '',
      '</CreedStatement>',
      '',
      '<ol start={-1}><li value={2}>One.</li></ol>',
      '',
      '[Link](https://example.com/) and <a href="/skills/listening/">listening</a>.',
      '',
    ].join('\n');
    expect(await unsafe(text)).toEqual([]);
  });

  it('reports an unsafe element on the last line of a chapter too', async () => {
    expect(await unsafe('Text.\n\n<script />\n')).toEqual(['3:1 Unexpected <script>, expected no embedded pages, scripts or styles in chapters']);
  });

  it('reports import and export statements', async () => {
    expect(await unsafe('import X from "y"\n\nexport const a = 1\n')).toEqual([
      '1:1 Unexpected import or export statement, expected none (components need no import)',
      '3:1 Unexpected import or export statement, expected none (components need no import)',
    ]);
  });

  it('reports unknown components and HTML elements outside the safe list', async () => {
    const messages = await unsafe('<Widget />\n\n<marquee>Hi</marquee>\n\n<Callout.Inner />\n');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('Unexpected component <Widget>');
    expect(messages[1]).toContain('Unexpected HTML element <marquee>');
    expect(messages[2]).toContain('Unexpected component <Callout.Inner>');
  });

  it.each(['script', 'iframe', 'style', 'object', 'embed'])('always reports <%s>', async (name) => {
    const [message] = await unsafe(`<${name} />\n`);
    expect(message).toBe(`1:1 Unexpected <${name}>, expected no embedded pages, scripts or styles in chapters`);
  });

  it('reports event handlers, spread attributes and style attributes', async () => {
    const messages = await unsafe('<div onclick="a()" onMouseOver="b()" {...props} style="color: red">x</div>\n');
    expect(messages.map((m) => m.replace(/^\S+ /, ''))).toEqual([
      'Unexpected event handler "onclick" on <div>, expected no scripts in chapters',
      'Unexpected event handler "onMouseOver" on <div>, expected no scripts in chapters',
      'Unexpected spread attribute "{...props}" on <div>, expected name="value" attributes',
      "Unexpected style attribute on <div>, expected the page's own styles",
    ]);
  });

  it('reports javascript: URLs in links, definitions and attributes, however they are written', async () => {
    const text = '[a](javascript:alert(1)) [b][ref] <a href=" JavaScript:x()">c</a> <a href={"javascript:y()"}>d</a>\n\n[ref]: javascript:void(0)\n';
    const messages = await unsafe(text);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message.toLowerCase()).toContain('"javascript:" url');
  });

  it('reports expressions other than comments, in text and in attributes', async () => {
    const messages = await unsafe('Hello {user.name}.\n\n{fetch("/x")}\n\n<Callout title={makeTitle()} />\n');
    expect(messages).toEqual([
      '1:7 Unexpected expression "{user.name}", expected text or a comment',
      '3:1 Unexpected expression "{fetch("/x")}", expected text or a comment',
      '5:10 Unexpected expression "{makeTitle()}" in "title" on <Callout>, expected a literal such as {3} or "text"',
    ]);
  });
});
