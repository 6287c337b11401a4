/**
 * The quick-reference cards (issue #17, item 6): every card of every edition prints on exactly one
 * A4 page in Chromium's print, a procedure far longer than any shipped one included (the draft's
 * Mail chapter, rewritten here with 30 steps, 12 things to say and 30 checklist items), whose card
 * keeps the step headings and says how much it left out. Also the charter pages, whose customer
 * version carries no internal note.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../packages/charter/src/lib/pdf/pdf-file.ts';
import { printBuiltPages } from '../../../../packages/charter/src/lib/pdf/print.ts';
import { buildWithContent, copyContent } from './support.ts';

const content = copyContent();
const site = mkdtempSync(path.join(tmpdir(), 'charter-cards-site-'));
const mail = content.file('editions/draft/procedures/mail.mdx');
const INTERNAL = "Measured on the switchboard's daily report.";

/** A procedure much longer than any the example ships, in the house's shape. */
function longProcedure(frontmatter: string): string {
  const steps = Array.from(
    { length: 30 },
    (_, i) =>
      `${i + 1}. **Sort tray ${i + 1} by sender.** Take each item from the tray, read the sender's name and reference, and put it on the pile for its team; ` +
      'note anything without a reference in the day book so that nothing waits unseen.',
  );
  const sayings = Array.from(
    { length: 12 },
    (_, i) =>
      `<SayThis context="When customer ${i + 1} asks about a letter">\n\nThank you for writing to us. Your letter arrived this morning and is with the returns team, who will reply by Thursday with a full answer or a date for one. If anything changes before then, I will let you know myself.\n\n</SayThis>`,
  );
  const checks = Array.from({ length: 30 }, (_, i) => `- I logged item ${i + 1} with its sender, reference and the team it went to.`);
  return `${frontmatter}
A long procedure, written to test that its quick-reference card still prints on one page.

## When this applies

Every letter and parcel that reaches any site.

## Our standard

<Standard id="letter-reply" />

## Steps

<Steps>

${steps.join('\n')}

</Steps>

## What to say

${sayings.join('\n\n')}

## If something goes wrong

If a letter has waited longer than the standard allows, escalate it to the mail room lead the same day and tell the customer when they will hear from us.
If a parcel arrives damaged, photograph it before you open it, and escalate it to the returns team with the photographs.
A third sentence about escalation that the card leaves out, because it keeps two at most.

## Checklist

<Checklist>

${checks.join('\n')}

</Checklist>
`;
}

beforeAll(() => {
  const source = readFileSync(mail, 'utf8');
  const frontmatter = source.slice(0, source.indexOf('\n---\n', 4) + 5);
  writeFileSync(mail, longProcedure(frontmatter));
  // The shipped telephone standard's note for staff is what the customer version must leave out.
  expect(readFileSync(content.file('editions/2026.1/procedures/telephone.mdx'), 'utf8')).toContain(`    internal: ${INTERNAL}\n`);
  const { status, output } = buildWithContent(content.dir, { CHARTER_TODAY: '2026-11-23' }, (dist) => cpSync(dist, site, { recursive: true }));
  expect(status, output.slice(-3000)).toBe(0);
}, 240_000);
afterAll(() => {
  content.cleanup();
  rmSync(site, { recursive: true, force: true });
});

/** Every card page the build wrote, below the base: `cards/<edition>/<touchpoint>/`. */
function cardPaths(): string[] {
  const root = path.join(site, 'cards');
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((edition) =>
      readdirSync(path.join(root, edition.name), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(path.join(root, edition.name, e.name, 'index.html')))
        .map((e) => `cards/${edition.name}/${e.name}/`),
    )
    .sort();
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('the quick-reference cards', () => {
  it('has a card per touchpoint with a procedure in every edition, listed on the edition’s cards page', () => {
    const paths = cardPaths();
    for (const card of ['cards/2026.1/telephone/', 'cards/2026.1/email/', 'cards/draft/mail/', 'cards/draft/live-chat/', 'cards/2025.1/telephone/']) {
      expect(paths, paths.join(' ')).toContain(card);
    }
    const index = readFileSync(path.join(site, 'cards/2026.1/index.html'), 'utf8');
    for (const card of paths.filter((p) => p.startsWith('cards/2026.1/'))) expect(index).toContain(`href="/${card}"`);
  });

  it('prints every card on exactly one A4 page, the long procedure’s too', async () => {
    const paths = cardPaths();
    const printed = await printBuiltPages(site, '/', paths);
    const pages = await Promise.all(paths.map(async (p) => [p, (await pdfText(printed.get(p)!)).pages] as const));
    expect(pages.filter(([, count]) => count !== 1)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('keeps the long procedure’s step headings, its standards, two escalation sentences and a link back, and says what it cut', async () => {
    const text = oneLine((await pdfText((await printBuiltPages(site, '/', ['cards/draft/mail/'])).get('cards/draft/mail/')!)).text.join(' '));
    expect(text).toContain('We reply to every customer letter within three working days');
    expect(text).toContain('Sort tray 1 by sender.');
    expect(text).toContain('Sort tray 10 by sender.');
    expect(text).not.toContain('Sort tray 11 by sender.');
    expect(text).not.toContain('note anything without a reference');
    expect(text).toContain('20 more in the chapter.');
    expect(text).toContain('escalate it to the mail room lead');
    expect(text).not.toContain('A third sentence about escalation');
    expect(text).toContain('The whole procedure, Mail: /draft/procedures/mail/');
  }, 60_000);

  it('gives the edition and its date, and the short link of the current edition’s chapter', () => {
    const card = readFileSync(path.join(site, 'cards/2026.1/telephone/index.html'), 'utf8');
    expect(card).toContain('Edition 2026.1');
    expect(card).toMatch(/<time datetime="2026-02-01"[^>]*>February 1, 2026<\/time>/);
    expect(card).toMatch(/<a href="\/go\/phone\/"[^>]*>\/go\/phone\/<\/a>/);
    expect(card).toContain('We answer every call by the third ring.');
  });
});

describe('the charter pages', () => {
  it('lists every touchpoint’s standards with their values and links to the chapters, internal notes for staff only', () => {
    const staff = readFileSync(path.join(site, 'charter/2026.1/index.html'), 'utf8');
    expect(staff).toContain('We answer every call by the third ring.');
    expect(staff).toContain('href="/procedures/telephone/"');
    expect(staff).toContain(INTERNAL.replace("'", '&#39;'));
    const customer = readFileSync(path.join(site, 'charter/2026.1/customer/index.html'), 'utf8');
    expect(customer).toContain('We answer every call by the third ring.');
    expect(customer).not.toContain('href="/procedures/');
    expect(customer).not.toContain(INTERNAL.replace("'", '&#39;'));
    expect(customer).not.toContain('switchboard');
  });
});
