/**
 * Builds the sites the browser tests need, one build at a time, then serves them as static files
 * (what production hosting does). Playwright starts this as its web server.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serveSite } from '../../../../../tools/support/static-server.ts';
import { SITES } from './sites.ts';
import { astroBin } from '../../../../../tools/support/paths.ts';

const root = process.cwd();

function build(base: string, outDir: string): void {
  execFileSync(process.execPath, [astroBin, 'build', '--silent', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, HANDBOOK_BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

const skipBuild = process.env.CHARTER_TEST_SKIP_BUILD === '1';
for (const site of Object.values(SITES)) {
  if (!skipBuild) build(site.base, site.outDir);
  await serveSite(path.resolve(root, site.outDir), site.base, site.port);
}
console.log(
  'Test sites ready:',
  Object.values(SITES)
    .map((s) => `http://127.0.0.1:${s.port}${s.base}`)
    .join(' '),
);
