import { stat } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** Output the CLI writes to; tests pass their own to capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTty: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  stderrIsTty: Boolean(process.stderr.isTTY),
};

/** A clear error, before any work, when an input file is missing or is a directory. */
export async function checkInputFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new CliError(`cannot read ${path}: it is a directory`);
}
