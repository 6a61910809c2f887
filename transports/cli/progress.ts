import type { CliIo } from './io.js';

/** Progress on stderr, only when stderr is a terminal: `nodes read 12/500`, rewritten in place. */
export function progressReporter(
  io: CliIo,
  label: string,
): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTty) return undefined;
  return (done, total) => {
    io.stderr(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}
