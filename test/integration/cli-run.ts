import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

/** The package's bin: the bundle users run. */
export const CLI = join(packageRoot(), 'dist', 'bundle', 'ptp-mcp.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `ptp-mcp` (npm test builds it first) as a user would, with the given stdin. */
export function runBuiltCli(args: string[], input?: string | Buffer): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A `ptp-mcp simulate` started in the background, once it says it serves; `stderr()` is all it printed. */
export async function startSimulateCli(
  args: string[],
): Promise<{ process: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'simulate', ...args]);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  for (let i = 0; i < 100 && !stderr.includes('Ctrl-C stops'); i++)
    await new Promise((r) => setTimeout(r, 100));
  return { process: child, stderr: () => stderr };
}
