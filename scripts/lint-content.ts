/**
 * npm run lint:content -- [paths…] [--format pretty|json|github] [--fix] [--changed[=<git-ref>]]
 * The wording checker's command line; see src/lint/cli.ts and src/lint/README.md.
 */
import { runCli } from '../src/lint/cli.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
