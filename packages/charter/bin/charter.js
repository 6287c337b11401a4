#!/usr/bin/env node
// The `charter` command. Plain JavaScript that any Node can parse, so that on a Node older than
// the engine needs it says how to fix that instead of failing with a syntax or import error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `charter: this is Node ${process.versions.node}; Charter needs Node 22.12 or newer.\n` +
      '  Either install a newer Node (https://nodejs.org), or add the "node" package to the handbook:\n' +
      '    npm install --save-dev node@24\n' +
      '  and run Charter through npm scripts (npm run lint:content), which then use that Node.\n',
  );
  process.exit(2);
}
await import('../dist/cli/main.js');
