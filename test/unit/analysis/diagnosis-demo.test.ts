import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import { createService } from '../../../transports/composition-root.js';

let demo: Diagnosis;
const node = (name: string) => demo.nodes.find((n) => n.node === name)!;

beforeAll(async () => {
  demo = await createService().diagnose({ source: 'demo' });
});

describe('diagnosis of the demo cluster', () => {
  it('derives each node’s role from the profiles the operator applies to it', () => {
    expect(Object.fromEntries(demo.nodes.map((n) => [n.node, n.role]))).toEqual({
      'gm-1': 'T-GM',
      'bc-1': 'T-BC',
      'bc-2': 'T-BC',
      'worker-1': 'T-TSC',
      'worker-2': 'T-TSC',
      'worker-3': 'T-TSC',
    });
    expect(node('bc-1').profiles.map((p) => p.name)).toEqual(['t-bc_tbc-tr', 't-bc_tbc-tt']);
  });

  it('sees bc-2 in holdover since its upstream port went FAULTY, class 135', () => {
    const bc2 = node('bc-2');
    expect(bc2.syncState).toBe('HOLDOVER');
    expect(bc2.clockClass).toMatchObject({ current: 135, source: 'logs' });
    expect(bc2.episodes.holdover).toMatchObject([{ source: 'T-BC-STATUS', outcome: 'ongoing' }]);
    expect(bc2.episodes.holdover[0]!.durationMs).toBeGreaterThan(100_000);
    expect(bc2.episodes.syncLoss).toMatchObject([
      { iface: 'ens2f1', ongoing: true, cause: expect.stringMatching(/^SLAVE to FAULTY/) },
    ]);
  });

  it('sees worker-2’s port flap seven times on tx timestamp time-outs', () => {
    const worker2 = node('worker-2');
    expect(worker2.episodes.syncLoss).toHaveLength(7);
    expect(worker2.faults.filter((f) => f.kind === 'txTimestampTimeout').length).toBeGreaterThan(0);
    expect(worker2.processes.find((p) => p.name === 'ptp4l')!.recent).toMatchObject({ from: 'summaries' });
  });

  it('builds the hierarchy from the pmc answers: gm-1 → bc-1 → workers 1 and 2; bc-2 → worker-3', () => {
    const parent = Object.fromEntries(demo.hierarchy.links.map((l) => [l.node, l.parentNode]));
    expect(parent).toEqual({
      'gm-1': null,
      'bc-1': 'gm-1',
      'bc-2': null,
      'worker-1': 'bc-1',
      'worker-2': 'bc-1',
      'worker-3': 'bc-2',
    });
    expect(demo.hierarchy.roots).toEqual(['gm-1', 'bc-2']);
    // bc-2's T-BC state machine is in HOLDOVER: the daemon announces it downstream as the grandmaster
    // itself (event_tbc.go announceLocalData: EXTERNAL_GRANDMASTER_PROPERTIES_NP, stepsRemoved 0).
    const bc2 = demo.hierarchy.links.find((l) => l.node === 'bc-2')!;
    expect(bc2).toMatchObject({ actingGrandmaster: true, grandmasterNode: 'bc-2', stepsRemoved: 0 });
    const worker3 = demo.hierarchy.links.find((l) => l.node === 'worker-3')!;
    expect(worker3).toMatchObject({
      source: 'pmc',
      grandmasterNode: 'bc-2',
      grandmasterIdentity: bc2.grandmasterIdentity,
      stepsRemoved: 1,
      gmClockClass: 135,
    });
    // The node's own grandmaster is that announced identity, not the one its time-receiver ptp4l selected
    // for itself when its upstream went away (`selected local clock …`): what its follower sees.
    expect(node('bc-2').grandmaster).toMatchObject({ identity: bc2.grandmasterIdentity, local: true });
    expect(demo.nodes.find((n) => n.node === 'worker-3')!.grandmaster?.identity).toBe(
      bc2.grandmasterIdentity,
    );
  });

  it('reads times from the data: nothing after the recording', () => {
    const last = demo.meta.dataRange.last!.wall!;
    expect(new Date(last).toISOString()).toMatch(/^2026-11-20T08:04:59/);
    for (const n of demo.nodes) expect(n.timeRange.last!.wall!).toBeLessThanOrEqual(last);
  });

  it('keeps NIC facts from ethtool: the E810 ports share one PHC', () => {
    const phcs = new Set(node('gm-1').nics.map((nic) => nic.phcIndex));
    expect(phcs.size).toBe(1);
    expect(node('gm-1').nics[0]).toMatchObject({ driver: 'ice', hardwareTimestamping: true });
  });
});

describe('diagnosis of the fault scenarios', () => {
  it('gnss-loss: the T-GM goes to holdover at class 7', async () => {
    const diagnosis = await createService().diagnose({ source: 'scenario:gnss-loss' });
    const gm = diagnosis.nodes.find((n) => n.node === 'gm-1')!;
    expect(gm).toMatchObject({ syncState: 'HOLDOVER', clockClass: { current: 7 } });
    expect(gm.processes.find((p) => p.name === 'gnss')!.ifaceStates[0]!.state).toBe('FREERUN');
  });

  it('holdover-freerun: the T-BC holdover runs out, class 248', async () => {
    const diagnosis = await createService().diagnose({ source: 'scenario:holdover-freerun' });
    const bc = diagnosis.nodes.find((n) => n.node === 'bc-1')!;
    expect(bc).toMatchObject({ syncState: 'FREERUN', clockClass: { current: 248 } });
    expect(bc.episodes.holdover.map((e) => e.outcome)).toEqual(['freerun']);
  });

  it('--last restricts offset statistics to the end of the data', async () => {
    const whole = await createService().diagnose({ source: 'scenario:offset-threshold', node: 'worker-1' });
    const last = await createService().diagnose({
      source: 'scenario:offset-threshold',
      node: 'worker-1',
      lastMs: 30_000,
    });
    const offsets = (d: Diagnosis) => d.nodes[0]!.processes.find((p) => p.name === 'ptp4l')!.offset;
    expect(offsets(last).count).toBeLessThan(offsets(whole).count);
    expect(offsets(last).count).toBeGreaterThan(0);
  });
});
