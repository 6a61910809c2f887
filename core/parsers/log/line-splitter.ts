/** Lines longer than this are cut: a 10 MB line must cost neither memory nor time. */
export const MAX_LINE_LENGTH = 64 * 1024;

export interface SplitLine {
  text: string;
  /** The line was longer than MAX_LINE_LENGTH and only its start is kept. */
  truncated: boolean;
}

/**
 * Splits a stream of byte chunks into lines (LF or CRLF), without holding more than one chunk and one
 * partial line. Bytes are decoded as Latin-1: linuxptp output is ASCII, Latin-1 never fails on binary
 * garbage, and it is the fastest decoder, which matters at hundreds of MB/s.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SplitLine> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let truncated = false;
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(10, start);
      if (newline < 0) break;
      if (pendingLength === 0) {
        yield { text: decode(buffer, start, newline), truncated: newline - start > MAX_LINE_LENGTH };
      } else {
        keep(buffer.subarray(start, newline));
        const joined = Buffer.concat(pending, pendingLength);
        yield { text: decode(joined, 0, joined.length), truncated };
        pending = [];
        pendingLength = 0;
        truncated = false;
      }
      start = newline + 1;
    }
    if (start < buffer.length) keep(Buffer.from(buffer.subarray(start)));
  }
  if (pendingLength > 0 || truncated) {
    const joined = Buffer.concat(pending, pendingLength);
    yield { text: decode(joined, 0, joined.length), truncated };
  }

  function keep(part: Buffer): void {
    const room = MAX_LINE_LENGTH - pendingLength;
    if (part.length > room) truncated = true;
    const kept = part.length > room ? part.subarray(0, room) : part;
    if (kept.length > 0) {
      pending.push(kept);
      pendingLength += kept.length;
    }
  }
}

function decode(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === 13 ? end - 1 : end;
  return buffer.toString('latin1', start, Math.min(stop, start + MAX_LINE_LENGTH));
}
