#!/usr/bin/env node
// `npm create charter <folder>` / `npx create-charter <folder>`: writes a starter handbook.
import { run } from '../lib/create.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
