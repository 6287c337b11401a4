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
