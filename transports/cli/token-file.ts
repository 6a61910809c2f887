import { FileReadError } from '../../core/io/regular-file.js';
import { readUtf8FileSync } from '../../core/io/text-encoding.js';
import { CliError } from './cli-error.js';

/** A bearer token is one line: a service account's JWT is about 1 KB, so 64 KB is room to spare. */
const MAX_TOKEN_BYTES = 64 * 1024;

/**
 * The bearer token of `--token-file` or `--prometheus-token-file`: a regular UTF-8 file, trimmed, not
 * empty. A FIFO, a device or a missing file is a usage error naming the option and the file, never the
 * token.
 */
export function readTokenFile(file: string, option: string): string {
  let token: string;
  try {
    token = readUtf8FileSync(file, MAX_TOKEN_BYTES, 'a token file').trim();
  } catch (error) {
    if (error instanceof FileReadError) throw new CliError(`--${option} ${error.message}`);
    throw error;
  }
  if (token === '') throw new CliError(`--${option} ${file}: the file is empty`);
  return token;
}
