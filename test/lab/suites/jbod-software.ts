import { expect, it } from 'vitest';
import { jbodSoftware } from '../scenarios/jbod-software.js';
import { faultFindingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario jbod-software on real ptp4l 3.1.1 (fixtures/lab/jbod-software/README.md): a two-port T-BC
 * with boundary_clock_jbod 1 and software time stamping. Its upstream port faults with FT_SWITCH_PHC the
 * moment it turns UNCALIBRATED and stays FAULTY; the T-BC makes itself the grandmaster of the T-TSC.
 * An expert: a critical fault of the T-BC, caused by jbod without a PHC on linuxptp before 4.0.
 */
export const jbodSoftwareSuite: LabSuite = {
  scenario: jbodSoftware,
  tests(run) {
    it('the T-BC on its host: critical, the cause named (jbod without a PHC), its upstream port FAULTY for good', () => {
      const bc = nodeOf(run().hosts.bc!, 'bc');
      expect(bc.role).toBe('T-BC');
      expect(bc.ports).toMatchObject([
        { port: 1, state: 'FAULTY' },
        { port: 2, state: 'MASTER' },
      ]);
      // It serves the T-TSC as a grandmaster of its default class 248 (pmc): no reference, critical too.
      expect(faultFindingsOf(run().hosts.bc!, 'bc').sort()).toEqual([
        'fault/clock-class-freerun critical',
        'fault/freerun critical',
        'fault/jbod-switch-phc critical',
        'fault/port-faulty-now critical',
        'fault/upstream-lost critical',
      ]);
      const cause = run().hosts.bc!.findings.find((f) => f.rule === 'fault/port-faulty-now')?.message;
      expect(cause).toContain('UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_SWITCH_PHC)');
      expect(cause).toContain('"Switching PHC, failed to open /dev/ptp-1: No such file or directory"');
      // The timescale warning printed just before is the master's trait, not the cause.
      expect(cause).not.toContain('PTP timescale');
      expect(bc.episodes.syncLoss).toMatchObject([
        { ongoing: true, cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_SWITCH_PHC)' },
      ]);
      expect(bc.grandmaster).toMatchObject({ identity: run().identities.bc, local: true });
      expect(run().hosts.bc!.health.nodes.bc).toBe('CRITICAL');
    });

    it('the T-TSC on its host: it follows the T-BC as its grandmaster, class 248, one step away', () => {
      const tsc = nodeOf(run().hosts.tsc!, 'tsc');
      expect(tsc.grandmaster?.identity).toBe(run().identities.bc);
      expect(run().hosts.tsc!.hierarchy.links).toMatchObject([
        { node: 'tsc', stepsRemoved: 1, gmClockClass: 248 },
      ]);
      expect(faultFindingsOf(run().hosts.tsc!, 'tsc')).toEqual([]);
    });

    it('the snapshot of the three: the T-GM serves nobody, the T-BC is the grandmaster of the T-TSC', () => {
      expect(run().complete).toBe(true);
      expect(hierarchyOf(run().assembled)).toEqual([
        'bc <- - (0, 248, bc)',
        'gm <- - (0, 6, gm)',
        'tsc <- bc (1, 248, bc)',
      ]);
      expect(faultFindingsOf(run().assembled, 'bc')).toContain('fault/jbod-switch-phc critical');
      expect(faultFindingsOf(run().assembled, 'gm')).toEqual([]);
      expect(run().assembled.health.nodes.bc).toBe('CRITICAL');
    });
  },
};
