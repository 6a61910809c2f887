import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { createService } from '../../../transports/composition-root.js';
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
      // The PHC index needs `ethtool -T`, which a diagnosis skips where the NodePtpDevice lists the port.
      nics: n.nics.map((nic) => `${nic.iface}:${nic.driver}:${nic.hardwareTimestamping}`),
    })),
    // Where each link comes from is compared on its own: a live diagnosis asks no pmc of a ptp4l whose log told.
    hierarchy: diagnosis.hierarchy.links.map(
      (l) =>
        `${l.node}<-${l.parentNode ?? '-'} gm ${l.grandmasterNode ?? '-'}/${l.grandmasterIdentity} steps ${l.stepsRemoved} class ${l.gmClockClass}${l.actingGrandmaster ? ' acting' : ''}`,
    ),
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
    // Metrics came through the pod proxy, pmc through exec; the configs the daemon printed in its log
    // are those it wrote (the recording's), and phc2sys's, whose profile sets none, is not read.
    const snapshot = await cluster.service().snapshot({ source: 'cluster', node: 'bc-2' });
    const node = snapshot.nodes[0]!;
    expect(node.metrics?.length).toBeGreaterThan(10);
    const recordedNode = (await createService().snapshot({ source: 'demo', node: 'bc-2' })).nodes[0]!;
    const configs = (n: typeof node) =>
      n.configs.map((c) => [c.file, c.config]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(configs(node)).toEqual(configs(recordedNode).filter(([file]) => file !== 'phc2sys.1.config'));
    expect(node.configs.map((c) => c.file)).toHaveLength(3);
    // pmc only of the time receiver: its controlled ptp4l told in the log (the next test).
    expect(node.pmc.map((p) => p.configFile)).toEqual(['ptp4l.1.config']);
    expect(node.nics.map((n) => n.iface)).toEqual(['ens2f0', 'ens2f1', 'ens2f2', 'ens2f3']);
  });

  it('asks no pmc of a ptp4l that only transmits time and named its clock: its log says what pmc would', async () => {
    const live = await cluster.service().diagnose({ source: 'cluster' });
    const recorded = await createService().diagnose({ source: 'demo' });
    // The T-GM's ptp4l and each T-BC's controlled ptp4l (serverOnly ports, `selected local clock`, and for the
    // T-BC the daemon's EXTERNAL_GRANDMASTER_PROPERTIES_NP): what the hierarchy reads of them equals the
    // recording's pmc answers, bc-2's after it announced itself in holdover.
    const told = (d: Diagnosis, source: string) =>
      d.nodes.flatMap((n) =>
        n.ptpInstances
          .filter((i) => i.configFile === 'ptp4l.0.config' && ['gm-1', 'bc-1', 'bc-2'].includes(n.node))
          .map((i) => ({
            node: n.node,
            source,
            clockIdentity: i.clockIdentity,
            parent: i.parentPortIdentity,
            grandmaster: i.grandmasterIdentity,
            gmClockClass: i.gmClockClass,
            stepsRemoved: i.stepsRemoved,
            ports: i.ports,
          })),
      );
    expect(told(live, 'logs')).toEqual(told(recorded, 'pmc').map((i) => ({ ...i, source: 'logs' })));
    expect(
      live.nodes.flatMap((n) => n.ptpInstances.map((i) => `${n.node} ${i.configFile} ${i.source}`)),
    ).toEqual([
      'bc-1 ptp4l.0.config logs',
      'bc-1 ptp4l.1.config pmc',
      'bc-2 ptp4l.0.config logs',
      'bc-2 ptp4l.1.config pmc',
      'gm-1 ptp4l.0.config logs',
      'worker-1 ptp4l.0.config pmc',
      'worker-2 ptp4l.0.config pmc',
      'worker-3 ptp4l.0.config pmc',
    ]);
    // A link whose clock is its own grandmaster now says it comes from the logs.
    expect(live.hierarchy.links.map((l) => `${l.node}:${l.source}`)).toEqual(
      recorded.hierarchy.links.map(
        (l) => `${l.node}:${['gm-1', 'bc-2'].includes(l.node) ? 'logs' : l.source}`,
      ),
    );
  });

  it('reads one node only when asked, with the requests that node needs', async () => {
    const before = cluster.simulator.stats.byKind.exec ?? 0;
    const diagnosis = await cluster.service().diagnose({ source: 'cluster', node: 'worker-1' });
    expect(diagnosis.nodes.map((n) => n.node)).toEqual(['worker-1']);
    // One pmc: its configs are printed in its daemon log, and its NodePtpDevice says what ethtool -i
    // and -T would (driver, firmware, bus; hardware time stamping).
    expect((cluster.simulator.stats.byKind.exec ?? 0) - before).toBe(1);
    expect(diagnosis.nodes[0]!.nics.map((n) => [n.iface, n.hardwareTimestamping])).toEqual([
      ['ens1f0', true],
    ]);
  });

  it('asks for no exec at all when exec is off (a server without --allow-exec), and says what that leaves out', async () => {
    const before = cluster.simulator.stats.byKind.exec ?? 0;
    const diagnosis = await cluster.service({ exec: false }).diagnose({ source: 'cluster', node: 'bc-1' });
    expect((cluster.simulator.stats.byKind.exec ?? 0) - before).toBe(0);
    expect(diagnosis.warnings.map((w) => w.message)).toEqual([
      'no pods/exec (the server runs without --allow-exec): no pmc answers or ethtool output; configs only as the daemon logs print them',
    ]);
    // Without the time receiver's pmc the logs alone link the node (its controlled ptp4l is not made up).
    expect(diagnosis.nodes[0]!.ptpInstances).toEqual([]);
    expect(diagnosis.nodes[0]!.role).toBe('T-BC');
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
    // Configs from the whole log, as the daemon printed them; the recent part no longer holds them, so
    // they are read by exec (`ls /var/run`, then one `tail` of them all: phc2sys's as well).
    const files = (s: typeof all) => s.nodes[0]!.configs.map((c) => c.file).sort();
    expect(files(all)).toEqual(['ptp4l.0.config']);
    expect(files(recent)).toEqual(['phc2sys.0.config', 'ptp4l.0.config']);
    expect(recent.nodes[0]!.configs.find((c) => c.file === 'ptp4l.0.config')!.config).toEqual(
      all.nodes[0]!.configs[0]!.config,
    );
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
