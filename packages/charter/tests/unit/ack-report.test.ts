/**
 * charter ack-report: which chapters count (material changes only, by lib/diff/material.ts), who
 * has confirmed them per team, stale confirmations apart, the roster, and the command on the
 * example handbook with a real database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/acks/csv.ts';
import { buildAckReport, materialChapters, NO_TEAM, rosterFromRows, type ReportChapter } from '../../src/lib/acks/report.ts';
import { AckStore, type AckRow } from '../../src/lib/acks/store.ts';
import { chapterContentHash } from '../../src/lib/diff/material.ts';
import { charterMain, node24, repoRoot, sha256, tempFolder } from './ack-support.ts';

const folder = tempFolder();
afterAll(() => folder.cleanup());

const chapter = (slug: string, standards: string[], steps: string[], extra = '', redirectFrom: string[] = []): ReportChapter => ({
  slug,
  title: slug,
  format: 'mdx',
  redirectFrom,
  source: `---\ntitle: ${slug}\n---\n\nIntro${extra}.\n\n## Our standard\n\n${standards.map((s) => `- ${s}`).join('\n')}\n\n## Steps\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`,
});

describe('which chapters count', () => {
  const before = [
    chapter('procedures/telephone', ['We answer by the fourth ring.'], ['Greet the caller.']),
    chapter('procedures/email', ['We reply within two working days.'], ['Read the whole thread.']),
    chapter('procedures/front-counter', ['We greet every visitor.'], ['Look up.']),
    chapter('reference/glossary', [], []),
  ];
  const after = [
    chapter('procedures/telephone', ['We answer by the third ring.'], ['Greet the caller.']),
    // A typo fixed outside the standards and steps: a correction, nobody is asked again.
    chapter('procedures/email', ['We reply within two working days.'], ['Read the whole thread.'], ' with a typo fixed'),
    chapter('procedures/face-to-face', ['We greet every visitor.'], ['Look up.', 'Smile.'], '', ['procedures/front-counter']),
    chapter('procedures/live-chat', ['We answer chats within a minute.'], ['Say hello.']),
    chapter('reference/glossary', [], [], ' and more'),
  ];

  it('lists the material changes and new chapters with standards, not corrections', () => {
    const found = materialChapters(after, before);
    expect(found.map((c) => [c.chapter, c.change, c.reasons, c.previous])).toEqual([
      ['procedures/face-to-face', 'changed', ['steps'], 'procedures/front-counter'],
      ['procedures/live-chat', 'added', [], undefined],
      ['procedures/telephone', 'changed', ['standards'], undefined],
    ]);
    expect(found[2]!.hash).toBe(chapterContentHash(after[0]!.source));
  });

  it('lists nothing in the first edition, which has nothing to compare with (the site marks nothing there)', () => {
    expect(materialChapters(after, [])).toEqual([]);
  });

  it("follows the editor's mark when there is one", () => {
    const marks = { 'procedures/telephone': 'correction', 'procedures/email': 'material' } as const;
    expect(materialChapters(after, before, marks).map((c) => [c.chapter, c.reasons])).toEqual([
      ['procedures/email', []],
      ['procedures/face-to-face', ['steps']],
      ['procedures/live-chat', []],
    ]);
  });
});

describe('who has confirmed', () => {
  const hashNow = sha256('now');
  const chapters = [{ chapter: 'procedures/telephone', title: 'Telephone', hash: hashNow, change: 'changed' as const, reasons: [] }];
  const row = (reader: string, team: string | null, hash: string, at: string, edition = '2026.1'): AckRow => ({
    reader,
    team,
    chapter: 'procedures/telephone',
    edition,
    hash,
    path: null,
    confirmed_at: at,
  });
  const acks = [
    row('amira', 'phone', hashNow, '2026-02-03T09:00:00.000Z'),
    row('ben', 'phone', sha256('before a fix'), '2026-02-02T09:00:00.000Z'),
    row('chen', 'counter', hashNow, '2026-02-04T09:00:00.000Z'),
    row('dana', null, sha256('anything'), '2026-02-04T09:00:00.000Z', '2025.1'),
  ];

  it('counts only the hash of the chapter now, lists stale confirmations apart, and who has not yet', () => {
    const report = buildAckReport({ edition: '2026.1', previous: '2025.1', chapters, acks });
    expect(report.teams).toBe('header');
    expect(report.chapters[0]!.teams).toEqual([
      { team: 'counter', readers: 1, confirmed: [{ reader: 'chen', at: '2026-02-04T09:00:00.000Z' }], stale: [], missing: [] },
      {
        team: 'phone',
        readers: 2,
        confirmed: [{ reader: 'amira', at: '2026-02-03T09:00:00.000Z' }],
        stale: [{ reader: 'ben', at: '2026-02-02T09:00:00.000Z', hash: sha256('before a fix') }],
        missing: ['ben'],
      },
      // A confirmation of the previous edition is neither current nor stale.
      { team: NO_TEAM, readers: 1, confirmed: [], stale: [], missing: ['dana'] },
    ]);
  });

  it('takes teams from the roster, which also names readers who never confirmed', () => {
    const roster = new Map([
      ['amira', 'counter'],
      ['erin', 'phone'],
    ]);
    const report = buildAckReport({ edition: '2026.1', previous: '2025.1', chapters, acks, roster });
    expect(report.teams).toBe('roster');
    const teams = Object.fromEntries(report.chapters[0]!.teams.map((t) => [t.team, { confirmed: t.confirmed.map((c) => c.reader), missing: t.missing }]));
    expect(teams).toEqual({
      counter: { confirmed: ['amira', 'chen'], missing: [] },
      phone: { confirmed: [], missing: ['ben', 'erin'] },
      [NO_TEAM]: { confirmed: [], missing: ['dana'] },
    });
  });

  it('refuses a roster without its header, with empty cells or a reader in two teams, naming every line', () => {
    const read = (text: string) => {
      const parsed = parseCsv(text);
      if (!('rows' in parsed)) throw new Error(parsed.error);
      return rosterFromRows(parsed.rows, 'roster.csv');
    };
    expect(read('name,group\namira,phone\n').problems).toEqual([
      'roster.csv:1: the first row must name the columns reader and team (e.g. "reader,team"), found "name,group"',
    ]);
    expect(read('reader,team\namira,phone\nben,\namira,counter\namira,phone\n').problems).toEqual([
      'roster.csv:3: needs a reader and a team, found "ben,"',
      'roster.csv:4: amira is already in team phone (line 2); a reader belongs to one team',
    ]);
    expect(read('Team,Reader\namira,phone\n').roster).toEqual(new Map([['phone', 'amira']]));
  });
});

describe('charter ack-report on the example handbook', () => {
  const example = path.join(repoRoot, 'examples/northwind');
  const telephone = readFileSync(path.join(example, 'src/content/editions/2026.1/procedures/telephone.mdx'), 'utf8');
  const dbFile = path.join(folder.dir, 'acks.sqlite');
  const report = (args: string[]) => spawnSync(node24, [charterMain, 'ack-report', '--db', dbFile, ...args], { cwd: example, encoding: 'utf8' });

  it('shows a confirmation of the chapter as built, per team, in text, JSON and CSV', async () => {
    const store = await AckStore.open(dbFile, { create: true });
    store.addAck({ reader: 'amira', team: 'phone-team', chapter: 'procedures/telephone', edition: '2026.1', hash: chapterContentHash(telephone) });
    store.addAck({ reader: 'ben', team: 'phone-team', chapter: 'procedures/telephone', edition: '2026.1', hash: sha256('an older text') });
    store.close();

    const text = report([]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Edition 2026\.1: \d+ chapter\(s\) changed materially since 2025\.1\./);
    expect(text.stdout).toMatch(
      /procedures\/telephone — Telephone \(changed: [a-z, ]+\)\n {2}team +confirmed +who +not yet +stale\n {2}phone-team +1\/2 +amira +ben +ben\n/,
    );

    const json = JSON.parse(report(['--format', 'json']).stdout);
    const phone = json.chapters.find((c: { chapter: string }) => c.chapter === 'procedures/telephone');
    expect(phone.hash).toBe(chapterContentHash(telephone));
    expect(phone.teams[0]).toMatchObject({ team: 'phone-team', confirmed: [{ reader: 'amira' }], stale: [{ reader: 'ben' }], missing: ['ben'] });
    // The mail procedure did not change materially between the editions: nobody is asked to confirm it.
    expect(json.chapters.map((c: { chapter: string }) => c.chapter)).not.toContain('procedures/mail');

    const csv = report(['--format', 'csv']).stdout;
    expect(csv).toContain('procedures/telephone,phone-team,amira,confirmed,');
    expect(csv).toContain('procedures/telephone,phone-team,ben,stale,');
  });

  it('uses a roster file, and refuses a bad one with its lines', () => {
    const roster = path.join(folder.dir, 'roster.csv');
    writeFileSync(roster, 'reader,team\namira,counter\nchen,phone-team\n');
    const json = JSON.parse(report(['--format', 'json', '--roster', roster]).stdout);
    const phone = json.chapters.find((c: { chapter: string }) => c.chapter === 'procedures/telephone');
    expect(phone.teams.map((t: { team: string; missing: string[] }) => [t.team, t.missing])).toEqual([
      ['counter', []],
      ['phone-team', ['ben', 'chen']],
    ]);
    writeFileSync(roster, 'reader,team\namira,\n"chen,phone\n');
    const bad = report(['--roster', roster]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/roster\.csv:3: a quoted field is not closed/);
  });

  it('refuses bad flags and a missing database with what to do', () => {
    const format = report(['--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^charter ack-report: --format takes text, json, csv, not "xml"/);
    const missing = spawnSync(node24, [charterMain, 'ack-report', '--db', path.join(folder.dir, 'none.sqlite')], { cwd: example, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/there is no acknowledgements database at .*none\.sqlite\. Pass --db/);
  });
});

describe('stale confirmations, and what changed since them', () => {
  const repo = path.join(folder.dir, 'repo');
  const content = path.join(repo, 'content');
  const file = path.join(content, 'editions/2026.1/procedures/telephone.mdx');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });

  it('counts a confirmation of an earlier text when only corrections were made since (a typo fix resets nobody), not one of a text git never had', async () => {
    cpSync(path.join(repoRoot, 'examples/northwind/src/content'), content, { recursive: true });
    git('init', '--quiet', '--initial-branch=main');
    const released = readFileSync(file, 'utf8');
    // A text before the release whose steps differ: a confirmation of it missed a material change.
    const earlier = released.replace('Greet the caller in full.', 'Greet the caller.');
    expect(earlier).not.toBe(released);
    writeFileSync(file, earlier);
    git('add', '.');
    git('commit', '--quiet', '-m', 'an earlier text');
    writeFileSync(file, released);
    git('commit', '--quiet', '-am', 'released');
    // A correction after release: a sentence outside the standards and steps reworded.
    const corrected = released.replace('On a call, the customer cannot see you.', 'On a call, customers cannot see you.');
    expect(corrected).not.toBe(released);
    writeFileSync(file, corrected);
    git('commit', '--quiet', '-am', 'a correction');

    const dbFile = path.join(repo, 'acks.sqlite');
    const store = await AckStore.open(dbFile, { create: true });
    store.addAck({ reader: 'amira', team: 'phone-team', chapter: 'procedures/telephone', edition: '2026.1', hash: chapterContentHash(released) });
    store.addAck({ reader: 'ben', team: 'phone-team', chapter: 'procedures/telephone', edition: '2026.1', hash: sha256('a text git never had') });
    store.addAck({ reader: 'chen', team: 'phone-team', chapter: 'procedures/telephone', edition: '2026.1', hash: chapterContentHash(earlier) });
    store.close();
    const run = (format: string) =>
      spawnSync(node24, [charterMain, 'ack-report', '--db', dbFile, '--format', format], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, HANDBOOK_CONTENT_DIR: content },
      });
    const json = run('json');
    expect(json.stderr).toBe('');
    const telephone = JSON.parse(json.stdout).chapters.find((c: { chapter: string }) => c.chapter === 'procedures/telephone');
    expect(telephone.hash).toBe(chapterContentHash(corrected));
    expect(telephone.teams[0].confirmed).toEqual([{ reader: 'amira', at: expect.any(String), throughCorrections: true }]);
    expect(telephone.teams[0].stale).toEqual([
      { reader: 'ben', at: expect.any(String), hash: sha256('a text git never had') },
      { reader: 'chen', at: expect.any(String), hash: chapterContentHash(earlier), since: 'material' },
    ]);
    expect(telephone.teams[0].missing).toEqual(['ben', 'chen']);
    expect(run('text').stdout).toMatch(/phone-team +1\/3 +amira \(after corrections\) +ben, chen +ben, chen/);
    expect(run('csv').stdout).toMatch(/procedures\/telephone,phone-team,amira,confirmed,[^,]+,[0-9a-f]{64},correction\r\n/);
  });
});
