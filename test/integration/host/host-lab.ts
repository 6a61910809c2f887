import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { CLI } from '../cli-run.js';

/**
 * Network namespaces with real ptp4l for the host-source tests. Safe for this machine (common.md lab
 * rules): software time stamps and L2 on veth; the tests' clocks run `free_running 1` or `clock_servo
 * ntpshm`, so none adjusts a clock.
 */
export const COMMON = `time_stamping software
network_transport L2
domainNumber 24
logSyncInterval -3
logAnnounceInterval -2
announceReceiptTimeout 3`;

export function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr}`);
}

/** A veth pair, `a` in namespace `nsA` and `b` in `nsB` (the same namespace or two), both up. */
export function vethPair(nsA: string, a: string, nsB: string, b: string): void {
  ip('link', 'add', a, 'type', 'veth', 'peer', 'name', b);
  ip('link', 'set', a, 'netns', nsA);
  ip('link', 'set', b, 'netns', nsB);
  ip('-n', nsA, 'link', 'set', a, 'up');
  ip('-n', nsB, 'link', 'set', b, 'up');
}

/** The built CLI inside a namespace, as a user of that host runs it. */
export function cli(ns: string, ...args: string[]) {
  const result = spawnSync('ip', ['netns', 'exec', ns, process.execPath, CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `ptp4l -f conf -m` in `ns`, its output to `log`. */
export function startPtp4l(ns: string, conf: string, log: string): ChildProcess {
  const out = openSync(log, 'w');
  return spawn('ip', ['netns', 'exec', ns, 'ptp4l', '-f', conf, '-m'], { stdio: ['ignore', out, out] });
}

/** Polls `log` until `pattern` has matched `count` times (20 s at most). */
export async function waitForLines(log: string, pattern: RegExp, count: number): Promise<void> {
  const matches = () => (readFileSync(log, 'utf8').match(new RegExp(pattern, 'g')) ?? []).length;
  for (let i = 0; i < 200 && matches() < count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** SIGTERM to each ptp4l, waiting for it to exit, then the namespaces go (whatever happened before). */
export async function stopLab(
  processes: readonly ChildProcess[],
  namespaces: readonly string[],
): Promise<void> {
  try {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(
      processes.map((child) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
      ),
    );
  } finally {
    for (const ns of namespaces) spawnSync('ip', ['netns', 'del', ns]);
  }
}
