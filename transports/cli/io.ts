import { createReadStream } from 'node:fs';
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

/** A file (or `-` for stdin) as a byte stream, with a clear error when it is missing or a directory. */
export async function openInput(path: string, io: CliIo): Promise<AsyncIterable<Uint8Array>> {
  if (path === '-') return io.stdin as AsyncIterable<Uint8Array>;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new CliError(`cannot read ${path}: it is a directory`);
  return createReadStream(path, { highWaterMark: 1 << 20 });
}
