/**
 * `charter import` over a handbook written for other tools (tests/fixtures/imports/company-handbook:
 * GitHub-style READMEs and spaces in names, Hugo TOML and shortcodes, Docusaurus MDX with
 * components and admonitions, MkDocs admonitions, raw HTML that is unsafe or not allowed).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareImport, type ImportReport } from '../../src/import/index.ts';
import { lostWords, wordsOf } from '../../src/import/words.ts';
import { checkFiles } from '../../src/lint/check.ts';
import { DEFAULT_VOCABULARY, idsOf } from '../../src/lib/vocabulary.ts';
import { engineRoot } from '../lint/support.ts';

const fixture = path.join(engineRoot, 'tests/fixtures/imports/company-handbook');
const node = path.join(engineRoot, '../../node_modules/.bin/node');
const cli = path.join(engineRoot, 'src/cli/main.ts');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'charter-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runImport(args: readonly string[]) {
  return spawnSync(node, [cli, 'import', ...args], { encoding: 'utf8', env: { ...process.env, CHARTER_TODAY: '2026-12-01' } });
}

/** Every file below a folder with its bytes, for comparing two imports. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')])
      .sort(),
  );
}

describe('charter import', () => {
  const target = path.join(scratch, 'content');
  const reportFile = path.join(scratch, 'report.json');
  const first = runImport([fixture, target, '--report', reportFile]);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport;
  const edition = path.join(target, 'editions', report.edition);
  const chapter = (file: string) => readFileSync(path.join(edition, file), 'utf8');

  it('makes every source page a chapter at a valid address, and names what it did not carry over', () => {
    expect(first.status, first.stderr).toBe(0);
    const pages = readdirSync(fixture, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:md|mdx|markdown)$/.test(f) && !f.startsWith('.github'));
    expect(report.pages.map((p) => p.source).sort()).toEqual(pages.map((p) => p.split(path.sep).join('/')).sort());
    for (const page of report.pages) {
      expect(page.target, page.source).toMatch(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*\.md$/);
      expect(existsSync(path.join(edition, page.target)), page.target).toBe(true);
    }
    expect(report.skipped).toEqual(['.github/', 'hugo-site/config.toml']);
    expect(first.stdout).toContain('Not carried over (2)');
    expect(report.summary.lostWords).toBe(0);
  });

  it('keeps folders, makes README, index and _index the folder’s own page, and redirects the old addresses', () => {
    const byTarget = new Map(report.pages.map((p) => [p.target, p.source]));
    expect(byTarget.get('people/time-off/index.md')).toBe('People/Time Off/README.md');
    expect(byTarget.get('people/time-off/parental-leave.md')).toBe('People/Time Off/Parental Leave.md');
    expect(byTarget.get('hugo-site/content/policies/index.md')).toBe('hugo-site/content/policies/_index.md');
    expect(byTarget.get('overview/index.md')).toBe('README.md');
    expect(chapter('benefits/state-fmla.md')).toMatch(/redirectFrom:\n {2}- benefits\/stateFMLA\n/);
    expect(chapter('people/time-off/index.md')).toMatch(/redirectFrom:\n {2}- People\/Time Off\n/);
    // Hugo's aliases are old addresses too.
    expect(chapter('hugo-site/content/policies/conduct.md')).toContain('- policies/behaviour');
  });

  it('completes the frontmatter: title from the first heading (which leaves the body), description from the first paragraph', () => {
    const parental = chapter('people/time-off/parental-leave.md');
    expect(parental).toMatch(
      /^---\ntitle: Parental Leave\ndescription: New parents take up to 16 weeks of paid leave, in one block or in parts within the first year\.\ntype: guide\n/,
    );
    expect(parental).not.toMatch(/^# Parental Leave/m);
    // Kept where the page had it: a TOML title and weight, a YAML description and weight.
    expect(chapter('hugo-site/content/policies/index.md')).toMatch(/title: Policies\n[\s\S]*order: 1\n/);
    expect(chapter('benefits/learning-budget.md')).toMatch(
      /description: Every employee has a yearly budget for courses, books and conferences\.\n[\s\S]*order: 3\n/,
    );
    expect(report.defaults).toEqual({ type: 'guide', audience: idsOf(DEFAULT_VOCABULARY, 'audiences')[0], owner: 'Handbook team', reviewed: '2026-12-01' });
  });

  it('points links at the new files, copies images and documents, and turns a link to a missing page into text', () => {
    expect(chapter('overview/index.md')).toContain('[Time off](../people/time-off/index.md)');
    expect(chapter('overview/index.md')).toContain('[State leave rules](../benefits/state-fmla.md#who-qualifies)');
    expect(chapter('overview/index.md')).toContain('[Engineering](../engineering/index.md)');
    expect(chapter('overview/index.md')).toContain('![Team photo](../assets/team.png)');
    expect(chapter('people/time-off/parental-leave.md')).toContain('[leave form](../../assets/leave-form.pdf)');
    expect(chapter('benefits/learning-budget.md')).toContain('[policy]: ../people/time-off/index.md');
    expect(chapter('hugo-site/content/policies/index.md')).toContain('[conduct policy](./conduct.md)');
    expect(readFileSync(path.join(edition, 'assets/team.png'))).toEqual(readFileSync(path.join(fixture, 'assets/team.png')));
    expect(chapter('benefits/index.md')).toContain('* A page that was deleted');
    // GitHub's way of writing an anchor, a folder without a page of its own, code that looks like a template.
    expect(chapter('benefits/index.md')).toContain('[Who qualifies](./state-fmla.md#who-qualifies)');
    expect(chapter('benefits/index.md')).toContain('[Notes on states](/benefits/state-fmla-docs/) and `{{ not a template }}` in code');
    // A top-level folder named like one of the site's own pages gets a longer name.
    expect(report.pages.find((p) => p.source === 'review/cycle.md')!.target).toBe('review-pages/cycle.md');
    const benefits = report.pages.find((p) => p.target === 'benefits/index.md')!;
    expect(benefits.needs).toEqual([
      expect.objectContaining({ inChapter: true, message: expect.stringContaining('link to "removed-page.md" made plain text') }),
    ]);
  });

  it('turns other tools’ syntax and unsafe HTML into plain Markdown, reporting each with its line', () => {
    const holidays = report.pages.find((p) => p.source === 'People/Time Off/holidays.md')!;
    expect(chapter('people/time-off/holidays.md')).not.toMatch(/<script|<iframe/);
    expect(chapter('people/time-off/holidays.md')).toContain('<a href="https://www.example.com/embed/calendar">');
    expect(holidays.needs.map((n) => n.line)).toEqual([13, 15]);
    const conduct = report.pages.find((p) => p.source === 'hugo-site/content/policies/conduct.md')!;
    expect(conduct.needs.map((n) => [n.line, n.message.slice(0, n.message.indexOf(' removed'))])).toEqual([
      [9, 'shortcode {{< youtube abc123 >}}'],
      [11, 'shortcode {{% alert title="Reminder" %}}'],
      [13, 'shortcode {{% /alert %}}'],
    ]);
    expect(chapter('hugo-site/content/policies/conduct.md')).toContain('Retaliation against someone who reports');
    const expenses = chapter('docs-site/docs/expenses.md');
    expect(expenses).not.toMatch(/import |<Tabs|<TabItem|\{props/);
    expect(expenses).toMatch(/receipt\.\n\n+Fill in the claim/);
    expect(expenses).toContain('**Keep receipts**');
    expect(chapter('engineering/on-call.md')).toMatch(/\*\*Before your week\*\*\nCheck that your phone gets the pager alerts\./);
    expect(chapter('people/time-off/index.md')).toContain('<a href="mailto:people@example.com">');
    expect(chapter('benefits/state-fmla.md')).toContain('[Map of states](https://cdn.example.com/states-map.png)');
  });

  it('gives chapters the checker finds no error in', async () => {
    const messages = await checkFiles([], { root: scratch, contentDir: target, today: new Date('2026-12-01') });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('gives the same output when run again over the same input, and writes nothing with --dry-run', () => {
    const before = snapshot(target);
    const again = runImport([fixture, target]);
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(target)).toEqual(before);
    const other = path.join(scratch, 'dry');
    const dry = runImport([fixture, other, '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    expect((JSON.parse(dry.stdout) as ImportReport).summary.pagesOut).toBe(report.summary.pagesOut);
    expect(existsSync(other)).toBe(false);
  });

  it('refuses to mix into an edition folder that holds other files, and asks for an edition in an existing content folder', () => {
    const copy = path.join(scratch, 'mixed');
    cpSync(target, copy, { recursive: true });
    writeFileSync(path.join(copy, 'editions', report.edition, 'overview/extra.md'), 'x');
    const refused = runImport([fixture, copy, '--edition', report.edition]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already holds 1 file this import would not write (overview/extra.md)');
    // A new edition of an existing content folder is a draft; the manifest and sections keep what they had.
    const added = runImport([fixture, copy, '--edition', 'draft']);
    expect(added.status, added.stderr).toBe(0);
    expect(readFileSync(path.join(copy, 'editions.yaml'), 'utf8')).toMatch(
      /status: current[\s\S]*- id: draft\n\s+title: Next edition \(draft\)\n\s+status: draft/,
    );
    // With more than the one edition an import made, the edition must be named; a second draft is refused.
    expect(runImport([fixture, copy]).stderr).toContain('name the new edition to import into with --edition <id>');
    expect(runImport([fixture, copy, '--edition', '2027.1']).stderr).toContain(
      'already has a draft edition (draft), and an edition can only be added as the draft',
    );
  });
});

describe('the word check', () => {
  it('finds a word the chapter lost, and accepts one the report removed', async () => {
    const source = wordsOf('Call the **desk** and ask for Mo.\n');
    expect(lostWords(source, wordsOf('Call the desk and ask.\n'), new Map())).toEqual(['for', 'mo']);
    expect(
      lostWords(
        source,
        wordsOf('Call the desk and ask.\n'),
        new Map([
          ['for', 1],
          ['mo', 1],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports an import that would lose words, and writes nothing', async () => {
    // A comment-only MDX expression is a note for editors; its words are counted as removed from the page.
    const dir = mkdtempSync(path.join(scratch, 'words-'));
    writeFileSync(path.join(dir, 'page.mdx'), '# Title here\n\nText {/* a note */} stays.\n');
    const result = await prepareImport({
      from: dir,
      contentDir: path.join(scratch, 'words-out'),
      edition: '1',
      vocabulary: DEFAULT_VOCABULARY,
      today: new Date('2026-12-01'),
      owner: 'Team',
    });
    expect(result.report.summary.lostWords).toBe(0);
    expect([...result.writes.keys()].some((file) => file.endsWith('overview/page.md'))).toBe(true);
  });
});
