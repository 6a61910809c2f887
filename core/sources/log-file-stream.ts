import { closeSync, createReadStream } from 'node:fs';
import { openRegularFileSync } from '../io/regular-file.js';
import { refuseOtherFileEncoding } from '../io/text-encoding.js';
import { READ_CHUNK_BYTES } from '../parsers/log/line-splitter.js';
import type { TextStream } from './raw-cluster.js';
import { SourceError } from './source-error.js';

/**
 * A log file to stream (no cap: logs of gigabytes are normal), opened as a regular file only. Its start is
 * read now so that a log in another encoding is refused here, by name, rather than parsed as noise.
 * `renamed` turns a refusal into the error the caller reports (naming the file as its user knows it).
 */
export function logFileStream(
  full: string,
  name: string,
  renamed: (error: unknown) => unknown = (error) => error,
): TextStream {
  const open = () => {
    try {
      return openRegularFileSync(full).fd;
    } catch (error) {
      throw renamed(error);
    }
  };
  const fd = open();
  try {
    refuseOtherFileEncoding(fd, name);
  } finally {
    closeSync(fd);
  }
  return {
    name,
    open: () => {
      try {
        return createReadStream('', { fd: open(), highWaterMark: READ_CHUNK_BYTES });
      } catch (error) {
        // Changed since it was listed: a source error the reader reports, not a crash.
        throw new SourceError((error as Error).message);
      }
    },
  };
}
