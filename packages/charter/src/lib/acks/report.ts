/**
 * Who has confirmed the material changes of the current edition, per chapter and team: what
 * `charter ack-report` prints. Pure: the chapters, confirmations and roster come in, the report
 * goes out.
 *
 * Which chapters changed materially comes from the comparison the site's changes pages make
 * (diff/compare-editions.ts, marking each change with diff/material.ts and the editor's
 * `changeMarks`): a chapter counts when its page asks readers to confirm it.
 *
 * A confirmation counts when its hash is the chapter's hash as it is now (the hash the built page
 * carries), or when it names an earlier text of the chapter in the same edition from which only
 * corrections were made (found in git's history): a typo fixed after release resets nobody. Any
 * other confirmation of an earlier text is listed as stale, apart from those that count; so is one
 * whose text cannot be found, since nobody can then tell what was read.
 */
import { compareEditions, type ChangeMarkOverrides, type ComparableChapter } from '../diff/compare-editions.ts';
import { chapterContentHash, materialReasons, type ChangeMark, type MaterialReason } from '../diff/material.ts';
import type { ChapterFormat } from '../chapter-files.ts';
import type { AckRow } from './store.ts';

/** A chapter file of an edition, as the report needs it. */
export interface ReportChapter {
  slug: string;
  title: string;
  source: string;
  format: ChapterFormat;
  redirectFrom: readonly string[];
}

export const NO_TEAM = '(no team)';

export interface MaterialChapter {
  chapter: string;
  title: string;
  /** The chapter's content hash now: the one a confirmation must carry to count. */
  hash: string;
  /** Its path in the previous edition when it had another one. */
  previous?: string;
  /** New in this edition, or changed. */
  change: 'added' | 'changed';
  /** What made it material, by the default rule; empty when the editor's mark decided. */
  reasons: MaterialReason[];
}

/** A confirmation of an earlier text of the chapter in this edition. */
export interface StaleConfirmation {
  reader: string;
  at: string;
  hash: string;
  /**
   * How the chapter changed since the text confirmed, when that text could be found (in git's
   * history). Always `material` here: a confirmation with only corrections since counts.
   */
  since?: ChangeMark;
}

export interface TeamStanding {
  team: string;
  /** Readers of the team the report knows of (the roster's, or those who ever confirmed anything). */
  readers: number;
  /** `throughCorrections`: the reader confirmed an earlier text, and only corrections were made since. */
  confirmed: { reader: string; at: string; throughCorrections?: true }[];
  /** Confirmed an earlier text of the chapter in this edition with material changes since, or one that cannot be found: does not count. */
  stale: StaleConfirmation[];
  /** Readers of the team with no confirmation of the chapter as it is now. */
  missing: string[];
}

export interface AckReport {
  edition: string;
  previous: string | undefined;
  /** Where the teams came from. */
  teams: 'roster' | 'header';
  chapters: (MaterialChapter & { teams: TeamStanding[] })[];
}

/**
 * Each chapter of the edition that changed materially since the one before (or is new with
 * standards or steps), as the site marks it: the same comparison (compareEditions, with the
 * editor's `changeMarks`), so that the report lists exactly the chapters whose pages ask readers to
 * confirm. The first edition has nothing to compare with, and no chapter is marked in it.
 */
export function materialChapters(
  current: readonly ReportChapter[],
  previous: readonly ReportChapter[],
  overrides: ChangeMarkOverrides = {},
): MaterialChapter[] {
  if (previous.length === 0) return [];
  const comparable = (chapter: ReportChapter): ComparableChapter => ({ ...chapter, text: chapter.source });
  const comparison = compareEditions(previous.map(comparable), current.map(comparable), overrides);
  const now = new Map(current.map((chapter) => [chapter.slug, chapter]));
  const before = new Map(previous.map((chapter) => [chapter.slug, chapter]));
  const textOf = (chapter: ReportChapter) => ({ source: chapter.source, format: chapter.format });
  const changed = [...comparison.changed, ...comparison.renamed].filter((change) => change.mark === 'material');
  const found: MaterialChapter[] = [
    ...comparison.added
      .filter((added) => added.mark === 'material')
      .map((added) => ({
        chapter: added.slug,
        title: added.title,
        hash: chapterContentHash(now.get(added.slug)!.source),
        change: 'added' as const,
        reasons: [],
      })),
    ...changed.map((change) => {
      const chapter = now.get(change.slug)!;
      const old = before.get(change.previousSlug ?? change.slug)!;
      return {
        chapter: change.slug,
        title: change.title,
        hash: chapterContentHash(chapter.source),
        ...(change.previousSlug ? { previous: change.previousSlug } : {}),
        change: 'changed' as const,
        // The rule's reasons; none when the editor's mark decided.
        reasons: overrides[change.slug] ? [] : materialReasons(textOf(old), textOf(chapter)),
      };
    }),
  ];
  return found.sort((a, b) => a.chapter.localeCompare(b.chapter, 'en'));
}

/**
 * The teams: from the roster when there is one (a reader it does not list falls back to the team
 * the proxy sent), otherwise from the team header recorded with the reader's latest confirmation.
 */
export function teamsOf(acks: readonly AckRow[], roster: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const teams = new Map<string, string>();
  const byTime = [...acks].sort((a, b) => a.confirmed_at.localeCompare(b.confirmed_at));
  for (const ack of byTime) teams.set(ack.reader, ack.team ?? teams.get(ack.reader) ?? NO_TEAM);
  for (const [reader, team] of roster ?? []) teams.set(reader, team);
  return teams;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en');

export function buildAckReport(input: {
  edition: string;
  previous: string | undefined;
  chapters: readonly MaterialChapter[];
  acks: readonly AckRow[];
  roster?: ReadonlyMap<string, string> | undefined;
  /** How the chapter changed since the text with this hash; undefined when that text is not known. */
  changeSince?: (chapter: string, hash: string) => ChangeMark | undefined;
}): AckReport {
  const teams = teamsOf(input.acks, input.roster);
  const members = new Map<string, string[]>();
  for (const [reader, team] of teams) members.set(team, [...(members.get(team) ?? []), reader]);
  const teamNames = [...members.keys()].sort((a, b) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : byName(a, b)));
  const chapters = input.chapters.map((chapter) => {
    const acks = input.acks.filter((ack) => ack.edition === input.edition && ack.chapter === chapter.chapter);
    const standings = teamNames.map((team): TeamStanding => {
      const inTeam = (ack: AckRow) => teams.get(ack.reader) === team;
      const since = (ack: AckRow) => (ack.hash === chapter.hash ? undefined : input.changeSince?.(chapter.chapter, ack.hash));
      const counts = (ack: AckRow) => ack.hash === chapter.hash || since(ack) === 'correction';
      // One entry per reader: the confirmation of the text as it is now wins over an earlier one.
      const confirmedBy = new Map<string, { reader: string; at: string; throughCorrections?: true }>();
      for (const ack of acks.filter((a) => inTeam(a) && counts(a))) {
        const entry = { reader: ack.reader, at: ack.confirmed_at, ...(ack.hash === chapter.hash ? {} : { throughCorrections: true as const }) };
        const known = confirmedBy.get(ack.reader);
        if (!known || (known.throughCorrections && !entry.throughCorrections)) confirmedBy.set(ack.reader, entry);
      }
      const confirmed = [...confirmedBy.values()];
      const done = new Set(confirmedBy.keys());
      const stale = acks
        .filter((ack) => inTeam(ack) && !counts(ack) && !done.has(ack.reader))
        .map((ack): StaleConfirmation => {
          const changed = since(ack);
          return { reader: ack.reader, at: ack.confirmed_at, hash: ack.hash, ...(changed ? { since: changed } : {}) };
        });
      return {
        team,
        readers: members.get(team)!.length,
        confirmed: confirmed.sort((a, b) => byName(a.reader, b.reader)),
        stale: stale.sort((a, b) => byName(a.reader, b.reader)),
        missing: members
          .get(team)!
          .filter((reader) => !done.has(reader))
          .sort(byName),
      };
    });
    return { ...chapter, teams: standings };
  });
  return { edition: input.edition, previous: input.previous, teams: input.roster ? 'roster' : 'header', chapters };
}

/** Reads a roster (CSV with a header row `reader,team`): every problem, with its line. */
export function rosterFromRows(rows: readonly { line: number; fields: string[] }[], file: string): { roster: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const roster = new Map<string, string>();
  const [header, ...rest] = rows;
  const names = header?.fields.map((field) => field.trim().toLowerCase());
  const readerAt = names?.indexOf('reader') ?? -1;
  const teamAt = names?.indexOf('team') ?? -1;
  if (readerAt < 0 || teamAt < 0) {
    return {
      roster,
      problems: [
        `${file}:${header?.line ?? 1}: the first row must name the columns reader and team (e.g. "reader,team"), found "${header?.fields.join(',') ?? ''}"`,
      ],
    };
  }
  const seen = new Map<string, number>();
  for (const row of rest) {
    const reader = row.fields[readerAt]?.trim() ?? '';
    const team = row.fields[teamAt]?.trim() ?? '';
    if (!reader || !team) {
      problems.push(`${file}:${row.line}: needs a reader and a team, found "${row.fields.join(',')}"`);
      continue;
    }
    const first = seen.get(reader);
    if (first !== undefined && roster.get(reader) !== team) {
      problems.push(`${file}:${row.line}: ${reader} is already in team ${roster.get(reader)} (line ${first}); a reader belongs to one team`);
      continue;
    }
    seen.set(reader, row.line);
    roster.set(reader, team);
  }
  return { roster, problems };
}
