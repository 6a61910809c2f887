/** Lines longer than this are cut: a 10 MB line must cost neither memory nor time. */
export const MAX_LINE_LENGTH = 64 * 1024;

/**
 * The chunk size to read log files with: large enough for throughput, small enough that the buffers in
 * flight stay a few MB (peak RSS is measured in bench/logs).
 */
export const READ_CHUNK_BYTES = 256 * 1024;

export interface LineSink {
  /** Complete lines: bytes[start..end) ends with a newline (LF; a CR before it is the sink's to drop). */
  block(bytes: Buffer, start: number, end: number): void;
  /** One line that was too long: only its first MAX_LINE_LENGTH bytes, decoded. */
  line(text: string, truncated: boolean): void;
}

/**
 * Splits byte chunks into lines, handing over each chunk's complete lines as a byte range: the analyzer
 * reads the common lines in place and decodes only the others, which is what lets it reach hundreds of
 * MB/s. Holds at most one partial line, cut at MAX_LINE_LENGTH.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  private carryLength = 0;
  /** The pending line overflowed: its rest is skipped up to the next newline. */
  private overflowing = false;

  push(chunk: Uint8Array, sink: LineSink): void {
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const firstNewline = buffer.indexOf(10);
    if (firstNewline < 0) {
      this.keep(buffer, 0, buffer.length);
      return;
    }
    let start = 0;
    if (this.carryLength > 0 || this.overflowing) {
      this.keep(buffer, 0, firstNewline + 1);
      this.flushCarry(sink);
      start = firstNewline + 1;
    }
    const lastNewline = buffer.lastIndexOf(10);
    if (lastNewline >= start) sink.block(buffer, start, lastNewline + 1);
    if (lastNewline + 1 < buffer.length) this.keep(buffer, lastNewline + 1, buffer.length);
  }

  end(sink: LineSink): void {
    if (this.carryLength > 0 || this.overflowing) {
      this.keep(Buffer.from('\n'), 0, 1);
      this.flushCarry(sink);
    }
  }

  private flushCarry(sink: LineSink): void {
    const joined = Buffer.concat(this.carry, this.carryLength);
    if (this.overflowing)
      sink.line(decodeLine(joined, 0, joined.length - (joined.at(-1) === 10 ? 1 : 0)), true);
    else sink.block(joined, 0, joined.length);
    this.carry = [];
    this.carryLength = 0;
    this.overflowing = false;
  }

  private keep(buffer: Buffer, start: number, end: number): void {
    const room = MAX_LINE_LENGTH + 1 - this.carryLength;
    if (end - start > room) this.overflowing = true;
    const stop = Math.min(end, start + room);
    if (stop <= start) return;
    // Copied: the stream may reuse the chunk's memory.
    this.carry.push(Buffer.from(buffer.subarray(start, stop)));
    this.carryLength += stop - start;
  }
}

/** Runs a whole byte stream through a LineSplitter into a sink. */
export async function splitStream(chunks: AsyncIterable<Uint8Array>, sink: LineSink): Promise<void> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) splitter.push(chunk, sink);
  splitter.end(sink);
}

/** Calls `onLine` with each line's byte range in a block (CR dropped). */
export function forEachLineOfBlock(
  bytes: Buffer,
  start: number,
  end: number,
  onLine: (start: number, end: number) => void,
): void {
  let pos = start;
  while (pos < end) {
    let newline = bytes.indexOf(10, pos);
    if (newline < 0 || newline >= end) newline = end;
    const lineEnd = newline > pos && bytes[newline - 1] === 13 ? newline - 1 : newline;
    onLine(pos, lineEnd);
    pos = newline + 1;
  }
}

/**
 * One line's text, decoded on its own (UTF-8; binary garbage becomes U+FFFD), at most MAX_LINE_LENGTH
 * bytes. A fresh string: nothing kept from it pins the chunk it came from.
 */
export function decodeLine(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, Math.min(end, start + MAX_LINE_LENGTH));
}

/** Feeds text already in memory to a sink, as a stream of its UTF-8 bytes would. */
export function feedText(sink: LineSink, text: string): void {
  const splitter = new LineSplitter();
  splitter.push(Buffer.from(text, 'utf8'), sink);
  splitter.end(sink);
}
