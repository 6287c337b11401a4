/** Runs `charter` with the process's arguments; bin/charter.js loads this once Node is new enough. */
import { main } from './index.ts';

process.exitCode = await main(process.argv.slice(2));
