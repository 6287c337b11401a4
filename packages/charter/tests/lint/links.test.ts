/** The links rule: site paths, relative MDX links, anchors and glossary ids, within one edition. */
import { describe, expect, it } from 'vitest';
import { checkRule, where } from './support.ts';

const links = (text: string, path?: string) => checkRule('links', text, path ? { path } : {});

describe('links: site paths', () => {
  it('accepts chapters, old paths from redirectFrom and the site pages of the same edition', async () => {
    const text = [
      '[a](/skills/listening/) [b](/procedures/front-counter/) [c](/search/) [d](/go/first-week/)',
      '[e](/paths/frontline-first-week/) [f](/changes/2026.1/) [g](/) [h](https://example.com/x) [i](mailto:a@b.c) [j](/procedures/)',
      '',
    ].join('\n');
    expect(await links(text)).toEqual([]);
  });

  it('reports a path that is not a chapter and suggests the closest one', async () => {
    const [message] = await links('See [Listening](/skills/listning/).\n');
    expect(message).toMatchObject({ line: 1, column: 5, severity: 'error', expected: '/skills/listening/' });
  });

  it('checks against the edition the file belongs to', async () => {
    const text = 'See [Live chat](/procedures/live-chat/).\n';
    expect(await links(text, 'editions/2026.1/procedures/x.mdx')).toEqual([]);
    const [message] = await links(text, 'editions/2025.1/procedures/x.mdx');
    expect(message?.message).toContain('no such chapter in edition 2025.1');
  });

  it('reports a link that names an edition and suggests the path without it', async () => {
    const [message] = await links('See [old](/2025.1/procedures/telephone/).\n');
    expect(message?.expected).toBe('/procedures/telephone/');
  });

  it('reports a section page the edition does not have', async () => {
    const [message] = await links('See [all of them](/procedurs/).\n');
    expect(message).toMatchObject({ line: 1, severity: 'error' });
  });

  it('reports a path without its trailing slash', async () => {
    const [message] = await links('See [Listening](/skills/listening).\n');
    expect(message?.expected).toBe('/skills/listening/');
  });
});

describe('links: empty links', () => {
  it('reports an empty link', async () => {
    expect((await links('[here]()\n')).map((m) => m.message)).toEqual(['Unexpected empty link, expected a site path such as "/skills/listening/"']);
  });
});

describe('links: relative MDX links', () => {
  const path = 'editions/2026.1/procedures/x.mdx';

  it('resolves a relative file link from the chapter folder', async () => {
    expect(await links('[a](../skills/listening.mdx) [b](telephone.mdx#steps) [c](./email.mdx)\n', path)).toEqual([]);
  });

  it('reports a relative file link to a missing chapter with the closest target', async () => {
    const [message] = await links('[a](../skills/listenin.mdx)\n', path);
    expect(message?.expected).toBe('/skills/listening/');
  });
});

describe('links: anchors', () => {
  it('accepts GitHub-style heading ids in the same chapter, numbering repeats', async () => {
    const text = "## What's new? (2026)\n\n## Notes\n\n## Notes\n\n[a](#whats-new-2026) [b](#notes) [c](#notes-1)\n";
    expect(await links(text)).toEqual([]);
  });

  it('reports a missing anchor in the same chapter and suggests the closest heading', async () => {
    const messages = await links('## Our standard\n\n[a](#our-standards)\n');
    expect(where(messages)).toEqual(['3:1-3:20 Unexpected link to "#our-standards" (no such heading in this chapter), expected "#our-standard"']);
  });

  it('checks anchors in another chapter', async () => {
    expect(await links('[a](/procedures/telephone/#putting-a-caller-on-hold)\n')).toEqual([]);
    const [message] = await links('[a](/procedures/telephone/#putting-caller-on-hold)\n');
    expect(message?.expected).toBe('/procedures/telephone/#putting-a-caller-on-hold');
  });
});

describe('links: glossary terms', () => {
  it('accepts a glossary id and reports an unknown one with the closest id', async () => {
    expect(await links('<Term id="live-chat">live chat</Term>\n')).toEqual([]);
    const [message] = await links('<Term id="livechat">live chat</Term>\n');
    expect(message).toMatchObject({ severity: 'error', expected: 'live-chat' });
  });
});
