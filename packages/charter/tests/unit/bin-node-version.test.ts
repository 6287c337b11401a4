/**
 * bin/charter.js on a Node older than the engine needs (the machine's system Node is 20): it must
 * say how to fix that and leave with exit 2, not fail with a syntax error or a stack trace.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineNodes, nodeOlderThan, nodeVersion } from '../../../../tools/support/nodes.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/charter.js');
const olderNode = nodeOlderThan(22, 12);

describe('bin/charter.js on an old Node', () => {
  it("finds the machine's old Node (the development machines and CI have Node 20 as the system Node)", () => {
    expect(olderNode, `no Node older than 22.12 among ${machineNodes().join(', ')}`).toBeDefined();
  });

  for (const args of [['lint'], ['--help'], ['release', '2027.1']]) {
    it(`charter ${args.join(' ')}: says how to fix the Node version, exit 2, no stack trace`, () => {
      const result = spawnSync(olderNode!, [bin, ...args], { encoding: 'utf8', cwd: import.meta.dirname });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`this is Node ${nodeVersion(olderNode!)}`);
      expect(result.stderr).toContain('Charter needs Node 22.12 or newer');
      expect(result.stderr).toContain('npm install --save-dev node@24');
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toMatch(/Error|node:internal/);
    });
  }
});
