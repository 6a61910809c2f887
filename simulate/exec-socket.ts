import type { WebSocket } from 'ws';
import { allowCommand, CommandRefused } from '../core/sources/exec-allowlist.js';
import type { RawNode } from '../core/sources/raw-cluster.js';
import { respond } from '../core/sources/recorded-command.js';

const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;

/**
 * Answers an exec on the Kubernetes channel protocol (v4.channel.k8s.io): stdout and stderr frames,
 * then a Status frame with the exit code, then close. Only allowlisted commands run; others fail as a
 * container would refuse them.
 */
export function execOverWebSocket(ws: WebSocket, argv: string[], node: RawNode, delayMs = 0): void {
  let result: { stdout: string; stderr: string; exitCode: number };
  try {
    result = respond(allowCommand(argv), node);
  } catch (error) {
    if (!(error instanceof CommandRefused)) throw error;
    result = { stdout: '', stderr: `${error.message}\n`, exitCode: 126 };
  }
  const frame = (channel: number, text: string) => Buffer.concat([Buffer.from([channel]), Buffer.from(text)]);
  setTimeout(() => {
    if (result.stdout) ws.send(frame(STDOUT, result.stdout));
    if (result.stderr) ws.send(frame(STDERR, result.stderr));
    const status =
      result.exitCode === 0
        ? { metadata: {}, status: 'Success' }
        : {
            metadata: {},
            status: 'Failure',
            message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${result.exitCode}`,
            reason: 'NonZeroExitCode',
            details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] },
          };
    ws.send(frame(STATUS, JSON.stringify(status)));
    ws.close(1000);
  }, delayMs);
}
