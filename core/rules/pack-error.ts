/** A rule pack that cannot be used, with where: `file:line:column: message`. A user error (exit 2). */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
    /** The file could not be read at all (missing, not a regular file, too large, not UTF-8). */
    readonly unreadable = false,
  ) {
    super(
      `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: ${detail}`,
    );
    this.name = 'PackError';
  }
}
