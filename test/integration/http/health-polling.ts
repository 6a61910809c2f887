/**
 * Polls /healthz while `call` runs; the times of the answers given while it was still running. On one
 * thread a long call holds the event loop for its whole length: no answer at all in between, or late.
 */
export async function healthWhile<T>(
  url: string,
  call: Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; answers: number[] }> {
  let inFlight = true;
  const done = call.finally(() => {
    inFlight = false;
  });
  const answers: number[] = [];
  while (inFlight) {
    const started = performance.now();
    const health = await fetch(`${url}/healthz`);
    if (inFlight && health.ok) answers.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { result: await done, answers };
}

/** The `share` quantile of times (0.9: nine in ten are at most this). */
export function quantile(times: readonly number[], share: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}
