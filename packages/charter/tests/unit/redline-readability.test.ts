/**
 * The reading ease in `charter redline`'s summary and page, in a temporary git repository: a branch
 * that makes one chapter much harder to read (long legal sentences) and another much easier, adds
 * chapters and removes one. The figures must be the readability rule's own, held to the config's
 * thresholds, and left out for a handbook not in English.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedline } from '../../src/cli/redline.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { readingChangeText, type Reading } from '../../src/lib/diff/redline-readability.ts';
import { sectionReadability } from '../../src/lint/text/readability.ts';
import { root as kestrel, tempDir } from '../lint/support.ts';

const repo = tempDir();
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo.dir, encoding: 'utf8' });
const chapterFile = (file: string) => path.join(repo.dir, 'src/content/editions/draft', file);
const write = (file: string, text: string) => writeFileSync(chapterFile(file), text);

// Frontline chapters are held to 60, every other to 45: neither is the checker's default of 50.
const CONFIG = `export default {
  title: 'Counter Handbook',
  organization: 'Kestrel Tool Hire',
  lang: 'en-GB',
  editBaseUrl: 'https://git.example.org/kestrel/handbook/edit/main/src/content/',
  checker: { readability: { minimum: 45, audiences: { frontline: 60 } } },
};
`;

const PLAIN =
  'Give the customer a refund when the tool comes back on time and in good shape. Check the tool with them at the counter. ' +
  'Count the days it was out, and take off the charge for the days it was not used. Pay the money back to the card they used, ' +
  'and tell them when it will reach their bank.';
const PLAIN_TOO =
  'Pay the money back to the card the customer used. If they paid in cash, pay them in cash from the till. Write the amount ' +
  'on the hire form and sign it. Give them a copy to keep, and put the other copy in the tray for the office.';
const LEGAL =
  'Reimbursement of hire charges shall be authorised exclusively following verification of eligibility by an appropriately ' +
  'designated representative of the organisation. Applications submitted subsequent to the expiration of the stipulated ' +
  'notification period will ordinarily be considered inadmissible, irrespective of the circumstances occasioning the delay, ' +
  'notwithstanding any representations communicated previously.';

const TITLE = 'Refunds | <b>fees</b>';
const HARD_HEADING = 'When to refund | *fees* & [charges]';
const frontmatter = (title: string, audience?: string) =>
  `---\ntitle: '${title}'\ndescription: A chapter for the test.\n${audience ? `audience: [${audience}]\n` : ''}---\n\n`;

/** A frontline chapter: both sections plain at the base; the branch makes one legal and adds another. */
const refundsBefore = `${frontmatter(TITLE, 'frontline')}## When to refund\n\n${PLAIN}\n\n## Paying it back\n\n${PLAIN_TOO}\n`;
const refundsAfter = `${frontmatter(TITLE, 'frontline')}## ${HARD_HEADING}\n\n${LEGAL}\n\n## Paying it back\n\n${PLAIN_TOO}\n\n## Disputes\n\n${LEGAL}\n`;
/** A chapter without audiences, legal at the base and plain on the branch. */
const depositsBefore = `${frontmatter('Deposits')}${LEGAL}\n`;
const depositsAfter = `${frontmatter('Deposits')}${PLAIN}\n`;
/** Added on the branch: one hard section; and one too short to score. */
const collections = `${frontmatter('Collections')}## Booking\n\n${LEGAL}\n`;
const bankHolidays = `${frontmatter('Bank holidays')}Every depot is closed on bank holidays.\n`;

/** What the readability rule's own computation gives a chapter, rounded down as its messages are. */
const score = (source: string) => Math.floor(sectionReadability(source, 'md').score!);
const sectionScore = (source: string, heading: string) =>
  Math.floor(sectionReadability(source, 'md').sections.find((section) => section.heading === heading)!.score!);

async function redline(args: readonly string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runRedline(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env, cwd: repo.dir });
  return { status, stdout, stderr };
}

beforeAll(() => {
  cpSync(path.join(kestrel, 'src'), path.join(repo.dir, 'src'), { recursive: true });
  writeFileSync(path.join(repo.dir, 'charter.config.mjs'), CONFIG);
  write('procedures/refunds.md', refundsBefore);
  write('procedures/deposits.md', depositsBefore);
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Content');
  git('checkout', '--quiet', '-b', 'edit');
  write('procedures/refunds.md', refundsAfter);
  write('procedures/deposits.md', depositsAfter);
  write('procedures/collections.md', collections);
  write('reference/bank-holidays.md', bankHolidays);
  rmSync(chapterFile('procedures/email.mdx'));
});
afterAll(() => repo.cleanup());

describe('the reading ease in charter redline', () => {
  let summary = '';
  let page = '';
  const emailBefore = readFileSync(path.join(kestrel, 'src/content/editions/draft/procedures/email.mdx'), 'utf8');

  beforeAll(async () => {
    const result = await redline(['--base', 'main', '--out', 'redline.html', '--summary', '-']);
    expect(result.status).toBe(0);
    summary = result.stdout;
    page = readFileSync(path.join(repo.dir, 'redline.html'), 'utf8');
  });

  /** The summary's readability cell of a chapter, by its file. */
  const cell = (file: string) => {
    const row = summary.split('\n').find((line) => line.includes(`| ${file} |`));
    expect(row, file).toBeDefined();
    return row!
      .split(/(?<!\\)\|/)
      .at(-2)!
      .trim();
  };

  it('is the last column of the table', () => {
    expect(summary).toContain(
      '| Edition | Chapter | File | Change | Words added | Words removed | Sections changed | Reading ease (Flesch) |\n| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n',
    );
  });

  it('gives before → after as the rule computes them, marking a chapter below its audience’s threshold', () => {
    const [before, after] = [score(refundsBefore), score(refundsAfter)];
    expect(before).toBeGreaterThanOrEqual(60);
    expect(after).toBeLessThan(60);
    expect(cell('procedures/refunds.md')).toBe(`${before} → ${after} ▼ below 60`);
  });

  it('shows a chapter made easier going up, with no mark once it reaches the config’s minimum', () => {
    const [before, after] = [score(depositsBefore), score(depositsAfter)];
    expect(before).toBeLessThan(0);
    expect(cell('procedures/deposits.md')).toBe(`${before} → ${after} ▲`);
  });

  it('gives an added chapter only its score now, and a removed one only its score before', () => {
    expect(cell('procedures/collections.md')).toBe(`${score(collections)} below 45`);
    expect(cell('procedures/email.mdx')).toBe(String(Math.floor(sectionReadability(emailBefore, 'mdx').score!)));
  });

  it('gives a chapter too short to score a dash, with a note saying why', () => {
    expect(cell('reference/bank-holidays.md')).toBe('—\\*');
    expect(summary).toContain('\n\n\\* Too short to score: fewer than 40 words of prose, not counting headings and code.\n');
  });

  it('lists the sections that fell below their threshold, escaped, new ones said to be new', () => {
    const list = summary.slice(summary.indexOf('### Sections that fell below their reading ease threshold'));
    expect(list.trimEnd().split('\n')).toEqual([
      '### Sections that fell below their reading ease threshold',
      '',
      `- Collections (draft) › Booking: ${sectionScore(collections, 'Booking')} below 45`,
      // Renamed as well as rewritten: compared with the section it was, as the redline shows it.
      `- Refunds \\| \\<b\\>fees\\</b\\> (draft) › When to refund \\| fees \\& \\[charges\\]: ${sectionScore(refundsBefore, 'When to refund')} → ${sectionScore(refundsAfter, 'When to refund | fees & [charges]')} ▼ below 60`,
      `- Refunds \\| \\<b\\>fees\\</b\\> (draft) › Disputes: ${sectionScore(refundsAfter, 'Disputes')} below 60 (new section)`,
    ]);
    // The section that kept its plain text is not listed.
    expect(list).not.toContain('Paying it back');
  });

  it('shows the same figures on the page, and links each section listed to its chapter’s redline', () => {
    expect(page).toContain('<th scope="col">Reading ease (Flesch)</th>');
    expect(page).toContain(`<td>${score(refundsBefore)} → ${score(refundsAfter)} ▼ below 60</td></tr>`);
    expect(page).toContain('<p class="quiet">* Too short to score: fewer than 40 words of prose, not counting headings and code.</p>');
    expect(page).toMatch(
      /<h3>Sections that fell below their reading ease threshold<\/h3>\n<ul><li><a href="#chapter-draft-procedures-collections-md">Collections \(draft\) › Booking: -?\d+ below 45<\/a><\/li>\n<li><a href="#chapter-draft-procedures-refunds-md">Refunds \| &lt;b&gt;fees&lt;\/b&gt; \(draft\) › When to refund/,
    );
  });

  it('is left out, with its notes, for a handbook not in English', async () => {
    const french = await redline(['--base', 'main', '--out', 'fr.html', '--summary', '-'], { HANDBOOK_LANG: 'fr-FR' });
    expect(french.status).toBe(0);
    expect(french.stdout).toContain('| Edition | Chapter | File | Change | Words added | Words removed | Sections changed |\n');
    expect(french.stdout).not.toMatch(/Reading ease|below|Too short|→/);
    expect(readFileSync(path.join(repo.dir, 'fr.html'), 'utf8')).not.toMatch(/Reading ease|Sections that fell/);
  });
});

describe('a section that falls below its threshold', () => {
  it('is one that was above it before, or had no score', async () => {
    // The same plain opening, one section rewritten: only that section is listed, with its score before.
    const opening = `${frontmatter('Hire desk', 'frontline')}${PLAIN}\n\n`;
    write('procedures/hire-desk.md', `${opening}## Taking the booking\n\n${PLAIN_TOO}\n`);
    git('add', '.');
    git('commit', '--quiet', '-m', 'Hire desk');
    const base = git('rev-parse', 'HEAD').trim();
    const after = `${opening}## Taking the booking\n\n${LEGAL}\n`;
    write('procedures/hire-desk.md', after);
    const result = await redline(['--base', base, '--out', 'hire-desk.html', '--summary', '-', 'src/content/editions/draft/procedures/hire-desk.md']);
    const before = sectionScore(`${opening}## Taking the booking\n\n${PLAIN_TOO}\n`, 'Taking the booking');
    expect(result.stdout).toContain(`\n- Hire desk (draft) › Taking the booking: ${before} → ${sectionScore(after, 'Taking the booking')} ▼ below 60\n`);
    expect(result.stdout).not.toContain('Introduction');
  });
});

describe('the figures’ text', () => {
  const english = createTranslator('en-GB');
  const scored = (score: number): Reading => ({ kind: 'scored', score });
  const threshold = { minimum: 50, source: "(the checker's default)" };

  it('rounds down, as the rule’s messages do, and says which way the score went', () => {
    expect(readingChangeText(scored(58.9), scored(64.2), threshold, english)).toBe('58 → 64 ▲');
    expect(readingChangeText(scored(71), scored(49.99), threshold, english)).toBe('71 → 49 ▼ below 50');
    expect(readingChangeText(scored(55.2), scored(55.7), threshold, english)).toBe('55 → 55');
    expect(readingChangeText(scored(-12.5), undefined, threshold, english)).toBe('-13');
  });

  it('gives one dash when neither version has a score for the same reason, and both when the reasons differ', () => {
    const short: Reading = { kind: 'short' };
    expect(readingChangeText(short, short, threshold, english)).toBe('—*');
    expect(readingChangeText(short, { kind: 'unreadable' }, undefined, english)).toBe('—* → —†');
    expect(readingChangeText(short, scored(40), threshold, english)).toBe('—* → 40 below 50');
  });
});
