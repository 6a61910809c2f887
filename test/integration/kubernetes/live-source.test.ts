import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../../core/container.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { type LiveCluster, liveCluster } from './simulated-cluster.js';

/** What a diagnosis says of each node, and its findings: equal whichever way the data came. */
function summary(diagnosis: Diagnosis) {
  return {
    nodes: diagnosis.nodes.map((n) => ({
      node: n.node,
      role: n.role,
      sync: n.syncState,
      clockClass: n.clockClass.current,
      grandmaster: n.grandmaster?.identity ?? null,
      profiles: n.profiles.map((p) => p.name),
      processes: n.processes.map((p) => `${p.name}/${p.configTag}:${p.offset.count}`),
      ports: n.ports.map((p) => `${p.iface}:${p.state}`),
      instances: n.ptpInstances.length,
      nics: n.nics.map((nic) => `${nic.iface}:${nic.driver}:${nic.phcIndex}`),
    })),
    hierarchy: diagnosis.hierarchy.links.map((l) => `${l.node}<-${l.parentNode ?? '-'}:${l.source}`),
    findings: diagnosis.findings.map((f) => `${f.rule}@${f.subject.node ?? ''}`),
  };
}

describe('the Kubernetes source against `simulate` (the real client-node over HTTP)', () => {
  let cluster: LiveCluster;
  beforeAll(async () => {
    cluster = await liveCluster('demo');
  });
  afterAll(() => cluster.close());

  it('reads every node of the DaemonSet and diagnoses exactly as from the recorded snapshot', async () => {
    const live = await cluster.service().diagnose({ source: 'cluster' });
    const recorded = await createService().diagnose({ source: 'demo' });
    expect(live.nodes.map((n) => n.node)).toEqual([
      'bc-1',
      'bc-2',
      'gm-1',
      'worker-1',
      'worker-2',
      'worker-3',
    ]);
    expect(live.warnings).toEqual([]);
    expect(summary(live)).toEqual(summary(recorded));
    // Metrics came through the pod proxy, configs and pmc and ethtool through exec.
    const snapshot = await cluster.service().snapshot({ source: 'cluster', node: 'bc-2' });
    const node = snapshot.nodes[0]!;
    expect(node.metrics?.length).toBeGreaterThan(10);
    expect(node.configs.map((c) => c.file).sort()).toEqual([
      'phc2sys.1.config',
      'ptp4l.0.config',
      'ptp4l.1.config',
      'ts2phc.1.config',
    ]);
    expect(node.pmc.map((p) => p.configFile).sort()).toEqual(['ptp4l.0.config', 'ptp4l.1.config']);
    expect(node.nics.map((n) => n.iface)).toEqual(['ens2f0', 'ens2f1', 'ens2f2', 'ens2f3']);
  });

  it('reads one node only when asked, with the requests that node needs', async () => {
    const before = cluster.simulator.stats.byKind.exec ?? 0;
    const diagnosis = await cluster.service().diagnose({ source: 'cluster', node: 'worker-1' });
    expect(diagnosis.nodes.map((n) => n.node)).toEqual(['worker-1']);
    // ls, one tail of its two configs, one pmc, ethtool -T of one interface (its NodePtpDevice says
    // what ethtool -i would).
    expect((cluster.simulator.stats.byKind.exec ?? 0) - before).toBe(4);
  });

  it('asks the API server for only the recent part of the logs (sinceSeconds from the server’s now)', async () => {
    const service = cluster.service();
    const all = await service.snapshot({ source: 'cluster', node: 'worker-2' });
    const recent = await service.snapshot({
      source: 'cluster',
      node: 'worker-2',
      logs: { sinceSeconds: 60 },
    });
    // The demo was recorded at 08:05:00 and its worker-2 log covers five minutes: about a fifth remains.
    const [allLines, recentLines] = [all.nodes[0]!.logs!.lines.total, recent.nodes[0]!.logs!.lines.total];
    expect(recentLines).toBeGreaterThan(allLines * 0.1);
    expect(recentLines).toBeLessThan(allLines * 0.3);
    expect(recent.nodes[0]!.logs!.timeRange.last).toEqual(all.nodes[0]!.logs!.timeRange.last);
    const tail = await service.snapshot({ source: 'cluster', node: 'worker-2', logs: { tailLines: 50 } });
    expect(tail.nodes[0]!.logs!.lines.total).toBe(50);
  });

  it('narrows a node’s log to one profile by its config files’ tags', async () => {
    const service = cluster.service();
    const tr = await service.snapshot({ source: 'cluster', node: 'bc-1', profile: 't-bc_tbc-tr' });
    const tt = await service.snapshot({ source: 'cluster', node: 'bc-1', profile: 't-bc_tbc-tt' });
    const tags = (s: typeof tr) =>
      [...new Set(s.nodes[0]!.logs!.processes.map((p) => p.configTag).filter(Boolean))].sort();
    expect(tags(tr)).toEqual(['ptp4l.1.config', 'ts2phc.1.config']);
    expect(tags(tt)).toEqual(['ptp4l.0.config']);
  });

  it('names the context it read, and refuses an unknown one with the contexts there are', async () => {
    const live = await cluster.service().diagnose({ source: 'cluster:ptp-mcp-simulate', node: 'gm-1' });
    expect(live.meta.cluster).toBe('ptp-mcp-simulate');
    await expect(cluster.service().diagnose({ source: 'cluster:prod' })).rejects.toThrow(
      'no context "prod" in the kubeconfig; there are: ptp-mcp-simulate',
    );
  });
});

describe('commands on a node: the allowlist, live and recorded alike', () => {
  let cluster: LiveCluster;
  beforeAll(async () => {
    cluster = await liveCluster('demo');
  });
  afterAll(() => cluster.close());

  const PMC = ['pmc', '-u', '-b', '0', '-f', '/var/run/ptp4l.1.config', 'GET PARENT_DATA_SET'];

  it('runs pmc GET in the daemon container over exec, as the recording answers it', async () => {
    const live = await cluster.service().run('cluster', 'bc-1', PMC);
    const recorded = await createService().run('demo', 'bc-1', PMC);
    expect(live.exitCode).toBe(0);
    expect(live.stdout).toContain('PARENT_DATA_SET');
    expect(live).toEqual(recorded);
  });

  it('refuses anything off the allowlist before a request leaves the process', async () => {
    const before = cluster.simulator.stats.requests;
    await expect(cluster.service().run('cluster', 'bc-1', ['sh', '-c', 'reboot'])).rejects.toThrow(
      /sh is not an allowed program/,
    );
    await expect(
      cluster
        .service()
        .run('cluster', 'bc-1', ['pmc', '-u', '-f', '/var/run/ptp4l.1.config', 'SET PRIORITY1 1']),
    ).rejects.toThrow(/pmc requests must be GET/);
    expect(cluster.simulator.stats.requests).toBe(before);
  });

  it('says so when the node has no daemon pod', async () => {
    await expect(cluster.service().run('cluster', 'no-such-node', PMC)).rejects.toThrow(
      'no linuxptp-daemon pod on node "no-such-node" in ptp-mcp-simulate',
    );
  });
});
