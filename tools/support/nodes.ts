/**
 * The Node binaries on this machine. The system Node of the development machines and CI is 20,
 * older than the engine needs; `npm run` puts the `node` package's Node 24 first on PATH. Tests use
 * the old one to show what an adopter on an old Node sees.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Every `node` on PATH, then the usual system places, without duplicates. */
export function machineNodes(): string[] {
  const onPath = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return [...new Set([...onPath, '/usr/local/bin/node', '/usr/bin/node'])].filter((file) => existsSync(file));
}

/** `20.20.2` for a Node 20.20.2 binary. */
export function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
}

/** The first Node on the machine older than `major.minor`, or undefined. */
export function nodeOlderThan(major: number, minor: number): string | undefined {
  return machineNodes().find((node) => {
    const [a = 0, b = 0] = nodeVersion(node).split('.').map(Number);
    return a < major || (a === major && b < minor);
  });
}
