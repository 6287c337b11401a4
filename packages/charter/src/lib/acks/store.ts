/**
 * The acknowledgements database: one SQLite file (Node's built-in `node:sqlite`) holding the
 * confirmations readers gave and the searches that found nothing. docs/acknowledgements.md
 * documents the schema; this module is its only writer.
 *
 * Durability: write-ahead log with `synchronous = FULL`, so a commit has reached the disk (the log
 * is flushed with fsync) before the server answers 2xx. A process killed at any moment loses at
 * most requests it had not answered yet; SQLite replays the log when the file is next opened.
 *
 * The file says what it is: `PRAGMA application_id` marks it as Charter's, `PRAGMA user_version`
 * holds the schema version, so a command never writes into somebody else's database, nor into one
 * a newer Charter laid out differently.
 */
import { existsSync } from 'node:fs';
import type { DatabaseSync as Database } from 'node:sqlite';

/** "ChAc" in ASCII: marks the file as a Charter acknowledgements database. */
export const ACK_APPLICATION_ID = 0x43684163;
/** The layout below; raise it (with a migration) when a table changes. */
export const ACK_SCHEMA_VERSION = 1;
export const DEFAULT_ACK_DB = 'charter-acks.sqlite';

const SCHEMA = `
CREATE TABLE acks (
  reader TEXT NOT NULL,
  team TEXT,
  chapter TEXT NOT NULL,
  edition TEXT NOT NULL,
  hash TEXT NOT NULL,
  path TEXT,
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (reader, chapter, edition, hash)
) WITHOUT ROWID;
CREATE INDEX acks_by_edition ON acks (edition, chapter);
CREATE TABLE search_gaps (
  id INTEGER PRIMARY KEY,
  query TEXT NOT NULL,
  edition TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
`;

/** The database cannot be used as asked; the message says why and what to do. */
export class AckStoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AckStoreRefused';
  }
}

export interface AckRow {
  reader: string;
  team: string | null;
  chapter: string;
  edition: string;
  hash: string;
  path: string | null;
  confirmed_at: string;
}

export interface SearchGapRow {
  query: string;
  edition: string;
  recorded_at: string;
}

export interface NewAck {
  reader: string;
  team?: string | undefined;
  chapter: string;
  edition: string;
  hash: string;
  path?: string | undefined;
}

/**
 * `node:sqlite` is loaded when a database is opened, so that the rest of the CLI runs on a Node
 * without it (22.12 has it only behind --experimental-sqlite).
 */
async function loadSqlite(): Promise<typeof import('node:sqlite')> {
  try {
    return await import('node:sqlite');
  } catch {
    throw new AckStoreRefused(
      `this Node (${process.versions.node}) has no built-in SQLite (node:sqlite), which the acknowledgements database needs: use Node 22.13 or newer, or run Charter through npm scripts with the "node" package (npm install --save-dev node@24).`,
    );
  }
}

const pragma = (db: Database, name: string): unknown => Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0];

export class AckStore {
  readonly file: string;
  readonly db: Database;
  private readonly insertAck;
  private readonly insertGap;

  private constructor(file: string, db: Database) {
    this.file = file;
    this.db = db;
    this.insertAck = db.prepare(
      `INSERT INTO acks (reader, team, chapter, edition, hash, path, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (reader, chapter, edition, hash) DO NOTHING`,
    );
    this.insertGap = db.prepare('INSERT INTO search_gaps (query, edition, recorded_at) VALUES (?, ?, ?)');
  }

  /**
   * Opens (with `create`, creates) the database at `file`, refusing a file that is not Charter's or
   * has another schema version, with what to do about it.
   */
  static async open(file: string, options: { create: boolean }): Promise<AckStore> {
    const existed = existsSync(file);
    if (!existed && !options.create) {
      throw new AckStoreRefused(
        `there is no acknowledgements database at ${file}. Pass --db with the file charter ack-server writes (${DEFAULT_ACK_DB} by default).`,
      );
    }
    const { DatabaseSync } = await loadSqlite();
    let db: Database;
    try {
      // Readers (ack-report, an export) may meet a server mid-commit: wait for it rather than fail.
      db = new DatabaseSync(file, { timeout: 5000 });
    } catch (error) {
      throw new AckStoreRefused(`cannot open ${file}: ${(error as Error).message}`);
    }
    try {
      const store = new AckStore(file, initialize(db, file, existed, options.create));
      return store;
    } catch (error) {
      db.close();
      if (error instanceof AckStoreRefused) throw error;
      throw new AckStoreRefused(`${file} cannot be used as an acknowledgements database: ${(error as Error).message}`);
    }
  }

  /** Records a confirmation; false when the reader had already confirmed this version of the chapter. */
  addAck(ack: NewAck, at: Date = new Date()): boolean {
    const result = this.insertAck.run(ack.reader, ack.team ?? null, ack.chapter, ack.edition, ack.hash, ack.path ?? null, at.toISOString());
    return Number(result.changes) > 0;
  }

  addSearchGap(gap: { query: string; edition: string }, at: Date = new Date()): void {
    this.insertGap.run(gap.query, gap.edition, at.toISOString());
  }

  /** Runs `work` as one transaction: everything in it is on disk when it returns, or nothing is. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  acks(): AckRow[] {
    return this.db
      .prepare('SELECT reader, team, chapter, edition, hash, path, confirmed_at FROM acks ORDER BY confirmed_at, reader, chapter')
      .all() as unknown as AckRow[];
  }

  searchGaps(): SearchGapRow[] {
    return this.db.prepare('SELECT query, edition, recorded_at FROM search_gaps ORDER BY id').all() as unknown as SearchGapRow[];
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/** Checks what the file is, lays out a new one, and sets the journal and sync modes. */
function initialize(db: Database, file: string, existed: boolean, create: boolean): Database {
  // Reading the header fails on a file that is not SQLite at all ("file is not a database").
  const applicationId = Number(pragma(db, 'application_id'));
  const version = Number(pragma(db, 'user_version'));
  const tables = Number(Object.values(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").get() ?? {})[0]);
  const fresh = applicationId === 0 && version === 0 && tables === 0;
  if (fresh && !create) {
    throw new AckStoreRefused(`${file} is an empty database, not one charter ack-server has written. Pass --db with the file the server writes.`);
  }
  if (!fresh && applicationId !== ACK_APPLICATION_ID) {
    throw new AckStoreRefused(
      `${file} is ${existed ? 'an SQLite database of another program' : 'not a Charter database'} (application_id ${applicationId}), not Charter's acknowledgements database. Pass --db with another file name; Charter does not write into it.`,
    );
  }
  if (!fresh && version !== ACK_SCHEMA_VERSION) {
    throw new AckStoreRefused(
      version > ACK_SCHEMA_VERSION
        ? `${file} has schema version ${version}, written by a newer Charter; this one reads version ${ACK_SCHEMA_VERSION}. Upgrade charter-handbook to read it (or export it with the newer one).`
        : `${file} has schema version ${version}, which no Charter release wrote; this one reads version ${ACK_SCHEMA_VERSION}. Restore the file from a backup, or start with a new --db.`,
    );
  }
  const mode = String(pragma(db, 'journal_mode = WAL'));
  if (mode !== 'wal')
    throw new AckStoreRefused(`${file} cannot use a write-ahead log (journal mode stays "${mode}"); put it on a local disk, not a network share.`);
  db.exec('PRAGMA synchronous = FULL');
  if (fresh) {
    db.exec('BEGIN');
    db.exec(SCHEMA);
    db.exec(`PRAGMA application_id = ${ACK_APPLICATION_ID}`);
    db.exec(`PRAGMA user_version = ${ACK_SCHEMA_VERSION}`);
    db.exec('COMMIT');
  }
  return db;
}
