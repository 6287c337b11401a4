import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { readVocabulary, VocabularyRefused } from '../lib/vocabulary-file.ts';
import type { Vocabulary } from '../lib/vocabulary.ts';

/** A subcommand that stops with a message for the person at the terminal, and an exit code. */
export class CommandFailed extends Error {
  readonly command: string;
  readonly code: number;
  constructor(command: string, message: string, code = 1) {
    super(message);
    this.name = 'CommandFailed';
    this.command = command;
    this.code = code;
  }
}

/** The content folder's vocabulary for a command; a bad vocabulary.yaml stops it with every problem located. */
export function commandVocabulary(command: string, contentDir: string): Vocabulary {
  try {
    return readVocabulary(contentDir);
  } catch (error) {
    if (error instanceof VocabularyRefused) throw new CommandFailed(command, error.message);
    throw error;
  }
}

/**
 * A command's flags, read strictly (no positionals, no unknown flags): a flag it refuses stops the
 * command with Node's own reason and the command's usage, through the command's `fail`.
 */
export function parseFlags<const O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O, usage: string, fail: (message: string) => never) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`);
  }
}
