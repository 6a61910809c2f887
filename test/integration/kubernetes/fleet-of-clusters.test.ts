import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterHealth } from '../../../core/fleet/cluster-health.js';
import type { FleetHealth } from '../../../core/fleet/fleet-health.js';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import { type SimulatedFleet, startSimulatedFleet } from '../../../simulate/clusters.js';
import { createService } from '../../../transports/composition-root.js';
import { CLI, startSimulateCli } from '../cli-run.js';
import { stdioClient } from '../mcp/mcp-client.js';

/** The built CLI, without blocking this process (the simulated API servers answer from it). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** A cluster's summary without how long it took to read. */
function judged(fleet: FleetHealth) {
  return fleet.clusters.map(({ readMs: _readMs, ...cluster }) => cluster);
}

describe('a fleet of simulated clusters, one of them with its API server stopped', () => {
  let fleet: SimulatedFleet;
  let kubeconfig: string;
  beforeAll(async () => {
    fleet = await startSimulatedFleet({
      source: new SnapshotFolderSource(join(scenariosDir(), 'demo'), 'demo'),
      clusters: 3,
    });
    kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-fleet-')), 'kubeconfig');
    writeFileSync(kubeconfig, fleet.kubeconfig);
    await fleet.clusters[1]!.stop();
  });
  afterAll(() => fleet?.close());

  it('diagnose --all-contexts: each cluster that answers as its own diagnosis says, a warning for the other', async () => {
    const run = await cli(['diagnose', '--all-contexts', '--kubeconfig', kubeconfig, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as FleetHealth;
    expect(answer.clusters.map((c) => c.context)).toEqual(['ptp-mcp-simulate-1', 'ptp-mcp-simulate-3']);
    expect(answer.warnings).toHaveLength(1);
    expect(answer.warnings[0]!.context).toBe('ptp-mcp-simulate-2');
    expect(answer.warnings[0]!.message).toMatch(/^cannot read the cluster ptp-mcp-simulate-2: /);
    const service = createService({ kube: { kubeconfig } });
    const one = clusterHealth(
      'ptp-mcp-simulate-1',
      await service.diagnose({ source: 'cluster:ptp-mcp-simulate-1' }),
    );
    const { readMs: _readMs, ...expected } = one;
    expect(judged(answer)).toEqual([expected, { ...expected, context: 'ptp-mcp-simulate-3' }]);
    // The demo site: bc-2 (a T-BC in holdover, its port FAULTY) worst; gm-1 the grandmaster of three
    // clocks, bc-2 its own in holdover, and of worker-3 below it.
    expect(one.health).toBe('CRITICAL');
    expect(one.worstNodes.map((n) => `${n.node} ${n.health}`)).toEqual([
      'bc-2 CRITICAL',
      'worker-2 MODERATE',
    ]);
    expect(
      one.grandmasters.map((g) => `${g.node} ${g.syncState} class ${g.clockClass}, ${g.followers}`),
    ).toEqual(['bc-2 HOLDOVER class 135, 1', 'gm-1 LOCKED class 6, 3']);
    expect(answer).toMatchObject({ health: 'CRITICAL', nodes: 12 });
  });

  it('diagnose --context A --context B: those clusters only, in words, the unreadable one a warning', async () => {
    const run = await cli([
      'diagnose',
      '--context',
      'ptp-mcp-simulate-2',
      '--context',
      'ptp-mcp-simulate-3',
      '--kubeconfig',
      kubeconfig,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^PTP health of a fleet of 2 cluster\(s\), 1 could not be read: CRITICAL, 6 node\(s\)/,
    );
    expect(run.stdout).toMatch(/^ptp-mcp-simulate-3 +CRITICAL +6 /m);
    expect(run.stdout).toMatch(/^warning: cluster ptp-mcp-simulate-2 could not be read: /m);
    expect(run.stdout).not.toMatch(/^ptp-mcp-simulate-1 /m);
  });

  it('exits 2 when no cluster of the fleet can be read, 1 with a finding at or above --fail-on', async () => {
    const none = await cli([
      'diagnose',
      '--context',
      'ptp-mcp-simulate-2',
      '--context',
      'ptp-mcp-simulate-2',
      '--all-contexts',
      '--kubeconfig',
      kubeconfig,
    ]);
    expect(none.stderr).toContain('give --context (one or more) or --all-contexts, not both');
    expect(none.code).toBe(2);
    const failing = await cli([
      'diagnose',
      '--all-contexts',
      '--kubeconfig',
      kubeconfig,
      '--fail-on',
      'critical',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(
      '2 cluster(s) with findings at or above critical: ptp-mcp-simulate-1, ptp-mcp-simulate-3',
    );
    const other = await cli(['snapshot', 'record', '--out', '/nonexistent', '--all-contexts']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('snapshot record reads one cluster');
  });

  it('fleet_health over MCP: every context of the server’s kubeconfig, the stopped one a warning', async () => {
    const { client, close } = await stdioClient(['--kubeconfig', kubeconfig]);
    try {
      const result = await client.callTool(
        { name: 'fleet_health', arguments: { concurrency: 2 } },
        undefined,
        {
          timeout: 120_000,
        },
      );
      expect(result.isError).toBeFalsy();
      const answer = result.structuredContent as unknown as FleetHealth;
      expect(answer.clusters.map((c) => `${c.context} ${c.health} ${c.nodes}`)).toEqual([
        'ptp-mcp-simulate-1 CRITICAL 6',
        'ptp-mcp-simulate-3 CRITICAL 6',
      ]);
      expect(answer.warnings.map((w) => w.context)).toEqual(['ptp-mcp-simulate-2']);
      const named = await client.callTool({
        name: 'fleet_health',
        arguments: { contexts: ['ptp-mcp-simulate-3', 'nope'] },
      });
      expect(named.isError).toBe(true);
      expect(JSON.stringify(named.content)).toContain(
        'no context \\"nope\\" in the kubeconfig; there are: ptp-mcp-simulate-1',
      );
    } finally {
      await close();
    }
  });
});

describe('ptp-mcp simulate --clusters (the built CLI)', () => {
  it('serves N clusters with one kubeconfig of N contexts, which diagnose --all-contexts reads', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-fleet-')), 'kubeconfig');
    const simulate = await startSimulateCli(['--clusters', '2', '--nodes', '8', '--kubeconfig-out', out]);
    try {
      expect(simulate.stderr()).toMatch(/simulating demo \(2 clusters of 8 nodes at http:\S+ http:\S+\)/);
      expect(readFileSync(out, 'utf8')).toContain('current-context: ptp-mcp-simulate-1');
      const run = await cli(['diagnose', '--all-contexts', '--kubeconfig', out, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const answer = JSON.parse(run.stdout) as FleetHealth;
      expect(answer.clusters.map((c) => `${c.context} ${c.nodes}`)).toEqual([
        'ptp-mcp-simulate-1 8',
        'ptp-mcp-simulate-2 8',
      ]);
      expect(answer.warnings).toEqual([]);
    } finally {
      simulate.process.kill('SIGINT');
    }
    const bad = await cli(['simulate', '--clusters', '2', '--port', '9999']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('with --clusters each cluster takes a free one');
  });
});
