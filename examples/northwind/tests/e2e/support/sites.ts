/**
 * The first of the two ports; CHARTER_E2E_PORT moves both, so that two checkouts on one machine can
 * run their browser tests without answering each other's.
 */
const firstPort = Number(process.env.CHARTER_E2E_PORT ?? 4410);

/** The built sites the browser tests run against, each on its own port. */
export const SITES = {
  /** The default handbook, served at the root. */
  root: { port: firstPort, base: '/', outDir: 'dist' },
  /** The same handbook built for a sub-path, as intranets often host it. */
  subPath: { port: firstPort + 1, base: '/handbook/', outDir: 'tests/.tmp/dist-handbook' },
} as const;

export const rootUrl = `http://127.0.0.1:${SITES.root.port}`;
export const subPathUrl = `http://127.0.0.1:${SITES.subPath.port}${SITES.subPath.base}`;
