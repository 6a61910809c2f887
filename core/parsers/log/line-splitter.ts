/** Lines longer than this are cut: a 10 MB line must cost neither memory nor time. */
export const MAX_LINE_LENGTH = 64 * 1024;

/**
 * The chunk size to read log files with: large enough for throughput, small enough that the buffers and
 * strings in flight stay a few MB (peak RSS is measured in bench/logs).
 */
export const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Chunks are decoded in pieces of at most this size: Node makes strings above ~1 MB "external" (their
 * bytes outside the V8 heap), which the GC frees so late that memory grows with the input.
 */
const MAX_PIECE_BYTES = 512 * 1024;

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
    for (let start = 0; start < buffer.length; start += MAX_PIECE_BYTES) {
      this.pushPiece(buffer.subarray(start, start + MAX_PIECE_BYTES), sink);
    }
  }

  private pushPiece(buffer: Buffer, sink: LineSink): void {
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

/**
 * A copy of `text` that does not share memory with the string it was sliced from. V8 represents a
 * substring as a view that keeps its whole parent alive: a tag or an interface name kept from a line
 * sliced out of a 512 KB block would pin the block, and memory would grow with the input. The
 * concatenation is flattened into a new string the length of the line; its slice views only that.
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}
