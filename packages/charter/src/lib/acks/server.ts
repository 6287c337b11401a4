/**
 * The acknowledgement endpoint (protocol in docs/acknowledgements.md): `POST <prefix>/ack` and
 * `POST <prefix>/search-gap`, behind the organization's sign-in proxy, which names the reader (and
 * their team) in headers. node:http without a framework: two routes do not need one.
 *
 * Writes are group-committed: the requests that arrive while one commit is on its way to the disk
 * are written together in the next transaction, and each is answered only after its transaction
 * has committed (WAL, synchronous = FULL). One fsync per batch instead of per request, and no
 * answer before the data is on disk.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ackRequest, parseRequestBody, searchGapRequest } from './requests.ts';
import { RateLimiter } from './rate-limit.ts';
import type { AckStore } from './store.ts';

export interface AckServerOptions {
  store: AckStore;
  /** Where the site's config points `feedback.endpoint`, e.g. `/charter-api`; '' for the root. */
  prefix: string;
  /** Header the sign-in proxy sets to the reader's name (lowercase). */
  readerHeader: string;
  /** Header with the reader's groups, the first of which is their team (lowercase). */
  teamHeader: string;
  /** Largest body accepted, in bytes. */
  bodyLimit: number;
  /** Requests a minute allowed per reader (and per address for requests without a reader). */
  ratePerMinute: number;
  /** The clock, for tests of the rate limit. */
  now?: () => number;
}

/** Longest reader or team name kept, in characters: a name, not a payload. */
const MAX_NAME_LENGTH = 256;

type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const fail = (status: number, error: string, headers?: Record<string, string>): Answer => ({ status, body: { error }, ...(headers ? { headers } : {}) });

/** Collects writes and commits them together once the current turn of the event loop is done. */
class GroupCommit {
  private pending: { write: () => boolean; settle: (result: boolean | Error) => void }[] = [];
  private scheduled = false;
  private readonly store: AckStore;
  constructor(store: AckStore) {
    this.store = store;
  }

  /** Resolves once the write is committed: true when it added a row. */
  write(write: () => boolean): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let results: boolean[];
    try {
      results = this.store.transaction(() => batch.map((item) => item.write()));
    } catch (error) {
      for (const item of batch) item.settle(error as Error);
      return;
    }
    batch.forEach((item, i) => item.settle(results[i]!));
  }
}

/** The first value of a header, trimmed; undefined when absent or empty. */
function headerValue(req: http.IncomingMessage, name: string): string | undefined {
  const raw = req.headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** The team: the first of the groups the proxy lists (comma-separated). */
export function teamFromGroups(groups: string | undefined): string | undefined {
  const first = groups
    ?.split(',')
    .map((group) => group.trim())
    .find(Boolean);
  return first ? first.slice(0, MAX_NAME_LENGTH) : undefined;
}

/** Reads the body up to `limit` bytes; undefined when it is longer (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

export function createAckServer(options: AckServerOptions): http.Server {
  const limiter = new RateLimiter(options.ratePerMinute);
  const commits = new GroupCommit(options.store);
  const now = options.now ?? Date.now;
  const routes = new Map<string, 'ack' | 'search-gap'>([
    [`${options.prefix}/ack`, 'ack'],
    [`${options.prefix}/search-gap`, 'search-gap'],
  ]);

  async function answer(req: http.IncomingMessage): Promise<Answer> {
    const pathname = new URL(req.url ?? '/', 'http://endpoint').pathname;
    const route = routes.get(pathname);
    if (!route) return fail(404, `there is nothing at ${pathname}; this endpoint takes POST ${options.prefix}/ack and POST ${options.prefix}/search-gap`);
    if (req.method !== 'POST') return fail(405, `${pathname} takes POST, not ${req.method}`, { Allow: 'POST' });

    const reader = headerValue(req, options.readerHeader);
    const rate = limiter.take(reader ? `reader:${reader}` : `address:${req.socket.remoteAddress ?? ''}`, now());
    if (!rate.allowed) {
      return fail(429, `too many requests: at most ${options.ratePerMinute} a minute; try again in ${rate.retryAfterSeconds} s`, {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    if (!reader) {
      return fail(401, `no reader: the sign-in proxy sets the ${options.readerHeader} header; sign in, or check that the proxy forwards it to this endpoint`);
    }
    if (reader.length > MAX_NAME_LENGTH) return fail(400, `the ${options.readerHeader} header is longer than ${MAX_NAME_LENGTH} characters`);
    // A page on another site cannot confirm in a signed-in reader's name: browsers say where a request came from.
    const site = headerValue(req, 'sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') return fail(403, `requests must come from the handbook's own pages (Sec-Fetch-Site is ${site})`);
    const type = headerValue(req, 'content-type')?.split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return fail(415, `the body must be sent as Content-Type: application/json${type ? `, not ${type}` : ''}`);

    const declared = Number(req.headers['content-length']);
    if (declared > options.bodyLimit) return fail(413, `the body is ${declared} bytes; at most ${options.bodyLimit} are accepted`);
    const text = await readBody(req, options.bodyLimit);
    if (text === undefined) return fail(413, `the body is longer than ${options.bodyLimit} bytes, the most accepted`);

    if (route === 'ack') {
      const parsed = parseRequestBody(ackRequest, text);
      if (!parsed.ok) return fail(400, parsed.error);
      const team = teamFromGroups(headerValue(req, options.teamHeader));
      const added = await commits.write(() => options.store.addAck({ ...parsed.value, reader, team }));
      return { status: added ? 201 : 200, body: { ok: true } };
    }
    const parsed = parseRequestBody(searchGapRequest, text);
    if (!parsed.ok) return fail(400, parsed.error);
    await commits.write(() => {
      options.store.addSearchGap(parsed.value);
      return true;
    });
    return { status: 201, body: { ok: true } };
  }

  const server = http.createServer((req, res) => {
    answer(req)
      .catch((error: unknown): Answer => {
        // A write that could not commit was not recorded: the browser may send it again.
        process.stderr.write(`charter ack-server: ${(error as Error).message}\n`);
        return fail(503, 'the confirmation could not be stored; try again');
      })
      .then(({ status, body, headers }) => {
        const payload = JSON.stringify(body);
        // A body left unread (refused before or while reading it) must not be taken for the next request.
        const unread = !req.readableEnded;
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          ...(unread ? { Connection: 'close' } : {}),
          ...headers,
        });
        res.end(payload);
        if (unread) req.resume();
      });
  });
  // Slow or idle clients do not hold sockets for long: the proxy keeps its own connections alive.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  const pruning = setInterval(() => limiter.prune(now()), 60_000);
  pruning.unref();
  server.on('close', () => clearInterval(pruning));
  return server;
}

/** Starts listening; resolves with the address actually bound (port 0 picks a free one). */
export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
