import { describe, expect, it } from 'vitest';
import { createService } from '../../../core/container.js';

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

  it('judges only the last minutes when asked: the early port faults of worker-2 drop out', async () => {
    const all = await service.diagnose({ source: 'demo', node: 'worker-2' });
    const late = await service.diagnose({ source: 'demo', node: 'worker-2', lastMs: 30_000 });
    expect(all.findings.map((f) => f.rule)).toContain('fault/port-faults');
    expect(late.findings.length).toBeLessThan(all.findings.length);
  });
});
