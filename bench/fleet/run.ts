/**
 * `npm run bench:fleet [-- --nodes 500]`: `ptp-mcp diagnose --source cluster` against a simulated
 * fleet (copies of the demo site's nodes) served by `simulate` in this process: wall time, API requests
 * and peak RSS of the diagnosing process, beside the same diagnosis of the recorded 6-node demo.
 * Goal for 500 nodes: under 10 s and under 500 MB.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../core/package-root.js';
import { SnapshotFolderSource } from '../../plugins/snapshot/snapshot-folder.js';
import { startSimulator } from '../../simulate/simulator.js';

interface Run {
  seconds: number;
  maxRssMb: number;
  nodes: number;
}

/** Runs the CLI under GNU time (peak RSS); the simulator keeps answering in this process meanwhile. */
function diagnose(args: string[]): Promise<Run> {
  const cli = join(packageRoot(), 'dist', 'bundle', 'ptp-mcp.js');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', [
      '-f',
      '%M',
      process.execPath,
      cli,
      'diagnose',
      ...args,
      '--format',
      'json',
    ]);
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
      if (code !== 0) return reject(new Error(`diagnose failed (${code}): ${stderr}`));
      const report = JSON.parse(stdout) as { nodes: unknown[]; warnings: unknown[] };
      const maxRssMb = Number(stderr.trim().split('\n').pop()) / 1024;
      resolve({ seconds, maxRssMb, nodes: report.nodes.length });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { nodes: { type: 'string', default: '500' }, concurrency: { type: 'string' } },
  });
  const count = Number(values.nodes);
  const demo = join(packageRoot(), 'fixtures', 'clusters', 'demo');
  const simulator = await startSimulator({ source: new SnapshotFolderSource(demo, 'demo'), nodes: count });
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-fleet-')), 'kubeconfig');
  writeFileSync(kubeconfig, simulator.kubeconfig);
  try {
    const reference = await diagnose(['--source', 'demo']);
    const before = simulator.stats.requests;
    const fleet = await diagnose(['--source', 'cluster', '--kubeconfig', kubeconfig]);
    const requests = simulator.stats.requests - before;
    console.log(`fleet: ${fleet.nodes} nodes served by simulate (${simulator.url})`);
    console.log('| diagnose | nodes | seconds | API requests | peak RSS |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| recorded demo (reference) | ${reference.nodes} | ${reference.seconds.toFixed(2)} | 0 | ${reference.maxRssMb.toFixed(0)} MB |`,
    );
    console.log(
      `| --source cluster | ${fleet.nodes} | ${fleet.seconds.toFixed(2)} | ${requests} | ${fleet.maxRssMb.toFixed(0)} MB |`,
    );
    console.log(`requests by kind: ${JSON.stringify(simulator.stats.byKind)}`);
    const met = fleet.seconds < 10 && fleet.maxRssMb < 500;
    console.log(`goal (under 10 s and 500 MB for ${count} nodes): ${met ? 'met' : 'NOT met'}`);
  } finally {
    await simulator.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
