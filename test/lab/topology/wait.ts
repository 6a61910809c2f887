/**
 * Polls `probe` until `until` holds for its answer, or throws after `timeoutMs` naming what was awaited
 * and showing the last answer in full (or the error of the last probe).
 */
export async function waitFor<T>(options: {
  what: string;
  probe: () => Promise<T>;
  until: (answer: T) => boolean;
  show?: (answer: T) => string;
  timeoutMs?: number;
  intervalMs?: number;
}): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const answer = await options.probe();
      if (options.until(answer)) return answer;
      last = options.show ? options.show(answer) : String(answer);
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline)
      throw new Error(`${options.what}: not reached within ${timeoutMs / 1000} s; last answer:\n${last}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
