/**
 * The acknowledgement endpoint on loopback with a real SQLite file: what it records, and every
 * refusal with its reason. The command line's flags and database refusals are checked here too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAckServerArgs } from '../../src/cli/ack-server.ts';
import { CommandFailed } from '../../src/cli/command.ts';
import { parseCsv, toCsv } from '../../src/lib/acks/csv.ts';
import { RateLimiter } from '../../src/lib/acks/rate-limit.ts';
import { createAckServer, listen, teamFromGroups } from '../../src/lib/acks/server.ts';
import { ACK_SCHEMA_VERSION, AckStore, AckStoreRefused } from '../../src/lib/acks/store.ts';
import { charterMain, node24, request, sha256, signedIn, tempFolder } from './ack-support.ts';

const folder = tempFolder();
const dbFile = path.join(folder.dir, 'acks.sqlite');
const hash = sha256('# Telephone\n');
let store: AckStore;
let server: http.Server;
let base: string;
let clock = 1_000_000;

const ack = (reader: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`${base}/ack`, { headers: { ...signedIn(reader, 'phone, email'), ...headers }, body: JSON.stringify(body) });
const telephone = { chapter: 'procedures/telephone', edition: '2026.1', hash };

beforeAll(async () => {
  store = await AckStore.open(dbFile, { create: true });
  server = createAckServer({
    store,
    prefix: '/charter-api',
    readerHeader: 'x-forwarded-user',
    teamHeader: 'x-forwarded-groups',
    bodyLimit: 1024,
    ratePerMinute: 30,
    now: () => clock,
  });
  const address = await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}/charter-api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  store.close();
  folder.cleanup();
});

describe('recording confirmations', () => {
  it('answers 201 for a new confirmation and stores the proxy\u2019s reader and team with the server\u2019s time', async () => {
    const before = new Date().toISOString();
    const reply = await ack('amira.hassan', { ...telephone, path: 'frontline-first-week' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ ok: true });
    const rows = store.acks().filter((row) => row.reader === 'amira.hassan');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ team: 'phone', chapter: 'procedures/telephone', edition: '2026.1', hash, path: 'frontline-first-week' });
    expect(rows[0]!.confirmed_at >= before && rows[0]!.confirmed_at <= new Date().toISOString()).toBe(true);
  });

  it('answers 200 to a repeat (the same hash in capitals too) and keeps one row', async () => {
    expect((await ack('ben.okafor', telephone)).status).toBe(201);
    const again = await ack('ben.okafor', { ...telephone, hash: hash.toUpperCase() });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true });
    expect(store.acks().filter((row) => row.reader === 'ben.okafor')).toHaveLength(1);
  });

  it('records a new version of the chapter (another hash) as another confirmation', async () => {
    expect((await ack('ben.okafor', { ...telephone, hash: sha256('# Telephone, revised\n') })).status).toBe(201);
    expect(store.acks().filter((row) => row.reader === 'ben.okafor')).toHaveLength(2);
  });

  it('records a search that found nothing, with its spaces tidied and no reader', async () => {
    const reply = await request(`${base}/search-gap`, { headers: signedIn('chen.li'), body: JSON.stringify({ query: '  parcel   lost ', edition: '2026.1' }) });
    expect(reply.status).toBe(201);
    expect(store.searchGaps()).toEqual([expect.objectContaining({ query: 'parcel lost', edition: '2026.1' })]);
  });

  it('takes the first of the groups as the team', () => {
    expect(teamFromGroups(' , counter ,phone')).toBe('counter');
    expect(teamFromGroups('')).toBeUndefined();
    expect(teamFromGroups(undefined)).toBeUndefined();
  });
});

describe('refusals, each with its reason', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a hash that is not 64 hex digits', { ...telephone, hash: 'abc123' }, /^hash must be 64 hexadecimal digits/],
    ['a reader in the body', { ...telephone, reader: 'someone.else' }, /unknown field "reader".*never from the body/],
    ['an unknown field', { ...telephone, colour: 'red' }, /unknown field "colour": the body holds chapter, edition, hash/],
    ['a chapter of the wrong type', { ...telephone, chapter: 42 }, /^chapter must be a string/],
    ['a chapter path in capitals', { ...telephone, chapter: 'Procedures/Telephone' }, /^chapter must be a chapter path in lowercase/],
    ['no edition', { chapter: telephone.chapter, hash }, /^edition must be a string, an edition id/],
    ['an edition that is not one', { ...telephone, edition: '26' }, /^edition must look like 2026\.1/],
    ['a reading path that is not an id', { ...telephone, path: 'First Week' }, /^path must be a reading path id/],
    ['a JSON array', [telephone], /must be a JSON object, not an array/],
    ['a JSON string', 'hello', /must be a JSON object, not a string/],
  ];
  for (const [what, body, reason] of cases) {
    it(`answers 400 to ${what}`, async () => {
      const reply = await ack('dana.price', body);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatch(reason);
    });
  }

  it('names every problem of a body at once', async () => {
    const reply = await ack('dana.price', { chapter: 1, edition: null, hash: [] });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/chapter must be a string.*; edition must be a string.*; hash must be a string/);
  });

  it('answers 400 to text that is not JSON', async () => {
    const reply = await request(`${base}/ack`, { headers: signedIn('dana.price'), body: '{"chapter": ' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/^the body is not valid JSON/);
  });

  it('answers 400 to an empty query and to one too long for a search box', async () => {
    const empty = await request(`${base}/search-gap`, { headers: signedIn('dana.price'), body: JSON.stringify({ query: '   ', edition: '2026.1' }) });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/^query must hold at least one character/);
    const long = await request(`${base}/search-gap`, { headers: signedIn('dana.price'), body: JSON.stringify({ query: 'x'.repeat(201), edition: '2026.1' }) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/^query must be at most 200 characters/);
  });

  it('answers 401 without the proxy\u2019s reader header, and writes nothing', async () => {
    const rows = store.acks().length;
    const reply = await request(`${base}/ack`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(telephone) });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatch(/no reader: the sign-in proxy sets the x-forwarded-user header/);
    expect(store.acks()).toHaveLength(rows);
  });

  it('answers 403 to a request another site made', async () => {
    const reply = await ack('dana.price', telephone, { 'Sec-Fetch-Site': 'cross-site' });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatch(/handbook's own pages \(Sec-Fetch-Site is cross-site\)/);
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const reply = await request(`${base}/ack`, { headers: { ...signedIn('dana.price'), 'Content-Type': 'text/plain' }, body: JSON.stringify(telephone) });
    expect(reply.status).toBe(415);
    expect(reply.body.error).toMatch(/Content-Type: application\/json, not text\/plain/);
  });

  it('answers 413 to a body over the limit, declared or streamed without a length', async () => {
    const big = JSON.stringify({ ...telephone, path: 'a'.repeat(2000) });
    const declared = await request(`${base}/ack`, { headers: signedIn('dana.price'), body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatch(/is \d+ bytes; at most 1024 are accepted/);
    const streamed = await request(`${base}/ack`, { headers: signedIn('dana.price'), body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error).toMatch(/longer than 1024 bytes/);
  });

  it('answers 405 with Allow to another method, and 404 to another path', async () => {
    const get = await request(`${base}/ack`, { method: 'GET', headers: signedIn('dana.price') });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.body.error).toMatch(/takes POST, not GET/);
    const other = await request(`${base}/acks`, { headers: signedIn('dana.price'), body: '{}' });
    expect(other.status).toBe(404);
    expect(other.body.error).toMatch(/nothing at \/charter-api\/acks; this endpoint takes POST \/charter-api\/ack/);
  });

  it('answers 400 to a request that is not HTTP', async () => {
    const port = new URL(base).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('HELLO THERE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
  });

  it('answers 429 with Retry-After past the rate, per reader, until time has passed', async () => {
    let reply;
    let allowed = 0;
    do {
      reply = await ack('eve.rapid', telephone);
      if (reply.status !== 429) allowed++;
    } while (reply.status !== 429 && allowed < 100);
    expect(allowed).toBe(30);
    expect(reply.body.error).toMatch(/too many requests: at most 30 a minute; try again in 2 s/);
    expect(reply.headers['retry-after']).toBe('2');
    // Another reader is not held up by this one.
    expect((await ack('frank.calm', telephone)).status).toBe(201);
    clock += 2000;
    expect((await ack('eve.rapid', telephone)).status).toBe(200);
  });
});

describe('a write that cannot be committed', () => {
  it('is answered 503, not 2xx, and nothing of it is kept', async () => {
    store.db.exec('PRAGMA query_only = ON');
    let reply;
    try {
      reply = await ack('gita.noor', telephone);
    } finally {
      store.db.exec('PRAGMA query_only = OFF');
    }
    expect(reply.status).toBe(503);
    expect(reply.body.error).toMatch(/could not be stored; try again/);
    expect(store.acks().filter((row) => row.reader === 'gita.noor')).toEqual([]);
    expect((await ack('gita.noor', telephone)).status).toBe(201);
  });
});

describe('rate limiter', () => {
  it('refills at the rate, forgets full buckets', () => {
    const limiter = new RateLimiter(60);
    expect(limiter.take('a', 0).allowed).toBe(true);
    for (let i = 1; i < 60; i++) limiter.take('a', 0);
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 1000).allowed).toBe(true);
    limiter.prune(1000);
    expect(limiter.size).toBe(1);
    limiter.prune(61_000);
    expect(limiter.size).toBe(0);
  });
});

describe('the database file', () => {
  it('refuses a missing file when not asked to create one', async () => {
    await expect(AckStore.open(path.join(folder.dir, 'missing.sqlite'), { create: false })).rejects.toThrow(
      /there is no acknowledgements database at .*missing\.sqlite\. Pass --db/,
    );
  });

  it('refuses a file that is not SQLite', async () => {
    const file = path.join(folder.dir, 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(40));
    const error = await AckStore.open(file, { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AckStoreRefused);
    expect((error as Error).message).toMatch(/cannot be used as an acknowledgements database: file is not a database/);
    expect(readFileSync(file, 'utf8')).toMatch(/^these are my notes/);
  });

  it("refuses another program's SQLite database and a newer schema version, saying what to do", async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const other = path.join(folder.dir, 'other.sqlite');
    const db = new DatabaseSync(other);
    db.exec('CREATE TABLE things (id INTEGER)');
    db.close();
    await expect(AckStore.open(other, { create: true })).rejects.toThrow(
      /is an SQLite database of another program \(application_id 0\).*Pass --db with another file name/,
    );

    const newer = path.join(folder.dir, 'newer.sqlite');
    (await AckStore.open(newer, { create: true })).close();
    const raw = new DatabaseSync(newer);
    raw.exec(`PRAGMA user_version = ${ACK_SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(AckStore.open(newer, { create: false })).rejects.toThrow(
      /has schema version 2, written by a newer Charter; this one reads version 1\. Upgrade charter-handbook/,
    );
  });

  it('uses a write-ahead log with full sync', () => {
    expect(store.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(store.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
  });
});

describe('charter ack-server on the command line', () => {
  const fails = (argv: string[]) => {
    try {
      parseAckServerArgs(argv, folder.dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CommandFailed);
      return (error as CommandFailed).message;
    }
    throw new Error(`${argv.join(' ')} was accepted`);
  };

  it('has defaults: loopback, the file next to the handbook, the proxy headers', () => {
    expect(parseAckServerArgs([], folder.dir)).toEqual({
      db: path.join(folder.dir, 'charter-acks.sqlite'),
      port: 4319,
      host: '127.0.0.1',
      prefix: '/charter-api',
      readerHeader: 'x-forwarded-user',
      teamHeader: 'x-forwarded-groups',
      bodyLimit: 8192,
      rate: 60,
    });
  });

  it('refuses bad flags with what is allowed', () => {
    expect(fails(['--port', 'http'])).toMatch(/^--port must be a whole number from 0 to 65535, not "http"/);
    expect(fails(['--port', '70000'])).toMatch(/^--port must be a whole number from 0 to 65535/);
    expect(fails(['--rate', '0'])).toMatch(/^--rate must be a whole number from 1/);
    expect(fails(['--body-limit', '12kb'])).toMatch(/^--body-limit must be a whole number from 256 to 1048576, not "12kb"/);
    expect(fails(['--reader-header', 'X User'])).toMatch(/^--reader-header must be a header name such as x-forwarded-user/);
    expect(fails(['--reader-header', 'X-Team', '--team-header', 'x-team'])).toMatch(/both x-team: the reader and the team come from different headers/);
    expect(fails(['--prefix', 'charter-api/'])).toMatch(/^--prefix must be a path such as \/charter-api/);
    expect(fails(['--host', ' '])).toMatch(/^--host needs an address/);
    expect(fails(['--colour'])).toMatch(/Unknown option '--colour'/);
    expect(fails(['serve'])).toMatch(/Unexpected argument 'serve'/);
  });

  const cli = (args: string[]) => spawnSync(node24, [charterMain, 'ack-server', ...args], { cwd: folder.dir, encoding: 'utf8' });

  it('exports every confirmation as CSV, guarding cells a spreadsheet would run', async () => {
    store.addAck({ reader: '=HYPERLINK("x")', team: 'counter, east', chapter: 'procedures/counter', edition: '2026.1', hash });
    const out = path.join(folder.dir, 'acks.csv');
    const result = cli(['--db', dbFile, '--export', out]);
    expect(result.stderr).toMatch(/wrote \d+ confirmation\(s\) to .*acks\.csv/);
    expect(result.status).toBe(0);
    const parsed = parseCsv(readFileSync(out, 'utf8'));
    if (!('rows' in parsed)) throw new Error(parsed.error);
    expect(parsed.rows[0]!.fields).toEqual(['reader', 'team', 'chapter', 'edition', 'hash', 'path', 'confirmed_at']);
    expect(parsed.rows.slice(1).map((row) => row.fields[0])).toEqual(store.acks().map((row) => (row.reader.startsWith('=') ? `'${row.reader}` : row.reader)));
    expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""x"")","counter, east",procedures/counter`);
  });

  it('refuses to export a database that does not exist, and does not create it', () => {
    const result = cli(['--db', 'nowhere.sqlite', '--export', '-']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^charter ack-server: there is no acknowledgements database at .*nowhere\.sqlite\. Pass --db/);
    expect(existsSync(path.join(folder.dir, 'nowhere.sqlite'))).toBe(false);
  });

  it('says so when the port is taken', () => {
    const port = new URL(base).port;
    const result = cli(['--db', path.join(folder.dir, 'second.sqlite'), '--port', port]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use .*pass --port with a free one`));
  });
});

describe('CSV', () => {
  it('reads back what it writes: quotes, doubled quotes, line breaks', () => {
    const rows = [
      ['a,b', 'say "hi"', 'two\nlines'],
      ['', 'plain', '-1'],
    ];
    const parsed = parseCsv(toCsv(['x', 'y', 'z'], rows));
    expect('rows' in parsed && parsed.rows.map((row) => row.fields)).toEqual([['x', 'y', 'z'], rows[0], ['', 'plain', "'-1"]]);
    expect(parseCsv('a,"b\nc')).toEqual({ error: 'a quoted field is not closed', line: 1 });
  });
});
