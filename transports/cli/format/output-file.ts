import { writeFileSync } from 'node:fs';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';

/** A command's output: to `--out FILE` when given (a report for a ticket), else to stdout. */
export function writeOutput(io: CliIo, out: string | undefined, text: string): void {
  if (out === undefined) return void io.stdout(text);
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new CliError(
      `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
