/** Lines longer than this are cut: a 10 MB line must cost neither memory nor time. */
export const MAX_LINE_LENGTH = 64 * 1024;

export interface LineSink {
  /** Complete lines, newline-separated (CR kept; the sink drops it), decoded as one string. */
  block(text: string): void;
  /** One line that was too long: only its first MAX_LINE_LENGTH characters. */
  line(text: string, truncated: boolean): void;
}

/**
 * Splits byte chunks into lines, handing over each chunk's complete lines as one decoded block: decoding
 * once per chunk instead of once per line is what lets the analyzer reach hundreds of MB/s. Holds at most
 * one partial line, cut at MAX_LINE_LENGTH. Bytes are decoded as Latin-1: linuxptp output is ASCII,
 * Latin-1 never fails on binary garbage, and it is the fastest decoder.
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
      this.keep(buffer, 0, firstNewline);
      this.flushCarry(sink);
      start = firstNewline + 1;
    }
    const lastNewline = buffer.lastIndexOf(10);
    if (lastNewline >= start) sink.block(buffer.toString('latin1', start, lastNewline + 1));
    if (lastNewline + 1 < buffer.length) this.keep(buffer, lastNewline + 1, buffer.length);
  }

  end(sink: LineSink): void {
    if (this.carryLength > 0 || this.overflowing) this.flushCarry(sink);
  }

  private flushCarry(sink: LineSink): void {
    const text = Buffer.concat(this.carry, this.carryLength).toString('latin1');
    if (this.overflowing) sink.line(text, true);
    else sink.block(`${text}\n`);
    this.carry = [];
    this.carryLength = 0;
    this.overflowing = false;
  }

  private keep(buffer: Buffer, start: number, end: number): void {
    const room = MAX_LINE_LENGTH - this.carryLength;
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

/** Calls `onLine` for every line of a block (CR dropped, long lines cut), for sinks that want lines. */
export function forEachLineOfBlock(text: string, onLine: (start: number, end: number) => void): void {
  let start = 0;
  while (start < text.length) {
    let newline = text.indexOf('\n', start);
    if (newline < 0) newline = text.length;
    const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    onLine(start, end);
    start = newline + 1;
  }
}
