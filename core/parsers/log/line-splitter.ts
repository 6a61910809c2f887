/** Lines longer than this are cut: a 10 MB line must cost neither memory nor time. */
export const MAX_LINE_LENGTH = 64 * 1024;

export type LineHandler = (text: string, truncated: boolean) => void;

/**
 * Splits byte chunks into lines (LF or CRLF) synchronously, chunk by chunk, holding at most one partial
 * line. Bytes are decoded as Latin-1: linuxptp output is ASCII, Latin-1 never fails on binary garbage,
 * and it is the fastest decoder, which matters at hundreds of MB/s.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private truncated = false;

  push(chunk: Uint8Array, onLine: LineHandler): void {
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let newline = buffer.indexOf(10); newline >= 0; newline = buffer.indexOf(10, start)) {
      if (this.pendingLength === 0 && !this.truncated) {
        onLine(decode(buffer, start, newline), newline - start > MAX_LINE_LENGTH);
      } else {
        this.keep(buffer, start, newline);
        this.emitPending(onLine);
      }
      start = newline + 1;
    }
    if (start < buffer.length) this.keep(buffer, start, buffer.length, true);
  }

  end(onLine: LineHandler): void {
    if (this.pendingLength > 0 || this.truncated) this.emitPending(onLine);
  }

  private emitPending(onLine: LineHandler): void {
    const joined = Buffer.concat(this.pending, this.pendingLength);
    onLine(decode(joined, 0, joined.length), this.truncated);
    this.pending = [];
    this.pendingLength = 0;
    this.truncated = false;
  }

  private keep(buffer: Buffer, start: number, end: number, copy = false): void {
    const room = MAX_LINE_LENGTH - this.pendingLength;
    if (end - start > room) this.truncated = true;
    const stop = Math.min(end, start + room);
    if (stop <= start) return;
    // The tail of a chunk is copied: the stream may reuse the chunk's memory.
    const part = copy ? Buffer.from(buffer.subarray(start, stop)) : buffer.subarray(start, stop);
    this.pending.push(part);
    this.pendingLength += part.length;
  }
}

/** Splits a whole stream; for callers that want a simple async loop rather than the callback. */
export async function forEachLine(chunks: AsyncIterable<Uint8Array>, onLine: LineHandler): Promise<void> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) splitter.push(chunk, onLine);
  splitter.end(onLine);
}

function decode(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === 13 ? end - 1 : end;
  return buffer.toString('latin1', start, Math.min(stop, start + MAX_LINE_LENGTH));
}
