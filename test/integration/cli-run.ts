import { spawnSync } from 'node:child_process';
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
