/** Runs `charter` with the process's arguments; bin/charter.js loads this once Node is new enough. */
import module from 'node:module';

// Node keeps the modules it compiled (and, for TypeScript sources, stripped of types) on disk for
// the next run: a check of a few chapters is mostly start-up, and loading the checker's 700 modules
// from scratch costs about a second. Set in the environment, so that the checker's worker threads
// and the compiler's child process use it too. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const cache = module.enableCompileCache?.();
if (cache?.directory && !process.env['NODE_COMPILE_CACHE']) process.env['NODE_COMPILE_CACHE'] = cache.directory;

const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
