/** A user mistake (bad option, unreadable file, invalid input): printed as one line, exit code 2, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
