import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../../core/package-root.js';
import { inNamespace } from './command.js';
import type { Lab } from './lab.js';

/** The built bundle users run (`npm run build`). */
export const CLI = join(packageRoot(), 'dist', 'bundle', 'ptp-mcp.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (argv, no shell) to its end; asynchronous, so the nodes of a lab are read side by side. */
function cli(argv: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(argv[0]!, argv.slice(1), { maxBuffer: 64 << 20, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `--source host` options for one node of the lab (/work/notes/host-source-contract.md): each ptp4l of
 * the node by its config (ptp4l.N.config, in N order, so the source names it as the lab does) and log.
 */
export function hostOptions(lab: Lab, node: string): string[] {
  const clocks = [...lab.clocks.values()].filter((c) => c.node === node).sort((a, b) => a.index - b.index);
  return [
    '--source',
    'host',
    '--node-name',
    node,
    ...clocks.flatMap((c) => ['--ptp4l-config', c.configPath]),
    ...clocks.flatMap((c) => ['--log', c.logPath]),
  ];
}

/** `ptp-mcp diagnose --source host` run inside the node's namespace, as on that host. */
export function diagnoseHost(lab: Lab, node: string, format: 'json' | 'text' = 'json'): Promise<CliResult> {
  return cli(
    inNamespace(lab.namespace(node), [
      process.execPath,
      CLI,
      'diagnose',
      ...hostOptions(lab, node),
      '--format',
      format,
    ]),
  );
}

/** `ptp-mcp snapshot record --source host --merge` of one node into `out` (one folder for all nodes). */
export function recordHost(lab: Lab, node: string, out: string): Promise<CliResult> {
  return cli(
    inNamespace(lab.namespace(node), [
      process.execPath,
      CLI,
      'snapshot',
      'record',
      ...hostOptions(lab, node),
      '--out',
      out,
      '--merge',
    ]),
  );
}

/** `ptp-mcp diagnose --source dir:DIR` (`partial`: a recording marked incomplete, read with --partial). */
export function diagnoseFolder(
  dir: string,
  format: 'json' | 'text' = 'json',
  partial = false,
): Promise<CliResult> {
  const args = ['diagnose', '--source', `dir:${dir}`, '--format', format, ...(partial ? ['--partial'] : [])];
  return cli([process.execPath, CLI, ...args]);
}
