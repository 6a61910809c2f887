/** A source that cannot be read at all (no such folder, no cluster access): a user-facing error, exit 2. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** What a read gave, or undefined once its SourceError went to `warn`: one failed read never stops the rest. */
export async function orWarning<T>(
  what: Promise<T>,
  warn: (message: string) => void,
): Promise<T | undefined> {
  try {
    return await what;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    warn(error.message);
    return undefined;
  }
}
