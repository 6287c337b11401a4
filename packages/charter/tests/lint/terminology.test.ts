/** The terminology rule: the behaviours Vale users keep filing bugs about, each pinned down. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkSource } from '../../src/lint/index.ts';
import { checkRule, copyContent, root, where } from './support.ts';

const found = async (source: string) => (await checkRule('terminology', source)).map((m) => [m.message.match(/"(.*?)"/)![1], m.expected]);

describe('terminology: whole words only', () => {
  it('does not match inside a longer word', async () => {
    expect(await found('Our clientele has grown, and we re-mail returned letters.\n')).toEqual([]);
  });

  it('does not match inside hyphenated compounds, file names, paths or addresses', async () => {
    const text = 'Open client-portal.pdf, the client-side form, client.pdf, reports/client, ops@client and e-mail-merge.\n';
    expect(await found(text)).toEqual([]);
  });

  it('matches a word next to punctuation', async () => {
    expect(await found('Ask the client. (Client care matters.) A punter, too!\n')).toEqual([
      ['client', 'customer'],
      ['Client', 'Customer'],
      ['punter', 'customer'],
    ]);
  });
});

describe('terminology: plurals, possessives and case', () => {
  it('matches plurals and possessives without listing them, and suggests the same form', async () => {
    expect(await found("clients, the client's order, the clients' orders, the client’s call, two web sites\n")).toEqual([
      ['clients', 'customers'],
      ["client's", "customer's"],
      ["clients'", "customers'"],
      ['client’s', 'customer’s'],
      ['web sites', 'websites'],
    ]);
  });

  it('flags case-only differences and suggests the term as written in the glossary mid-sentence', async () => {
    expect(await found('Send the E-mail and the E-MAIL.\n')).toEqual([
      ['E-mail', 'email'],
      ['E-MAIL', 'email'],
    ]);
  });

  it('keeps a sentence-initial capital in the suggestion', async () => {
    expect(await found('Client records matter. E-mail them. Is it done? Punters say yes.\n')).toEqual([
      ['Client', 'Customer'],
      ['E-mail', 'Email'],
      ['Punters', 'Customers'],
    ]);
  });

  it('keeps what a longer variant adds after the term ("walk in customer" → "walk-in customer")', async () => {
    expect(await found('A walk in customer is waiting. Walk in customers are welcome.\n')).toEqual([
      ['walk in customer', 'walk-in customer'],
      ['Walk in customers', 'Walk-in customers'],
    ]);
  });
});

describe('terminology: phrases split by markup', () => {
  it('finds a phrase split by a soft line break, and reports it where it is written', async () => {
    const messages = await checkRule('terminology', 'Check the web\nsite before you quote.\n');
    expect(where(messages)).toEqual(['1:11-2:5 Unexpected "web site", expected "website"']);
  });

  it('finds a phrase split by emphasis or strong text', async () => {
    expect(await found('The *web* site and the **check** list and the web *site*.\n')).toEqual([
      ['web site', 'website'],
      ['check list', 'checklist'],
      ['web site', 'website'],
    ]);
  });

  it('finds a phrase in a list item continued on an indented line', async () => {
    const messages = await checkRule('terminology', '1. Open the web\n   site first.\n');
    expect(where(messages)).toEqual(['1:13-2:8 Unexpected "web site", expected "website"']);
  });
});

describe('terminology: exact positions', () => {
  it('places a message on the word across escapes, character references and blockquote markers', async () => {
    const text = 'AT&amp;T \\*asked\\* the client.\n\n> Open the web\n> site.\n';
    expect(where(await checkRule('terminology', text))).toEqual([
      '1:24-1:30 Unexpected "client", expected "customer"',
      '3:12-4:7 Unexpected "web site", expected "website"',
    ]);
  });
});

describe('terminology: where it looks', () => {
  it('checks table cells and link text', async () => {
    const text = '| Channel | Note |\n| --- | --- |\n| e-mail | Ask the [client](/skills/listening/) |\n';
    expect(where(await checkRule('terminology', text))).toEqual([
      '3:3-3:9 Unexpected "e-mail", expected "email"',
      '3:21-3:27 Unexpected "client", expected "customer"',
    ]);
  });

  it('checks the frontmatter title and description', async () => {
    const text = '---\ntitle: E-mail replies\ndescription: "How we answer every client by e-mail, the same way."\n---\n';
    expect(where(await checkRule('terminology', text))).toEqual([
      '2:8-2:14 Unexpected "E-mail", expected "Email"',
      '3:35-3:41 Unexpected "client", expected "customer"',
      '3:45-3:51 Unexpected "e-mail", expected "email"',
    ]);
  });

  it('checks the prose props of components: Callout title, SayThis context, Checklist title', async () => {
    const text = [
      '<Callout type="note" title="Call the client back">',
      '',
      'Text.',
      '',
      '</Callout>',
      '',
      '<SayThis context="When a punter calls">',
      '',
      'Hello.',
      '',
      '</SayThis>',
      '',
      '<Checklist title="Before the e-mail goes">',
      '',
      '- Done.',
      '',
      '</Checklist>',
      '',
    ].join('\n');
    expect(where(await checkRule('terminology', text))).toEqual([
      '1:38-1:44 Unexpected "client", expected "customer"',
      '7:26-7:32 Unexpected "punter", expected "customer"',
      '13:30-13:36 Unexpected "e-mail", expected "email"',
    ]);
  });

  it('never flags code, inline code, URLs, link destinations, import sources or component ids', async () => {
    const text = [
      'import Client from "./client.js"',
      '',
      'Use `client_id` and `e-mail` as written. See https://client.example.com/e-mail and www.client.example.',
      '',
      '[The glossary](/client/e-mail/) and <Term id="customer">customers</Term>.',
      '',
      '```text',
      'client e-mail web site',
      '```',
      '',
    ].join('\n');
    expect(await found(text)).toEqual([]);
  });

  it('never flags a word named in quotation marks', async () => {
    const text = 'We say “email”, never “e-mail”. Avoid "e-mail" and \'web site\'. Replace "a client" with "a customer".\n';
    expect(await found(text)).toEqual([]);
  });

  it('flags a word inside a longer quotation, which is a use rather than a mention', async () => {
    expect(await found('He wrote "please call the client back before five today".\n')).toEqual([['client', 'customer']]);
  });
});

describe('terminology: longest match and protected terms (custom glossary)', () => {
  const content = copyContent();
  afterAll(() => content.cleanup());
  writeFileSync(
    path.join(content.dir, 'glossary.yaml'),
    stringify([
      {
        id: 'gap-filler',
        term: 'gap filler',
        definition: 'A soft pad.',
        variants: [
          { text: 'gap pad', reason: 'One name.' },
          { text: 'pad', reason: 'Too vague.' },
        ],
      },
      { id: 'thermal-gap-pad', term: 'thermal gap pad', definition: 'A named part.', variants: [] },
      { id: 'live-chat', term: 'live chat', definition: 'Chat.', variants: [{ text: 'Live Chat', reason: 'Sentence case.' }] },
      { id: 'duplicate', term: 'gap sealer', definition: 'Second entry with the same variant.', variants: [{ text: 'gap pad', reason: 'Later entry.' }] },
    ]),
  );
  const foundHere = async (text: string) =>
    (await checkSource(text, path.join(content.dir, 'editions/2026.1/reference/x.mdx'), { contentDir: content.dir, root, today: '2026-06-01' }))
      .filter((m) => m.ruleId === 'terminology')
      .map((m) => [m.message.match(/"(.*?)"/)![1], m.expected]);

  it('prefers the longest variant and, at equal length, the first glossary entry', async () => {
    expect(await foundHere('Fit the gap pad, then the pad.\n')).toEqual([
      ['gap pad', 'gap filler'],
      ['pad', 'gap filler'],
    ]);
  });

  it('never flags a variant inside a preferred term', async () => {
    expect(await foundHere('Fit the thermal gap pad and the thermal gap pads.\n')).toEqual([]);
  });

  it('matches a variant that differs from its term only in case, in that case only', async () => {
    expect(await foundHere('Open Live Chat, not live chat. Live chat is fine at the start.\n')).toEqual([['Live Chat', 'live chat']]);
  });
});
