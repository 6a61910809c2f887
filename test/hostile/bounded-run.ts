import { spawn } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { CLI } from '../integration/cli-run.js';

/** What a bounded run of the built CLI did. */
export interface BoundedResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit (or kill). */
  ms: number;
  /** The highest resident set size seen (VmHWM of /proc/PID/status), in MB. */
  peakMb: number;
  /** Why the run was killed, if it was: it outlived its time or outgrew its memory. */
  killed?: 'time' | 'memory';
}

export interface Bounds {
  timeMs: number;
  memoryMb: number;
  /** A file piped to the CLI's stdin (else stdin is /dev/null). */
  stdinFile?: string;
}

/** Output kept per stream: enough for every message, not a 50 MB line echoed back. */
const KEEP_CHARS = 1024 * 1024;
const POLL_MS = 20;

/** Resident set size now and at its peak, in MB, or undefined once the process is gone. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function keep(chunks: string[], chunk: string, kept: { chars: number }): void {
  if (kept.chars >= KEEP_CHARS) return;
  chunks.push(chunk.slice(0, KEEP_CHARS - kept.chars));
  kept.chars += chunk.length;
}

/**
 * Runs the built `ptp-mcp` with `args`, killed (with its process group) when it outlives `timeMs` or
 * its resident memory passes `memoryMb`: a hang or a runaway read fails its case fast instead of
 * stalling or swapping the whole suite. Memory is polled every 20 ms; VmHWM keeps peaks between polls.
 */
function runOnce(args: string[], bounds: Bounds): Promise<BoundedResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: [bounds.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out: string[] = [];
  const err: string[] = [];
  const outKept = { chars: 0 };
  const errKept = { chars: 0 };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => keep(out, chunk, outKept));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => keep(err, chunk, errKept));
  if (bounds.stdinFile && child.stdin) {
    // The CLI may refuse the input before reading all of it: a closed pipe is its answer, not an error.
    child.stdin.on('error', () => {});
    createReadStream(bounds.stdinFile)
      .on('error', () => child.stdin?.destroy())
      .pipe(child.stdin);
  }
  let peakMb = 0;
  let killed: BoundedResult['killed'];
  const kill = (why: NonNullable<BoundedResult['killed']>) => {
    if (killed || child.pid === undefined) return;
    killed = why;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const poll = setInterval(() => {
    const memory = child.pid === undefined ? undefined : memoryOf(child.pid);
    if (!memory) return;
    peakMb = Math.max(peakMb, memory.peakMb, memory.rssMb);
    if (memory.rssMb > bounds.memoryMb) kill('memory');
  }, POLL_MS);
  const timer = setTimeout(() => kill('time'), bounds.timeMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, stdout: out.join(''), stderr: err.join(''), ms: Date.now() - started, peakMb, killed });
    });
  });
}

/**
 * At most `parallel` CLI runs at once (the suite shares 2 cores with itself): each caller waits for a
 * free slot, and its bounds start when its run does.
 */
export function boundedRunner(parallel: number): (args: string[], bounds: Bounds) => Promise<BoundedResult> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (args, bounds) => {
    // A finished run hands its slot straight to the next waiting one.
    if (running < parallel) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await runOnce(args, bounds);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
