import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../core/model/diagnosis.js';
import { packageRoot } from '../../core/package-root.js';
import { faultFindingsOf, hierarchyOf, nodeOf } from './scenarios/live-run.js';
import { diagnoseFolder } from './topology/ptp-mcp-cli.js';

/**
 * The lab's committed recordings of real ptp4l 3.1.1 (fixtures/lab/<scenario>/, each with its README),
 * diagnosed without root or linuxptp: the same conclusions as the live lab tests, on every machine.
 */
const diagnose = async (scenario: string, partial = false): Promise<Diagnosis> => {
  const result = await diagnoseFolder(join(packageRoot(), 'fixtures', 'lab', scenario), 'json', partial);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Diagnosis;
};

describe('lab recordings of real ptp4l 3.1.1', () => {
  it('gm-dies: the T-BC lost its upstream (critical) and became the grandmaster of the T-TSC', async () => {
    const d = await diagnose('gm-dies', true);
    expect(d.meta.partial?.reasons.join()).toContain('node gm');
    expect(faultFindingsOf(d, 'bc')).toEqual([
      'fault/clock-class-freerun critical',
      'fault/freerun critical',
      'fault/upstream-lost critical',
    ]);
    expect(faultFindingsOf(d, 'tsc')).toEqual([]);
    expect(faultFindingsOf(d)).toEqual(['fault/no-locked-grandmaster critical']);
    expect(nodeOf(d, 'bc').episodes.syncLoss).toMatchObject([
      { ongoing: true, cause: 'UNCALIBRATED to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES' },
    ]);
    expect(hierarchyOf(d)).toEqual(
      expect.arrayContaining(['bc <- - (0, 248, bc)', 'tsc <- bc (1, 248, bc)']),
    );
  });

  it('gm-class-degrades: gm → bc → tsc, class 248 from pmc at gm and bc: free-run, critical', async () => {
    const d = await diagnose('gm-class-degrades');
    expect(hierarchyOf(d)).toEqual([
      'bc <- gm (1, 248, gm)',
      'gm <- - (0, 248, gm)',
      'tsc <- bc (2, 248, gm)',
    ]);
    expect(d.nodes.map((n) => [n.node, n.clockClass.current, n.clockClass.source])).toEqual([
      ['bc', 248, 'pmc'],
      ['gm', 248, 'pmc'],
      ['tsc', 255, 'pmc'],
    ]);
    expect(faultFindingsOf(d, 'gm')).toEqual([
      'fault/clock-class-freerun critical',
      'fault/freerun critical',
    ]);
    expect(faultFindingsOf(d, 'bc')).toEqual(['fault/clock-class-freerun critical']);
    expect(faultFindingsOf(d, 'tsc')).toEqual([]);
  });

  it('link-flap: one recovered sync-loss episode of about 4 s at the T-TSC', async () => {
    const d = await diagnose('link-flap');
    const [loss, ...more] = nodeOf(d, 'tsc').episodes.syncLoss;
    expect(more).toEqual([]);
    // tsc-bc went down at 1633.88 and tsc was UNCALIBRATED again at 1637.896 (README).
    expect(loss).toMatchObject({
      ongoing: false,
      cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)',
    });
    expect(loss!.durationMs).toBeGreaterThan(3_900);
    expect(loss!.durationMs).toBeLessThan(4_200);
    expect(faultFindingsOf(d, 'tsc')).toEqual(['fault/port-faults moderate']);
    expect(nodeOf(d, 'bc').episodes.syncLoss).toEqual([]);
  });

  it('better-gm-joins: a grandmaster change, not a fault', async () => {
    const d = await diagnose('better-gm-joins');
    for (const node of ['gm', 'gm2', 'bc', 'tsc']) expect(faultFindingsOf(d, node)).toEqual([]);
    expect(faultFindingsOf(d)).toEqual([]);
    for (const node of ['bc', 'tsc']) expect(nodeOf(d, node).episodes.syncLoss).toEqual([]);
    expect(hierarchyOf(d)).toEqual(
      expect.arrayContaining(['bc <- gm2 (1, 6, gm2)', 'tsc <- bc (2, 6, gm2)']),
    );
  });
});

describe('lab recordings of real ptp4l 3.1.1: faults 5-8', () => {
  it('domain-mismatch: the T-TSC never gets a master; the snapshot names the domain nobody serves', async () => {
    const d = await diagnose('domain-mismatch');
    expect(faultFindingsOf(d, 'tsc').sort()).toEqual([
      'fault/domain-mismatch critical',
      'fault/freerun critical',
      'fault/upstream-lost critical',
    ]);
    expect(hierarchyOf(d)).toContain('tsc <- - (0, 255, tsc)');
  });

  it('transport-mismatch: the same on the T-TSC, the transport named', async () => {
    const d = await diagnose('transport-mismatch');
    expect(faultFindingsOf(d, 'tsc').sort()).toEqual([
      'fault/freerun critical',
      'fault/transport-mismatch critical',
      'fault/upstream-lost critical',
    ]);
  });

  it('jbod-software: the T-BC critical with its cause, the T-TSC following it as grandmaster', async () => {
    const d = await diagnose('jbod-software');
    expect(faultFindingsOf(d, 'bc').sort()).toEqual([
      'fault/clock-class-freerun critical',
      'fault/freerun critical',
      'fault/jbod-switch-phc critical',
      'fault/port-faulty-now critical',
      'fault/upstream-lost critical',
    ]);
    expect(hierarchyOf(d)).toEqual(['bc <- - (0, 248, bc)', 'gm <- - (0, 6, gm)', 'tsc <- bc (1, 248, bc)']);
  });

  it('bc-upstream-loss: the T-BC lost its upstream (an open sync loss) and keeps serving the T-TSC', async () => {
    const d = await diagnose('bc-upstream-loss');
    expect(faultFindingsOf(d, 'bc').sort()).toEqual([
      'fault/clock-class-freerun critical',
      'fault/freerun critical',
      'fault/port-faulty-now critical',
      'fault/upstream-lost critical',
    ]);
    expect(nodeOf(d, 'bc').episodes.syncLoss).toMatchObject([
      { ongoing: true, cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)' },
    ]);
    expect(faultFindingsOf(d, 'tsc')).toEqual([]);
    expect(hierarchyOf(d)).toEqual(['bc <- - (0, 248, bc)', 'gm <- - (0, 6, gm)', 'tsc <- bc (1, 248, bc)']);
  });
});
