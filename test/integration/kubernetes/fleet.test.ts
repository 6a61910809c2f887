import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { createService } from '../../../transports/composition-root.js';
import { type LiveCluster, liveCluster } from './simulated-cluster.js';

/** What a diagnosis says of one node, without its name (a fleet's copies are named `<original>-<k>`). */
function nodeSummary(diagnosis: Diagnosis, node: string) {
  const n = diagnosis.nodes.find((entry) => entry.node === node)!;
  return {
    role: n.role,
    sync: n.syncState,
    clockClass: n.clockClass.current,
    processes: n.processes.map((p) => `${p.name}/${p.configTag}:${p.offset.count}:${p.offset.max}`),
    ports: n.ports.map((p) => `${p.iface}:${p.state}`),
    nics: n.nics.map((nic) => `${nic.iface}:${nic.driver}:${nic.firmware}:${nic.hardwareTimestamping}`),
    findings: diagnosis.findings.filter((f) => f.subject.node === node).map((f) => f.rule),
  };
}

describe('a fleet of 30 copies of the demo site through the Kubernetes API', () => {
  let cluster: LiveCluster;
  beforeAll(async () => {
    cluster = await liveCluster('demo', { nodes: 30 });
  });
  afterAll(() => cluster.close());

  it('diagnoses every copy as its original is diagnosed from the recording, with few execs per node', async () => {
    const live = await cluster.service({ concurrency: 3 }).diagnose({ source: 'cluster' });
    const recorded = await createService().diagnose({ source: 'demo' });
    expect(live.nodes).toHaveLength(30);
    expect(live.warnings).toEqual([]);
    for (const node of live.nodes) {
      const original = node.node.replace(/-\d+$/, '');
      expect(nodeSummary(live, node.node), node.node).toEqual(nodeSummary(recorded, original));
    }
    const { exec, log, proxy } = cluster.simulator.stats.byKind;
    // Per copy of the site (six nodes): one pmc per time-receiving ptp4l (each T-BC's and worker's: 5), and
    // nothing else: the T-GM's and the T-BCs' controlled ptp4l only transmit time and named their clocks in
    // the log, the configs are printed there too, and the NodePtpDevices say what `ethtool -i` and `-T` would.
    expect(exec).toBe(5 * 5);
    expect(log).toBe(30 * 2);
    expect(proxy).toBe(30);
  });
});
