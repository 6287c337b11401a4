/**
 * charter ack-server [--port 4319] [--host 127.0.0.1] [--db charter-acks.sqlite] ...
 * charter ack-server --export acks.csv
 *
 * Serves the acknowledgement endpoint (lib/acks/server.ts) on an SQLite file, or writes what the
 * file holds as CSV and stops.
 */
import path from 'node:path';
import { toCsv } from '../lib/acks/csv.ts';
import { createAckServer, listen } from '../lib/acks/server.ts';
import { AckStore, AckStoreRefused, DEFAULT_ACK_DB } from '../lib/acks/store.ts';
import { writeFilesAtomically } from '../lib/fs-transaction.ts';
import { CommandFailed, parseFlags } from './command.ts';

export const DEFAULTS = {
  port: 4319,
  host: '127.0.0.1',
  prefix: '/charter-api',
  readerHeader: 'x-forwarded-user',
  teamHeader: 'x-forwarded-groups',
  bodyLimit: 8192,
  rate: 60,
} as const;

export const USAGE = `Usage: charter ack-server [options]
       charter ack-server --export <file.csv | ->   [--db <file>]

  Records the confirmations readers give at the end of materially changed chapters, and the
  searches that found nothing, for a site whose config sets feedback.endpoint. Run it behind the
  organization's sign-in proxy, on the site's own origin (docs/acknowledgements.md shows an nginx
  location); the proxy names the reader in a header, never the page.

Options:
  --db <file>             the SQLite file (default: ${DEFAULT_ACK_DB} in this folder; created if missing)
  --port <n>              port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --host <address>        address to listen on (default ${DEFAULTS.host}: only this machine, i.e. the proxy)
  --prefix <path>         the path the site's feedback.endpoint names (default ${DEFAULTS.prefix})
  --reader-header <name>  header with the signed-in reader (default ${DEFAULTS.readerHeader})
  --team-header <name>    header whose first comma-separated value is the reader's team (default ${DEFAULTS.teamHeader})
  --body-limit <bytes>    largest request body accepted (default ${DEFAULTS.bodyLimit})
  --rate <n>              requests a minute per reader, in bursts of up to n (default ${DEFAULTS.rate})
  --export <file | ->     write every confirmation as CSV to the file (- for standard output) and stop`;

function fail(message: string, code = 2): never {
  throw new CommandFailed('charter ack-server', message, code);
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}, not "${value}".\n\n${USAGE}`);
  return n;
}

function headerName(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  // Header names are HTTP tokens; Node hands them over in lowercase.
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value)) fail(`--${name} must be a header name such as ${fallback}, not "${value}".\n\n${USAGE}`);
  return value.toLowerCase();
}

function prefix(value: string | undefined): string {
  if (value === undefined) return DEFAULTS.prefix;
  if (value === '/' || value === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(value))
    fail(
      `--prefix must be a path such as ${DEFAULTS.prefix} (a slash, then letters, digits, ".", "_", "~" or "-"; no slash at the end), not "${value}".\n\n${USAGE}`,
    );
  return value;
}

export interface AckServerSettings {
  db: string;
  port: number;
  host: string;
  prefix: string;
  readerHeader: string;
  teamHeader: string;
  bodyLimit: number;
  rate: number;
  export?: string;
}

/** The command line, checked: every bad flag is refused with what is allowed. */
export function parseAckServerArgs(argv: readonly string[], cwd: string = process.cwd()): AckServerSettings {
  const values = parseFlags(
    argv,
    {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      prefix: { type: 'string' },
      'reader-header': { type: 'string' },
      'team-header': { type: 'string' },
      'body-limit': { type: 'string' },
      rate: { type: 'string' },
      export: { type: 'string' },
    },
    USAGE,
    fail,
  );
  if (values.host !== undefined && !values.host.trim()) fail(`--host needs an address, such as 127.0.0.1.\n\n${USAGE}`);
  if (values.db !== undefined && !values.db.trim()) fail(`--db needs a file name, such as ${DEFAULT_ACK_DB}.\n\n${USAGE}`);
  if (values.export !== undefined && !values.export.trim()) fail(`--export needs a file name, or - for standard output.\n\n${USAGE}`);
  const readerHeader = headerName('reader-header', values['reader-header'], DEFAULTS.readerHeader);
  const teamHeader = headerName('team-header', values['team-header'], DEFAULTS.teamHeader);
  if (readerHeader === teamHeader) fail(`--reader-header and --team-header are both ${readerHeader}: the reader and the team come from different headers.`);
  return {
    db: path.resolve(cwd, values.db ?? DEFAULT_ACK_DB),
    port: integer('port', values.port, DEFAULTS.port, 0, 65535),
    host: values.host?.trim() ?? DEFAULTS.host,
    prefix: prefix(values.prefix),
    readerHeader,
    teamHeader,
    bodyLimit: integer('body-limit', values['body-limit'], DEFAULTS.bodyLimit, 256, 1_048_576),
    rate: integer('rate', values.rate, DEFAULTS.rate, 1, 1_000_000),
    ...(values.export !== undefined ? { export: values.export === '-' ? '-' : path.resolve(cwd, values.export) } : {}),
  };
}

export const ACK_CSV_HEADER = ['reader', 'team', 'chapter', 'edition', 'hash', 'path', 'confirmed_at'] as const;

async function openStore(file: string, create: boolean): Promise<AckStore> {
  try {
    return await AckStore.open(file, { create });
  } catch (error) {
    if (error instanceof AckStoreRefused) fail(error.message, 1);
    throw error;
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

export async function run(argv: readonly string[]): Promise<number> {
  const settings = parseAckServerArgs(argv);
  if (settings.export !== undefined) {
    const store = await openStore(settings.db, false);
    let csv: string;
    try {
      csv = toCsv(
        ACK_CSV_HEADER,
        store.acks().map((row) => ACK_CSV_HEADER.map((column) => row[column])),
      );
    } finally {
      store.close();
    }
    if (settings.export === '-') process.stdout.write(csv);
    else {
      writeFilesAtomically(new Map([[settings.export, csv]]));
      process.stderr.write(`charter ack-server: wrote ${csv.split('\r\n').length - 2} confirmation(s) to ${settings.export}\n`);
    }
    return 0;
  }

  const store = await openStore(settings.db, true);
  const server = createAckServer({
    store,
    prefix: settings.prefix,
    readerHeader: settings.readerHeader,
    teamHeader: settings.teamHeader,
    bodyLimit: settings.bodyLimit,
    ratePerMinute: settings.rate,
  });
  let address;
  try {
    address = await listen(server, settings.port, settings.host);
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${settings.port} on ${settings.host} is in use (another ack-server?): pass --port with a free one.`
        : `cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`,
      1,
    );
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  process.stdout.write(`charter ack-server: listening on http://${host}:${address.port}${settings.prefix} (database ${settings.db})\n`);
  if (!isLoopback(settings.host)) {
    process.stdout.write(
      `charter ack-server: --host ${settings.host} is reachable from other machines: only the sign-in proxy may reach it, since it trusts the ${settings.readerHeader} header\n`,
    );
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close(() => {
        store.close();
        resolve(0);
      });
      server.closeIdleConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
