import { writeFileSync } from 'node:fs';
import { readYamlFile } from '../../../core/rules/yaml-file.js';
import { FaultPlan } from '../../../simulate/faults.js';
import { startSimulator } from '../../../simulate/simulator.js';
import { NUMBER_OPTIONS, numberOption, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp } from '../command-help.js';
import type { CliIo } from '../io.js';
import { SIMULATE } from '../specs/simulate.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `ptp-mcp simulate`: serves a scenario or a snapshot as a Kubernetes API on loopback and prints a
 * kubeconfig for it, until interrupted. For trying MCP clients without a cluster, and for tests.
 */
export async function simulateCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommand(argv, SIMULATE);
  if (values.help) {
    io.stdout(commandHelp(SIMULATE));
    return 0;
  }
  if (values.scenario && values.snapshot) throw new CliError('give --scenario or --snapshot, not both');
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new CliError(`simulate serves on loopback only (got --host ${host})`);
  const spec = values.snapshot
    ? `dir:${values.snapshot}`
    : values.scenario
      ? `scenario:${values.scenario}`
      : 'demo';
  const nodes = numberOption(values.nodes, 'nodes', NUMBER_OPTIONS.nodes);
  const port = numberOption(values.port, 'port', NUMBER_OPTIONS.port) ?? 0;
  const faults = values.faults ? readYamlFile(values.faults, FaultPlan, 'fault plan').data : undefined;
  const clusters = numberOption(values.clusters, 'clusters', NUMBER_OPTIONS.clusters);
  if (clusters !== undefined && port !== 0)
    throw new CliError('--port names one port: with --clusters each cluster takes a free one');
  const options = { source: (await app.service()).openSource(spec), nodes, host, port, faults };
  const simulator =
    clusters === undefined
      ? await startSimulator(options)
      : await (await import('../../../simulate/clusters.js')).startSimulatedFleet({ ...options, clusters });
  if (values['kubeconfig-out'])
    writeFileSync(values['kubeconfig-out'], simulator.kubeconfig, { mode: 0o600 });
  else io.stdout(simulator.kubeconfig);
  const where =
    'clusters' in simulator
      ? `${clusters} clusters of ${simulator.clusters[0]!.nodeNames.length} nodes at ${simulator.clusters.map((c) => c.url).join(' ')}`
      : `${simulator.nodeNames.length} nodes at ${simulator.url}`;
  io.stderr(
    `simulating ${spec} (${where})${values['kubeconfig-out'] ? `; kubeconfig in ${values['kubeconfig-out']}` : ''}; Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await simulator.close();
  io.stderr(`served ${'clusters' in simulator ? simulator.requests() : simulator.stats.requests} requests\n`);
  return 0;
}
