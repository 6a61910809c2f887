import { closeSync, openSync, readSync } from 'node:fs';
import { type LineSink, LineSplitter } from '../parsers/log/line-splitter.js';

/** One read of a log file: large enough for throughput, one buffer reused for the whole file. */
const FILE_READ_BYTES = 1024 * 1024;

/**
 * Feeds the bytes [start, end) of a file to a sink as lines, read synchronously into one reused buffer:
 * no stream, no buffer allocated per chunk, no wait between reads (the sink reads each block at once, and
 * the splitter copies the partial line it keeps).
 */
export function feedFile(path: string, sink: LineSink, start = 0, end = Number.POSITIVE_INFINITY): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(FILE_READ_BYTES);
    const splitter = new LineSplitter();
    for (let position = start; position < end; ) {
      const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
      if (bytesRead === 0) break;
      splitter.push(buffer.subarray(0, bytesRead), sink);
      position += bytesRead;
    }
    splitter.end(sink);
  } finally {
    closeSync(fd);
  }
}
