/**
 * The `charter` command: one entry point for everything an editor runs from a terminal or CI.
 * bin/charter.js checks the Node version, then calls `main`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { cacheFileFor } from '../lint/cache-file.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { CommandFailed } from './command.ts';
import { ContentRefused } from '../gate/problem.ts';

const LSP_USAGE = `Usage: charter lsp --stdio

  Runs the checker as a language server (LSP) over standard input and output, for editors:
  diagnostics as you type in .md and .mdx chapters (the messages charter lint gives), quick fixes
  for messages with a replacement, glossary definitions on hover, and completion of frontmatter
  values, components and props from the handbook's vocabulary. editors/vscode has an extension
  that starts it.`;

interface Subcommand {
  summary: string;
  usage: () => Promise<string>;
  run: (argv: readonly string[]) => Promise<number>;
}

// Each subcommand's module loads only when it runs, so `charter --help` starts at once.
const SUBCOMMANDS: Record<string, Subcommand> = {
  lint: {
    summary: 'check chapters against the house style and the safety rules',
    usage: async () => (await import('../lint/cli.ts')).USAGE,
    run: async (argv) => {
      // The gate's parser process loads for as long as the checker does: it starts first, so the
      // two load side by side and the first chapter does not wait for it.
      (await import('../gate/isolated.ts')).startParserProcess();
      // A check of every chapter without the cache (or with an empty one, as on a fresh clone)
      // will want a thread per core: started now, they load the checker while this thread does (a
      // run that needs fewer ends them).
      if (checksEverything(argv)) {
        const { prestartWorkers } = await import('../lint/parallel.ts');
        prestartWorkers(availableParallelism() - 1);
      }
      const { runCli } = await import('../lint/cli.ts');
      return runCli(argv, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        env: process.env,
        cwd: process.cwd(),
      });
    },
  },
  new: {
    summary: 'create a chapter with valid frontmatter in the draft',
    usage: async () => (await import('./new.ts')).USAGE,
    run: async (argv) => (await import('./new.ts')).run(argv),
  },
  release: {
    summary: 'turn the draft into the new current edition',
    usage: async () => (await import('./release.ts')).USAGE,
    run: async (argv) => (await import('./release.ts')).run(argv),
  },
  import: {
    summary: 'turn a folder of Markdown pages into a content folder or a new edition',
    usage: async () => (await import('./import.ts')).USAGE,
    run: async (argv) => (await import('./import.ts')).run(argv),
  },
  lsp: {
    summary: 'run the checker as a language server for editors (--stdio)',
    usage: async () => LSP_USAGE,
    run: async (argv) => {
      if (!argv.includes('--stdio') || argv.some((arg) => arg !== '--stdio')) {
        process.stderr.write(
          `charter lsp: ${argv.includes('--stdio') ? `unknown arguments: ${argv.filter((a) => a !== '--stdio').join(' ')}` : 'the language server talks over standard input and output: run charter lsp --stdio'}\n\n${LSP_USAGE}\n`,
        );
        return 2;
      }
      (await import('../lsp/server.ts')).startServer();
      // The server answers until the editor closes its end of the connection.
      return new Promise<number>((resolve) => process.stdin.once('end', () => resolve(0)));
    },
  },
  carry: {
    summary: 'carry a correction made to the current edition into the draft',
    usage: async () => (await import('./carry.ts')).USAGE,
    run: async (argv) => (await import('./carry.ts')).run(argv),
  },
  pdf: {
    summary: 'print editions of the built site as PDFs (the whole edition and each section)',
    usage: async () => (await import('./pdf.ts')).USAGE,
    run: async (argv) => (await import('./pdf.ts')).run(argv),
  },
  redline: {
    summary: "show a branch's changed chapters as word-level redlines on one page, with a summary for CI",
    usage: async () => (await import('./redline.ts')).USAGE,
    run: async (argv) => (await import('./redline.ts')).run(argv),
  },
  'ack-server': {
    summary: "record readers' confirmations and failed searches sent by the site (feedback.endpoint)",
    usage: async () => (await import('./ack-server.ts')).USAGE,
    run: async (argv) => (await import('./ack-server.ts')).run(argv),
  },
  'ack-report': {
    summary: "show per team and chapter who has confirmed the current edition's material changes",
    usage: async () => (await import('./ack-report.ts')).USAGE,
    run: async (argv) => (await import('./ack-report.ts')).run(argv),
  },
  'search-gaps': {
    summary: 'turn searches that found nothing into candidate search phrases and search-eval cases',
    usage: async () => (await import('./search-gaps.ts')).USAGE,
    run: async (argv) => (await import('./search-gaps.ts')).run(argv),
  },
};

/**
 * `charter lint --no-cache` over folders (all of them by default), not over chapter files, nor with
 * --changed or --fix (which check few chapters), nor on one thread.
 */
function checksEverything(argv: readonly string[]): boolean {
  const one = argv.findIndex((arg) => arg === '--threads' || arg.startsWith('--threads='));
  const threads = one < 0 ? undefined : argv[one]!.includes('=') ? argv[one]!.split('=')[1] : argv[one + 1];
  const few = argv.some((arg) => arg === '--fix' || arg.startsWith('--changed') || arg === '--help' || arg === '-h' || /\.mdx?$/i.test(arg));
  return !few && threads !== '1' && (argv.includes('--no-cache') || !cacheFileExists());
}

/** Whether the result cache a `charter lint` here would read is there; true when that cannot be told. */
function cacheFileExists(): boolean {
  const setting = process.env['CHARTER_LINT_CACHE']?.trim() || true;
  const root = process.cwd();
  try {
    return existsSync(cacheFileFor(root, resolveContentDir(process.env, root), setting));
  } catch {
    // No content folder: the run will say so, with no thread to start.
    return true;
  }
}

function overview(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['Usage: charter <command> [options]', '', 'Commands:', ...lines, '', 'Run charter <command> --help for its options.'].join('\n');
}

const wantsHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h');

/** Runs `charter …` and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = SUBCOMMANDS[name];
  if (!command) {
    process.stderr.write(`charter: there is no command "${name}".\n\n${overview()}\n`);
    return 2;
  }
  if (wantsHelp(rest) && name !== 'lint') {
    process.stdout.write(`${await command.usage()}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CommandFailed) {
      process.stderr.write(`${error.command}: ${error.message}\n`);
      return error.code;
    }
    process.stderr.write(`charter ${name}: ${error instanceof ContentRefused ? error.message : (error as Error).stack || String(error)}\n`);
    return 2;
  }
}
