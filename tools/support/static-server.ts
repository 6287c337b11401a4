/** Serves a built site folder under a base path on a free local port; what hosting does, minus the network. */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Headers from the build's `_headers` file (every line under the site-wide `<base>*` rule). */
function readHeadersFile(dir: string): [string, string][] {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('  ') && line.includes(': '))
    .map((line) => {
      const [name, ...value] = line.trim().split(': ');
      return [name!, value.join(': ')];
    });
}

export function createSiteHandler(dir: string, base: string): http.RequestListener {
  const headers = readHeadersFile(dir);
  const files = sirv(dir, {
    dev: false,
    etag: true,
    dotfiles: false,
    // Serve the security headers the build wrote, as a production server would.
    setHeaders: (res) => {
      for (const [name, value] of headers) res.setHeader(name, value);
    },
  });
  const notFound = path.join(dir, '404.html');
  return (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not under ${base}`);
      return;
    }
    req.url = '/' + url.slice(base.length);
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  };
}

export function serveSite(dir: string, base = '/', port = 0): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = http.createServer(createSiteHandler(dir, base)).listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
