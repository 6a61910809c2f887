import { expect, it } from 'vitest';
import { gmDies } from '../scenarios/gm-dies.js';
import { faultFindingsOf, findingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario gm-dies on real ptp4l 3.1.1 (fixtures/lab/gm-dies/README.md): the T-GM is killed; the
 * T-BC's upstream port times out and the T-BC, not slave-only, becomes the grandmaster of the T-TSC.
 * An expert: the loss of the grandmaster is critical, the T-BC lost its upstream (an open sync loss),
 * the T-TSC now follows a free-running clock (class 248).
 */
export const gmDiesSuite: LabSuite = {
  scenario: gmDies,
  tests(run) {
    it('the T-BC, diagnosed on its host: upstream lost (critical), an open sync loss on the announce timeout', () => {
      const bc = nodeOf(run().hosts.bc!, 'bc');
      expect(bc.role).toBe('T-BC');
      expect(faultFindingsOf(run().hosts.bc!, 'bc')).toEqual([
        'fault/clock-class-freerun critical',
        'fault/freerun critical',
        'fault/upstream-lost critical',
      ]);
      expect(bc.episodes.syncLoss).toMatchObject([
        { ongoing: true, cause: 'UNCALIBRATED to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES' },
      ]);
      expect(bc.grandmaster).toMatchObject({ identity: run().identities.bc, local: true });
      expect(run().hosts.bc!.health.nodes.bc).toBe('CRITICAL');
    });

    it('the T-TSC, diagnosed on its host: its grandmaster is now the T-BC, class 248, one step away', () => {
      const tsc = nodeOf(run().hosts.tsc!, 'tsc');
      expect(tsc.role).toBe('T-TSC');
      expect(tsc.grandmaster?.identity).toBe(run().identities.bc);
      expect(tsc.grandmaster?.changes).toBeGreaterThanOrEqual(2);
      expect(run().hosts.tsc!.hierarchy.links).toMatchObject([
        { node: 'tsc', stepsRemoved: 1, gmClockClass: 248 },
      ]);
    });

    it('the recording (the dead T-GM partial): bc is its own grandmaster, tsc follows it', () => {
      expect(run().complete).toBe(false);
      expect(run().assembled.meta.partial).not.toBeNull();
      expect(hierarchyOf(run().assembled)).toEqual(
        expect.arrayContaining(['bc <- - (0, 248, bc)', 'tsc <- bc (1, 248, bc)']),
      );
      expect(findingsOf(run().assembled, 'bc')).toContain('fault/upstream-lost critical');
      expect(faultFindingsOf(run().assembled)).toEqual(['fault/no-locked-grandmaster critical']);
      expect(faultFindingsOf(run().assembled, 'tsc')).toEqual([]);
      expect(run().assembled.health.cluster).toBe('CRITICAL');
    });
  },
};
