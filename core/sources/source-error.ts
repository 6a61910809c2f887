/** A source that cannot be read at all (no such folder, no cluster access): a user-facing error, exit 2. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
