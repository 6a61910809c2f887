/**
 * `node dist/bench/fleet/clusters.js [--clusters 50] [--nodes 40] [--concurrency 4]`: `ptp-mcp diagnose
 * --all-contexts` of a fleet of clusters (each a copy of the demo site, `--nodes` nodes), served by
 * `simulate --clusters` in this process: wall and CPU time and peak RSS of the diagnosing process, the
 * CPU of the simulators meanwhile, and the API requests by kind, beside the same diagnosis of one cluster.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FleetHealth } from '../../core/fleet/fleet-health.js';
import { packageRoot } from '../../core/package-root.js';
import { SnapshotFolderSource } from '../../plugins/snapshot/snapshot-folder.js';
import { type SimulatedFleet, startSimulatedFleet } from '../../simulate/clusters.js';
import { KINDS, kindOf } from './request-kinds.js';
import { type TimedRun, timedCli } from './timed-cli.js';

/** The requests every simulated cluster served since `before`, by kind. */
function requestsSince(fleet: SimulatedFleet, before: Record<string, number>[]): Record<string, number> {
  const requests: Record<string, number> = {};
  fleet.clusters.forEach((cluster, i) => {
    for (const [counted, n] of Object.entries(cluster.stats.byKind)) {
      const kind = kindOf(counted);
      requests[kind] = (requests[kind] ?? 0) + n - (before[i]![counted] ?? 0);
    }
  });
  return requests;
}

function row(
  label: string,
  clusters: number,
  nodes: number,
  run: TimedRun,
  requests: Record<string, number>,
): string {
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  return `| ${label} | ${clusters} | ${nodes} | ${run.seconds.toFixed(2)} | ${run.cpuSeconds.toFixed(2)} | ${run.hostCpuSeconds.toFixed(2)} | ${run.maxRssMb.toFixed(0)} MB | ${total} | ${KINDS.map((k) => requests[k] ?? 0).join(' | ')} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clusters: { type: 'string', default: '50' },
      nodes: { type: 'string', default: '40' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const [clusters, nodes] = [Number(values.clusters), Number(values.nodes)];
  if (![clusters, nodes].every((n) => Number.isInteger(n) && n >= 1))
    throw new Error('--clusters and --nodes take positive integers');
  const fleet = await startSimulatedFleet({
    source: new SnapshotFolderSource(join(packageRoot(), 'fixtures', 'clusters', 'demo'), 'demo'),
    clusters,
    nodes,
  });
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-fleet-')), 'kubeconfig');
  writeFileSync(kubeconfig, fleet.kubeconfig);
  try {
    console.log(
      `| diagnose | clusters | nodes | seconds | CPU s | simulator CPU s | peak RSS | requests | ${KINDS.join(' | ')} |`,
    );
    console.log(`|---|---|---|---|---|---|---|---|${KINDS.map(() => '---|').join('')}`);
    let before = fleet.clusters.map((c) => ({ ...c.stats.byKind }));
    const one = await timedCli([
      'diagnose',
      '--source',
      'cluster',
      '--kubeconfig',
      kubeconfig,
      '--context',
      fleet.clusters[0]!.context,
      '--format',
      'json',
    ]);
    console.log(
      row(
        'one cluster (`--source cluster --context`, reference)',
        1,
        nodes,
        one,
        requestsSince(fleet, before),
      ),
    );
    before = fleet.clusters.map((c) => ({ ...c.stats.byKind }));
    const all = await timedCli([
      'diagnose',
      '--all-contexts',
      '--kubeconfig',
      kubeconfig,
      '--fleet-concurrency',
      values.concurrency,
      '--format',
      'json',
    ]);
    const answer = JSON.parse(all.stdout) as FleetHealth;
    console.log(
      row(
        `\`--all-contexts\`, ${values.concurrency} at once`,
        clusters,
        answer.nodes,
        all,
        requestsSince(fleet, before),
      ),
    );
    console.log(
      `fleet: ${answer.clusters.length} cluster(s) answered, ${answer.warnings.length} warning(s), ${answer.nodes} nodes, health ${answer.health}`,
    );
  } finally {
    await fleet.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
