import { isUtf8 } from 'node:buffer';
import { describeEncoding, SNIFF_BYTES, sniffTextEncoding } from '../io/text-encoding.js';
import type { LogText } from '../model/log-analysis.js';
import { MAX_LINE_LENGTH } from '../parsers/log/line-splitter.js';

/**
 * What a log's bytes are, checked as they stream by: the encoding sniffed from its first bytes (a log in
 * UTF-16 or UTF-32 cannot be read line by line: the analyzer then reads nothing of it; NUL bytes mark it
 * binary, and its lines are read as text anyway, mostly unparsed), and the lines
 * holding bytes that are not UTF-8 (a few in an otherwise good log are read with U+FFFD and counted).
 * Checking a block takes one isUtf8 call (SIMD in Node); lines are looked at only in a block that fails.
 */
export class LogTextCheck {
  encoding: LogText['encoding'] = 'utf-8';
  private sniffed: boolean;
  private invalidLines = 0;
  private firstInvalidLine: number | null = null;

  /** `startOfLog` false: the bytes start inside a log (a share of it), whose encoding its start tells. */
  constructor(startOfLog = true) {
    this.sniffed = !startOfLog;
  }

  /** False once the log turned out to be UTF-16 or UTF-32: nothing of it is analyzed. */
  get readable(): boolean {
    return this.encoding === 'utf-8' || this.encoding === 'binary';
  }

  /**
   * Checks a block of whole lines whose first line is number `firstLine`; returns where its text starts
   * (after a UTF-8 byte order mark at the start of the log).
   */
  block(bytes: Buffer, start: number, end: number, firstLine: number): number {
    if (!this.sniffed) {
      this.sniffed = true;
      this.encoding = sniffTextEncoding(bytes.subarray(start, Math.min(end, start + SNIFF_BYTES)));
      if (!this.readable) return end;
      if (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    }
    if (!isUtf8(bytes.subarray(start, end))) this.countInvalidLines(bytes, start, end, firstLine);
    return start;
  }

  /** A line too long for a block, already decoded (the cut may have split a character: not counted). */
  line(text: string): void {
    if (this.sniffed) return;
    this.sniffed = true;
    this.encoding = sniffTextEncoding(Buffer.from(text.slice(0, SNIFF_BYTES), 'utf8'));
  }

  result(): LogText {
    return {
      encoding: this.encoding,
      invalidUtf8Lines: this.invalidLines,
      firstInvalidUtf8Line: this.firstInvalidLine,
    };
  }

  private countInvalidLines(bytes: Buffer, start: number, end: number, firstLine: number): void {
    let line = firstLine;
    for (let pos = start; pos < end; line++) {
      let newline = bytes.indexOf(10, pos);
      if (newline < 0 || newline >= end) newline = end;
      // Only the part of a line that is read (a longer line is cut: a character cut in two is no error).
      if (!isUtf8(bytes.subarray(pos, Math.min(newline, pos + MAX_LINE_LENGTH)))) {
        this.invalidLines++;
        this.firstInvalidLine ??= line;
      }
      pos = newline + 1;
    }
  }
}

/** What is wrong with a log's encoding (a sentence after its name); undefined for UTF-8. */
export function logEncodingProblem(text: LogText): string | undefined {
  const problem = describeEncoding(text.encoding);
  if (!problem) return undefined;
  return text.encoding === 'binary' ? `${problem}: read as text anyway` : `${problem}; not analyzed`;
}
