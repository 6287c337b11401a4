/** The built sites the browser tests run against, each on its own port. */
export const SITES = {
  /** The default handbook, served at the root. */
  root: { port: 4410, base: '/', outDir: 'dist' },
  /** The same handbook built for a sub-path, as intranets often host it. */
  subPath: { port: 4411, base: '/handbook/', outDir: 'tests/.tmp/dist-handbook' },
} as const;

export const rootUrl = `http://127.0.0.1:${SITES.root.port}`;
export const subPathUrl = `http://127.0.0.1:${SITES.subPath.port}${SITES.subPath.base}`;
