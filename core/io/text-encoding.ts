import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { FileReadError, readRegularFile, readRegularFileSync } from './regular-file.js';

/**
 * What a text file is encoded in, as far as its first bytes tell. linuxptp, the daemon and kubectl write
 * UTF-8 (ASCII in practice); the others arrive when a log is saved from Windows tools (PowerShell's `>`
 * writes UTF-16LE with a byte order mark) or a binary file is given by mistake.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'binary';

/** How much of a file's start tells its encoding. */
export const SNIFF_BYTES = 4096;

/** Reads the byte order mark, else the pattern of NUL bytes in the first 4 KB. */
export function sniffTextEncoding(bytes: Uint8Array): TextEncoding {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const sample = bytes.subarray(copytruncateGap(bytes)).subarray(0, SNIFF_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = sample.length / 2;
  // ASCII text in UTF-16 has a NUL in every other byte; a few NULs elsewhere make a binary file.
  if (pairs >= 2 && oddNuls > pairs * 0.9 && evenNuls < pairs * 0.1) return 'utf-16le';
  if (pairs >= 2 && evenNuls > pairs * 0.9 && oddNuls < pairs * 0.1) return 'utf-16be';
  if (evenNuls + oddNuls > 0) return 'binary';
  return 'utf-8';
}

/**
 * A log rotated by logrotate's copytruncate starts with the old size in NUL bytes (a sparse hole) when
 * its writer keeps its offset; a run that long is that gap, not UTF-16 or binary data, and is skipped.
 */
const COPYTRUNCATE_GAP_BYTES = 64;

function copytruncateGap(bytes: Uint8Array): number {
  let gap = 0;
  while (gap < bytes.length && bytes[gap] === 0) gap++;
  return gap >= COPYTRUNCATE_GAP_BYTES ? gap : 0;
}

const ENCODING_NAMES: Record<Exclude<TextEncoding, 'utf-8'>, string> = {
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'utf-32le': 'UTF-32 (little-endian)',
  'utf-32be': 'UTF-32 (big-endian)',
  binary: 'binary data (NUL bytes)',
};

/** A sentence naming an encoding other than UTF-8 and how to convert it; undefined for UTF-8. */
export function describeEncoding(encoding: TextEncoding): string | undefined {
  if (encoding === 'utf-8') return undefined;
  if (encoding === 'binary') return `is ${ENCODING_NAMES.binary}, not UTF-8 text`;
  return `is ${ENCODING_NAMES[encoding]} text; ptp-mcp reads UTF-8: convert it first (iconv -f ${encoding.toUpperCase()} -t UTF-8)`;
}

/** Where the first byte that is not valid UTF-8 sits, or -1 (a plain validator: overlongs, surrogates, cuts). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * Decodes a user's text file (a config, a pack, a suppressions file) that must be UTF-8: a UTF-8 byte
 * order mark is dropped; another encoding, binary data (a NUL byte anywhere) or an invalid byte is a
 * FileReadError naming it (and the line of the byte).
 */
export function decodeUtf8Text(bytes: Buffer, file: string): string {
  refuseOtherEncoding(bytes, file);
  // The sniff reads the first 4 KB; a NUL further on is as much a sign of a binary file.
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new FileReadError(file, `line ${lineAt(bytes, nul)}: a NUL byte: binary data, not text`);
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0)
    throw new FileReadError(
      file,
      `line ${lineAt(bytes, bad)}: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} is not valid UTF-8`,
    );
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Refuses a text (a log) whose first bytes are not UTF-8 (UTF-16, UTF-32, binary data), naming the
 * encoding and how to convert it, before any of it is read: such a log would be all "unparsed" lines.
 */
export function refuseOtherEncoding(firstBytes: Uint8Array, file: string): void {
  const problem = describeEncoding(sniffTextEncoding(firstBytes.subarray(0, SNIFF_BYTES)));
  if (problem) throw new FileReadError(file, problem);
}

/** refuseOtherEncoding on the first bytes of an open file. */
export function refuseOtherFileEncoding(fd: number, file: string): void {
  const first = Buffer.alloc(SNIFF_BYTES);
  refuseOtherEncoding(first.subarray(0, readSync(fd, first, 0, SNIFF_BYTES, 0)), file);
}

/**
 * A user's text file, the one way: a regular file of at most `maxBytes` (`what`, "a configuration", names
 * the cap in the message), in UTF-8 (decodeUtf8Text).
 */
export function readUtf8FileSync(file: string, maxBytes: number, what?: string): string {
  return decodeUtf8Text(readRegularFileSync(file, maxBytes, what), file);
}

/** The asynchronous twin of readUtf8FileSync. */
export async function readUtf8File(file: string, maxBytes: number, what?: string): Promise<string> {
  return decodeUtf8Text(await readRegularFile(file, maxBytes, what), file);
}
