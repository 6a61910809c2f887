import { describe, expect, it } from 'vitest';
import { createService } from '../../../transports/composition-root.js';

/**
 * What the runtime packs (fault-severity, clock-class-fallback) find in each scenario: exactly these,
 * as `severity rule@node`. Each scenario's README tells the story the findings must match.
 */
const EXPECTED: Record<string, string[]> = {
  demo: [
    'critical fault/port-faulty-now@bc-2',
    'critical fault/upstream-lost@bc-2',
    'moderate fault/clock-class-degraded@bc-2',
    'moderate fault/holdover-active@bc-2',
    'moderate fault/offset-beyond-threshold@worker-2',
    'moderate fault/port-faults@worker-2',
    'moderate fault/port-flapping@worker-2',
    'moderate fault/tx-timestamp-timeouts@worker-2',
    'minor fault/daemon-restarts@worker-2',
    // phc2sys beyond ptpClockThreshold: os-clock-sync-state, not the PTP lock-state (cloud-event-proxy metrics.go).
    'minor fault/os-clock-offset-beyond-threshold@worker-2',
  ],
  healthy: [],
  'gnss-loss': [
    'critical fault/no-locked-grandmaster@cluster',
    'critical fault/gnss-lost@gm-1',
    'moderate fault/clock-class-degraded@gm-1',
    'moderate fault/holdover-active@gm-1',
  ],
  'holdover-freerun': [
    'critical fault/clock-class-freerun@bc-1',
    'critical fault/dpll-unlocked@bc-1',
    'critical fault/freerun@bc-1',
    'critical fault/holdover-expired@bc-1',
    'critical fault/port-faulty-now@bc-1',
    'critical fault/upstream-lost@bc-1',
    'critical fault/freerun@worker-1',
    'critical fault/upstream-lost@worker-1',
    'moderate fault/class-threshold-rejections@worker-1',
  ],
  'port-fault': [
    'moderate fault/offset-beyond-threshold@worker-1',
    'moderate fault/port-faults@worker-1',
    'moderate fault/port-flapping@worker-1',
    'moderate fault/tx-timestamp-timeouts@worker-1',
    'minor fault/os-clock-offset-beyond-threshold@worker-1',
  ],
  // The daemon's clock_state gauge says FREERUN (offsets beyond ptpClockThreshold): it outranks the servo's s2.
  'offset-threshold': ['critical fault/freerun@worker-1', 'moderate fault/offset-beyond-threshold@worker-1'],
  'process-restart': [
    'moderate fault/offset-beyond-threshold@worker-1',
    'moderate fault/port-flapping@worker-1',
    'moderate fault/process-restarts@worker-1',
    'minor fault/os-clock-offset-beyond-threshold@worker-1',
  ],
  'clock-jump': ['moderate fault/clock-jumps@worker-1'],
  'gm-change': [
    'critical fault/gnss-lost@gm-1',
    'moderate fault/clock-class-degraded@gm-1',
    'moderate fault/holdover-active@gm-1',
    'moderate fault/offset-beyond-threshold@worker-1',
    'minor fault/os-clock-offset-beyond-threshold@worker-1',
  ],
  'config-mismatch': ['critical fault/phc2sys-waiting@worker-1'],
  // bc-1 at 90 % of its 60 s in-spec budget (135), bc-2 past it (165, not traceable); worker-1's threshold 7
  // ignores bc-1's class 135 (the gm-follower profile behind a T-BC).
  'holdover-budget': [
    'critical fault/holdover-long@bc-1',
    'critical fault/port-faulty-now@bc-1',
    'critical fault/upstream-lost@bc-1',
    'critical fault/clock-class-not-traceable@bc-2',
    'critical fault/holdover-long@bc-2',
    'critical fault/port-faulty-now@bc-2',
    'critical fault/upstream-lost@bc-2',
    'critical fault/freerun@worker-1',
    'critical fault/upstream-lost@worker-1',
    'moderate fault/clock-class-degraded@bc-1',
    'moderate fault/holdover-active@bc-1',
    'moderate fault/holdover-active@bc-2',
    'moderate fault/class-threshold-too-low@worker-1',
  ],
  // One-profile boundary clock with a static clockClass 6 and no T-BC state machine: it keeps class 6 with no upstream.
  'tbc-static-class': [
    'critical class/tbc-originates-gm-class@bc-1',
    'critical fault/freerun@bc-1',
    'critical fault/port-faulty-now@bc-1',
    'critical fault/upstream-lost@bc-1',
  ],
  // Nodes that cannot follow gm-1, each for a real cause (fixtures/clusters/node-faults/README.md): worker-2's
  // profile names an interface its NIC lacks and worker-3's virtio NIC has no hardware time stamps (ptp4l
  // exits, the daemon recreates it every second); worker-4's recommended profile is defined nowhere;
  // worker-5's daemon pod never ran; worker-6 is not slave-only and hears no Announce (its port MASTER, no
  // upstream); worker-7 has free_running 1 (servo s0 for good, its offset drifting); worker-1 is locked but
  // its sidecar cannot deliver events to a consumer.
  'node-faults': [
    'critical fault/interface-absent@worker-2',
    'critical fault/process-down@worker-2',
    'critical fault/process-down@worker-3',
    'critical fault/profile-missing@worker-4',
    'critical fault/upstream-lost@worker-6',
    'critical fault/freerun@worker-7',
    'moderate fault/event-delivery-errors@worker-1',
    'moderate fault/process-restarts@worker-2',
    'moderate fault/software-timestamping@worker-3',
    'moderate fault/process-restarts@worker-3',
    'moderate fault/no-data@worker-5',
    'moderate class/tsc-not-slave-only@worker-6',
    'moderate fault/offset-beyond-threshold@worker-7',
    'moderate fault/servo-unlocked@worker-7',
  ],
};

describe('the runtime packs over the scenarios', () => {
  const service = createService();

  for (const [scenario, expected] of Object.entries(EXPECTED)) {
    it(`${scenario}: ${expected.length} finding(s), worst first`, async () => {
      const diagnosis = await service.diagnose({ source: `scenario:${scenario}` });
      const found = diagnosis.findings.map((f) => `${f.severity} ${f.rule}@${f.subject.node ?? 'cluster'}`);
      expect(found).toEqual(expected);
      const worst = expected[0]?.split(' ')[0]?.toUpperCase() ?? 'HEALTHY';
      expect(diagnosis.health.cluster).toBe(worst);
    });
  }

  it('says why a process is down: what ptp4l printed before the daemon reported it (node-faults)', async () => {
    const diagnosis = await service.diagnose({ source: 'scenario:node-faults' });
    const down = diagnosis.findings.filter((f) => f.rule === 'fault/process-down');
    expect(down.map((f) => f.message)).toEqual([
      expect.stringContaining('after "ioctl SIOCETHTOOL failed: No such device"'),
      expect.stringContaining(`after "interface 'enp1s0' does not support requested timestamping mode"`),
    ]);
    for (const finding of down) expect(finding.message).not.toContain('?');
  });

  it('judges only the last minutes when asked: the early port faults of worker-2 drop out', async () => {
    const all = await service.diagnose({ source: 'demo', node: 'worker-2' });
    const late = await service.diagnose({ source: 'demo', node: 'worker-2', lastMs: 30_000 });
    expect(all.findings.map((f) => f.rule)).toContain('fault/port-faults');
    expect(late.findings.length).toBeLessThan(all.findings.length);
  });
});
