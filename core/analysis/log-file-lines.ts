import { readSync } from 'node:fs';
import { decodeLine, type LineSink, LineSplitter } from '../parsers/log/line-splitter.js';
import { parseLogLine } from '../parsers/log/parse-log-line.js';

/** One read of a log file: large enough for throughput, one buffer reused for the whole file. */
const FILE_READ_BYTES = 1024 * 1024;

/**
 * Feeds the bytes [start, end) of an open file (core/io/regular-file.ts openRegularFileSync) to a sink as
 * lines, read synchronously into one reused buffer: no stream, no buffer allocated per chunk, no wait
 * between reads (the sink reads each block at once, and the splitter copies the partial line it keeps).
 * Reads name their position, so threads may share the descriptor.
 */
export function feedFile(fd: number, sink: LineSink, start = 0, end = Number.POSITIVE_INFINITY): void {
  const buffer = Buffer.allocUnsafe(FILE_READ_BYTES);
  const splitter = new LineSplitter();
  for (let position = start; position < end; ) {
    const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
    if (bytesRead === 0) break;
    splitter.push(buffer.subarray(0, bytesRead), sink);
    position += bytesRead;
  }
  splitter.end(sink);
}

/**
 * Whether a share of a log may start with the line at bytes[start, end) (without its newline): a line with
 * a header of its own. A line without one continues the daemon message before it, which a share starting
 * there would not know of (log-file-analysis.ts and log-stream-analysis.ts cut shares before such lines).
 */
export function canStartShare(bytes: Buffer, start: number, end: number): boolean {
  const lineEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
  return parseLogLine(decodeLine(bytes, start, lineEnd), 1).record.kind !== 'unparsed';
}
