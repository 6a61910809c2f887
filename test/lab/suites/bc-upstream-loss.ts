import { expect, it } from 'vitest';
import { bcUpstreamLoss } from '../scenarios/bc-upstream-loss.js';
import { faultFindingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario bc-upstream-loss on real ptp4l 3.1.1 (fixtures/lab/bc-upstream-loss/README.md): the link
 * between the T-GM and the T-BC goes down and stays down. The T-BC keeps serving: it becomes the
 * grandmaster of the T-TSC with its own class 248 (plain ptp4l has no holdover class). An expert: the
 * T-BC's loss is critical (an open sync loss, its port FAULTY on the link-down); the T-TSC keeps its
 * master and is two steps nearer a grandmaster that has no reference.
 */
export const bcUpstreamLossSuite: LabSuite = {
  scenario: bcUpstreamLoss,
  tests(run) {
    it('the T-BC on its host: upstream lost (critical), its port FAULTY on the link-down, an open sync loss', () => {
      const bc = nodeOf(run().hosts.bc!, 'bc');
      expect(bc.role).toBe('T-BC');
      // It announces its own default class 248 (pmc): a T-BC with no reference, critical.
      expect(faultFindingsOf(run().hosts.bc!, 'bc').sort()).toEqual([
        'fault/clock-class-freerun critical',
        'fault/freerun critical',
        'fault/port-faulty-now critical',
        'fault/upstream-lost critical',
      ]);
      expect(run().hosts.bc!.findings.find((f) => f.rule === 'fault/port-faulty-now')?.message).toContain(
        'link down',
      );
      expect(bc.episodes.syncLoss).toMatchObject([
        { ongoing: true, cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)' },
      ]);
      expect(bc.ports).toMatchObject([
        { port: 1, state: 'FAULTY' },
        { port: 2, state: 'MASTER' },
      ]);
      expect(bc.grandmaster).toMatchObject({ identity: run().identities.bc, local: true });
      expect(run().hosts.bc!.hierarchy.links).toMatchObject([
        { node: 'bc', stepsRemoved: 0, gmClockClass: 248 },
      ]);
    });

    it('the T-TSC on its host: same master port, the T-BC now its grandmaster (248), stepsRemoved 1', () => {
      const tsc = nodeOf(run().hosts.tsc!, 'tsc');
      expect(tsc.ports).toMatchObject([{ port: 1, state: 'UNCALIBRATED', transitions: 2 }]);
      expect(tsc.grandmaster).toMatchObject({ identity: run().identities.bc, local: false });
      expect(tsc.grandmaster?.changes).toBeGreaterThanOrEqual(2);
      expect(tsc.episodes.syncLoss).toEqual([]);
      expect(faultFindingsOf(run().hosts.tsc!, 'tsc')).toEqual([]);
      expect(run().hosts.tsc!.hierarchy.links).toMatchObject([
        { node: 'tsc', stepsRemoved: 1, gmClockClass: 248 },
      ]);
    });

    it('the snapshot of the three: GM alone, T-BC → T-TSC, the link-down seen at both ends', () => {
      expect(run().complete).toBe(true);
      expect(hierarchyOf(run().assembled)).toEqual([
        'bc <- - (0, 248, bc)',
        'gm <- - (0, 6, gm)',
        'tsc <- bc (1, 248, bc)',
      ]);
      expect(faultFindingsOf(run().assembled, 'gm')).toEqual(['fault/port-faulty-now critical']);
      expect(faultFindingsOf(run().assembled, 'tsc')).toEqual([]);
      expect(run().assembled.health.nodes.bc).toBe('CRITICAL');
    });
  },
};
