import { writeFileSync } from 'node:fs';
import { readYamlFile } from '../../../core/rules/yaml-file.js';
import { FaultPlan } from '../../../simulate/faults.js';
import { startSimulator } from '../../../simulate/simulator.js';
import { NUMBER_OPTIONS, numberOption, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';

const USAGE = `usage: ptp-mcp simulate [--scenario NAME | --snapshot DIR] [--port P] [--host 127.0.0.1]
                        [--nodes N] [--faults FILE] [--kubeconfig-out FILE]`;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `ptp-mcp simulate`: serves a scenario or a snapshot as a Kubernetes API on loopback and prints a
 * kubeconfig for it, until interrupted. For trying MCP clients without a cluster, and for tests.
 */
export async function simulateCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      scenario: { type: 'string' },
      snapshot: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      nodes: { type: 'string' },
      faults: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    0,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
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
  const simulator = await startSimulator({
    source: (await app.service()).openSource(spec),
    nodes,
    host,
    port,
    faults,
  });
  if (values['kubeconfig-out'])
    writeFileSync(values['kubeconfig-out'], simulator.kubeconfig, { mode: 0o600 });
  else io.stdout(simulator.kubeconfig);
  io.stderr(
    `simulating ${spec} (${simulator.nodeNames.length} nodes) at ${simulator.url}${values['kubeconfig-out'] ? `; kubeconfig in ${values['kubeconfig-out']}` : ''}; Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await simulator.close();
  io.stderr(`served ${simulator.stats.requests} requests\n`);
  return 0;
}
