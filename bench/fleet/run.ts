/**
 * `npm run bench:fleet [-- --nodes 500,2000]`: `ptp-mcp diagnose --source cluster` against simulated
 * fleets (copies of the demo site's nodes) served by `simulate` in this process: wall and CPU time, peak
 * RSS of the diagnosing process and the API requests by kind, each fleet beside the same diagnosis of the
 * recorded 6-node demo from its folder. Goals: 2,000 nodes under 10 s and 1 GB; 500 under 10 s and 500 MB.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../core/package-root.js';
import { SnapshotFolderSource } from '../../plugins/snapshot/snapshot-folder.js';
import { startSimulator } from '../../simulate/simulator.js';
import { KINDS, kindOf } from './request-kinds.js';
import { type TimedRun, timedCli } from './timed-cli.js';

interface Run extends TimedRun {
  nodes: number;
  /** A fleet read in full has none: anything the diagnosis could not read is one. */
  warnings: number;
}

/** Goals by fleet size: wall seconds and peak RSS. */
const GOALS: Record<number, { seconds: number; rssMb: number }> = {
  500: { seconds: 10, rssMb: 500 },
  2000: { seconds: 10, rssMb: 1000 },
};

/** `diagnose ARGS --format json` under GNU time; the simulator keeps answering in this process meanwhile. */
async function diagnose(args: string[]): Promise<Run> {
  const run = await timedCli(['diagnose', ...args, '--format', 'json']);
  const report = JSON.parse(run.stdout) as { nodes: unknown[]; warnings: unknown[] };
  return { ...run, nodes: report.nodes.length, warnings: report.warnings.length };
}

function row(label: string, run: Run, requests: Record<string, number>): string {
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  const perNode = ((requests.exec ?? 0) / run.nodes).toFixed(2);
  const simulator = Object.keys(requests).length === 0 ? '–' : run.hostCpuSeconds.toFixed(2);
  return `| ${label} | ${run.nodes} | ${run.seconds.toFixed(2)} | ${run.cpuSeconds.toFixed(2)} | ${simulator} | ${run.maxRssMb.toFixed(0)} MB | ${run.warnings} | ${total} | ${KINDS.map((k) => requests[k] ?? 0).join(' | ')} | ${perNode} |`;
}

/** Diagnoses a fleet of `count` nodes beside the reference; returns the line about its goal, if it has one. */
async function fleet(count: number, demo: string): Promise<string | undefined> {
  const simulator = await startSimulator({ source: new SnapshotFolderSource(demo, 'demo'), nodes: count });
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-fleet-')), 'kubeconfig');
  writeFileSync(kubeconfig, simulator.kubeconfig);
  try {
    const reference = await diagnose(['--source', 'demo']);
    const before = { ...simulator.stats.byKind };
    const run = await diagnose(['--source', 'cluster', '--kubeconfig', kubeconfig]);
    const requests: Record<string, number> = {};
    for (const [counted, n] of Object.entries(simulator.stats.byKind)) {
      const kind = kindOf(counted);
      requests[kind] = (requests[kind] ?? 0) + n - (before[counted] ?? 0);
    }
    console.log(row('recorded demo, from its folder (reference)', reference, {}));
    console.log(row('`--source cluster` (simulated fleet)', run, requests));
    const goal = GOALS[count];
    if (!goal) return undefined;
    const met = run.seconds < goal.seconds && run.maxRssMb < goal.rssMb && run.warnings === 0;
    return (
      `goal for ${count} nodes (under ${goal.seconds} s and ${goal.rssMb} MB): ${met ? 'met' : 'NOT met'} ` +
      `(${run.seconds.toFixed(2)} s, ${run.maxRssMb.toFixed(0)} MB, ${run.warnings} warnings)`
    );
  } finally {
    await simulator.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '500,2000' } } });
  const counts = values.nodes.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--nodes takes node counts separated by commas (got ${values.nodes})`);
  const demo = join(packageRoot(), 'fixtures', 'clusters', 'demo');
  console.log(
    `| diagnose | nodes | seconds | CPU s | simulator CPU s | peak RSS | warnings | requests | ${KINDS.join(' | ')} | execs per node |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|${KINDS.map(() => '---|').join('')}---|`);
  const goals: string[] = [];
  for (const count of counts) {
    const goal = await fleet(count, demo);
    if (goal) goals.push(goal);
  }
  for (const line of goals) console.log(line);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
