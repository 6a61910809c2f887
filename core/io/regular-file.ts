import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * A user file that cannot be read safely: missing, unreadable, not a regular file, or over its cap.
 * The message names the file and says what is wrong; commands turn it into exit 2 or a warning.
 */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileReadError';
  }
}

/**
 * O_NONBLOCK so that opening a FIFO with no writer returns at once (and is then refused) instead of
 * waiting forever; reads of a regular file ignore the flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const CHUNK_BYTES = 64 * 1024;

/** What stat or a folder entry tells of a path's kind. */
type Kind = Pick<
  Stats,
  'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'
>;

/** What a path is when it is not a regular file, as a phrase for messages; undefined for a regular file. */
export function nonRegularKind(stats: Kind): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A refusal for a path that is not a regular file (for folder walks that saw it with stat). */
export function notRegularFileError(file: string, kind: string): FileReadError {
  return new FileReadError(file, `is ${kind}, not a regular file: not read`);
}

function openError(file: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENXIO: 'is a socket, not a regular file: not read',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'the path is too long',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder, not a regular file: not read',
    EMFILE: 'too many open files',
  };
  return new FileReadError(
    file,
    reasons[code ?? ''] ?? `cannot be read (${code ?? (error as Error).message})`,
  );
}

function checkRegular(file: string, stats: Stats): void {
  const kind = nonRegularKind(stats);
  if (kind) throw notRegularFileError(file, kind);
}

/** `what` names the kind of file the cap is for ("a configuration"), so the message says why. */
function tooLarge(file: string, maxBytes: number, what: string | undefined, size?: number): FileReadError {
  const cap = what
    ? `larger than ${what} can be (${formatBytes(maxBytes)})`
    : `larger than ${formatBytes(maxBytes)}`;
  return new FileReadError(
    file,
    `${cap}: not read${size === undefined ? '' : ` (it is ${formatBytes(size)})`}`,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Opens a regular file for reading and returns its descriptor and size; refuses anything else (FIFOs,
 * devices, sockets, folders) before a byte is read. The caller closes the descriptor.
 */
export function openRegularFileSync(file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, error);
  }
  try {
    const stats = fstatSync(fd);
    checkRegular(file, stats);
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Gathers chunks read from a file and refuses the file once more than `maxBytes` were read. */
class CappedReader {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
    private readonly what: string | undefined,
    size: number,
  ) {
    // A regular file that already says it is too large is refused without reading it.
    if (size > maxBytes) throw tooLarge(file, maxBytes, what, size);
  }

  /** A buffer to read the next chunk into: one byte past the cap is enough to tell the file is too large. */
  nextChunk(): Buffer {
    return Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.maxBytes + 1 - this.total));
  }

  /** Takes `read` bytes of `chunk`; false at the end of the file. */
  take(chunk: Buffer, read: number): boolean {
    if (read === 0) return false;
    this.total += read;
    if (this.total > this.maxBytes) throw tooLarge(this.file, this.maxBytes, this.what);
    this.chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    return true;
  }

  result(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/**
 * Reads a whole regular file of at most `maxBytes`. The cap counts the bytes actually read, not the
 * size stat reports (a file may grow while read, and special files report 0). `what` ("a rule pack")
 * names the kind of file in the message of a file over the cap.
 */
export function readRegularFileSync(file: string, maxBytes: number, what?: string): Buffer {
  const { fd, size } = openRegularFileSync(file);
  try {
    const reader = new CappedReader(file, maxBytes, what, size);
    for (;;) {
      const chunk = reader.nextChunk();
      if (!reader.take(chunk, readSync(fd, chunk, 0, chunk.length, null))) break;
    }
    return reader.result();
  } finally {
    closeSync(fd);
  }
}

/** The asynchronous twin of readRegularFileSync, for servers that must not block their event loop. */
export async function readRegularFile(file: string, maxBytes: number, what?: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, error);
  }
  try {
    const stats = await handle.stat();
    checkRegular(file, stats);
    const reader = new CappedReader(file, maxBytes, what, stats.size);
    for (;;) {
      const chunk = reader.nextChunk();
      if (!reader.take(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead)) break;
    }
    return reader.result();
  } finally {
    await handle.close();
  }
}
