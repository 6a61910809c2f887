import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FileReadError, readRegularFile } from '../../core/io/regular-file.js';
import { decodeUtf8Text } from '../../core/io/text-encoding.js';
import { logFileStream } from '../../core/sources/log-file-stream.js';
import type { TextStream } from '../../core/sources/raw-cluster.js';

/**
 * The files of one snapshot folder, read safely: regular files only (a FIFO, device or socket is refused
 * before a byte is read), a cap on the bytes read, UTF-8 only, and nothing outside the folder (a link
 * that leads out of it is refused: a snapshot is data someone handed over, and an MCP client may name
 * any folder). Every refusal is a FileReadError naming the file as the snapshot's label spells it.
 */
export class FolderFiles {
  private realRoot?: Promise<string>;

  constructor(
    private readonly root: string,
    private readonly label: string,
  ) {}

  /** A path inside the folder as messages show it: under the label the user gave. */
  name(path: string): string {
    return join(this.label, relative('.', path));
  }

  /** A small text file, or undefined when it is absent. */
  async text(path: string, maxBytes: number): Promise<string | undefined> {
    const full = await this.locate(path);
    if (full === undefined) return undefined;
    const bytes = await readRegularFile(full, maxBytes).catch((error) => {
      throw this.renamed(path, error);
    });
    return decodeUtf8Text(bytes, this.name(path));
  }

  /**
   * A log to stream (no cap: logs of gigabytes are normal), or undefined when it is absent. Its start
   * is read now so that a log in another encoding is refused here, by name, rather than parsed as noise.
   */
  async log(path: string): Promise<TextStream | undefined> {
    const full = await this.locate(path);
    if (full === undefined) return undefined;
    return logFileStream(full, this.name(path), (error) => this.renamed(path, error));
  }

  /** The entries of a folder (hidden ones left out), or undefined when it is absent. */
  async list(path: string): Promise<string[] | undefined> {
    const full = await this.locate(path);
    if (full === undefined) return undefined;
    const entries = await readdir(full).catch((error: NodeJS.ErrnoException) => {
      throw new FileReadError(this.name(path), `cannot be listed (${error.code ?? error.message})`);
    });
    return entries.filter((entry) => !entry.startsWith('.')).sort();
  }

  /** Whether a path inside the folder is there at all (a link counts, wherever it leads). */
  async exists(path: string): Promise<boolean> {
    return (await lstat(join(this.root, path)).catch(() => undefined)) !== undefined;
  }

  /** Whether a path inside the folder is a regular file itself (not a link, not a folder). */
  async isPlainFile(path: string): Promise<boolean> {
    return (await lstat(join(this.root, path)).catch(() => undefined))?.isFile() ?? false;
  }

  /** The real path of a file of the folder; undefined when absent; refused when it leads outside. */
  private async locate(path: string): Promise<string | undefined> {
    const full = join(this.root, path);
    let real: string;
    try {
      real = await realpath(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !(await this.exists(path))) return undefined;
      throw new FileReadError(
        this.name(path),
        code === 'ENOENT' ? 'is a link to nothing: not read' : `cannot be read (${code})`,
      );
    }
    this.realRoot ??= realpath(this.root);
    const root = await this.realRoot;
    if (real !== root && !real.startsWith(root + sep))
      throw new FileReadError(this.name(path), `is a link to ${real}, outside the snapshot folder: not read`);
    return real;
  }

  private renamed(path: string, error: unknown): unknown {
    return error instanceof FileReadError ? new FileReadError(this.name(path), error.reason) : error;
  }
}
