import { execFile, spawn } from 'node:child_process';
import { allowCommand } from '../../core/sources/exec-allowlist.js';
import type { TextStream } from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import { SourceError } from '../../core/sources/source-error.js';

/** pmc waits 100 ms per answer it lacks (pmc.c); ethtool answers at once: 10 s means something hangs. */
const EXEC_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * Runs an allowlisted command on this machine, as argv (no shell), with a time-out. A command that
 * ran is its result whatever its exit code; one that could not run (not installed, killed at the
 * time-out, output over the cap) is a SourceError saying why.
 */
export function execHere(argv: string[], timeoutMs = EXEC_TIMEOUT_MS): Promise<ExecResult> {
  allowCommand(argv);
  const [program, ...args] = argv;
  return new Promise((resolve, reject) => {
    execFile(
      program!,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr, exitCode: 0 });
        const failed = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (failed.code === 'ENOENT')
          return reject(new SourceError(`${program}: not installed (not on the PATH)`));
        if (failed.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(
            new SourceError(`${argv.join(' ')}: output over ${MAX_OUTPUT_BYTES} bytes: not read`),
          );
        if (failed.killed)
          return reject(new SourceError(`${argv.join(' ')}: no answer in ${timeoutMs / 1000} s`));
        if (typeof failed.code === 'number') return resolve({ stdout, stderr, exitCode: failed.code });
        reject(new SourceError(`${argv.join(' ')}: ${failed.message}`));
      },
    );
  });
}

/**
 * An allowlisted command's output as a stream (journalctl: logs of any size), run when it is opened. A
 * command that fails (not installed, no permission to read the journal) ends the stream with a
 * SourceError naming its stderr: the node's log read is then "interrupted", a warning.
 */
export function commandStream(argv: string[]): TextStream {
  allowCommand(argv);
  const name = argv.join(' ');
  return {
    name,
    open: () => output(argv, name),
  };
}

async function* output(argv: string[], name: string): AsyncGenerator<Uint8Array> {
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new SourceError(
          error.code === 'ENOENT'
            ? `${argv[0]}: not installed (not on the PATH)`
            : `${name}: ${error.message}`,
        ),
      ),
    );
    child.once('close', resolve);
  });
  exited.catch(() => undefined);
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await exited;
  if (code !== 0) throw new SourceError(`${name}: exit code ${code}: ${stderr.trim() || 'no message'}`);
  // journalctl exits 0 when it may not read the journal, and says so on stderr.
  if (/insufficient permissions|No journal files/i.test(stderr))
    throw new SourceError(`${name}: ${stderr.trim()}`);
}
