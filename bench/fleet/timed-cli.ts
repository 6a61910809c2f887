import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

/** One run of the built CLI as GNU time saw it. */
export interface TimedRun {
  seconds: number;
  /** User + system CPU of the CLI's process: less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
  maxRssMb: number;
  /** CPU of this process (a simulator answering in it) while the CLI ran: it shares the machine's cores. */
  hostCpuSeconds: number;
  stdout: string;
}

/**
 * Runs `ptp-mcp ARGS` (the bundle) under GNU time, for its peak RSS and CPU, while this process goes on
 * serving (the simulated API servers live here). Rejects with its stderr when it exits other than 0.
 */
export function timedCli(args: string[]): Promise<TimedRun> {
  const cli = join(packageRoot(), 'dist', 'bundle', 'ptp-mcp.js');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const host = process.cpuUsage(cpuBefore);
      if (code !== 0) return reject(new Error(`ptp-mcp ${args[0]} failed (${code}): ${stderr}`));
      const [rssKb, user, system] = (stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({
        seconds,
        cpuSeconds: user! + system!,
        maxRssMb: rssKb! / 1024,
        hostCpuSeconds: (host.user + host.system) / 1e6,
        stdout,
      });
    });
  });
}
