import { expect, it } from 'vitest';
import { betterGmJoins } from '../scenarios/better-gm-joins.js';
import { faultFindingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario better-gm-joins on real ptp4l 3.1.1 (fixtures/lab/better-gm-joins/README.md): a T-GM of
 * priority1 5 joins the first T-GM's segment (a bridge). The BMCA moves the T-BC and the T-TSC to it
 * without a port leaving UNCALIBRATED; the first T-GM's port goes MASTER to PASSIVE on RS_PASSIVE. An
 * expert: a grandmaster change, not a fault: no sync loss, no port fault, nothing lost upstream.
 */
export const betterGmJoinsSuite: LabSuite = {
  scenario: betterGmJoins,
  tests(run) {
    it('the T-BC and the T-TSC, diagnosed on their hosts: the new grandmaster, no sync loss, no fault', () => {
      for (const node of ['bc', 'tsc']) {
        const status = nodeOf(run().hosts[node]!, node);
        expect(status.grandmaster).toMatchObject({ identity: run().identities.gm2, local: false });
        expect(status.grandmaster?.changes).toBeGreaterThanOrEqual(2);
        expect(status.episodes.syncLoss).toEqual([]);
        expect(faultFindingsOf(run().hosts[node]!, node)).toEqual([]);
      }
    });

    // A PASSIVE port leaves the parent data set as it was (linuxptp clock.c: only RS_SLAVE and
    // RS_GRAND_MASTER update it), so pmc still names the first T-GM its own grandmaster: a standby.
    it('the first T-GM, diagnosed on its host: PASSIVE under the better one, a standby', () => {
      const gm = nodeOf(run().hosts.gm!, 'gm');
      expect(gm.ports).toMatchObject([{ state: 'PASSIVE' }]);
      expect(gm.grandmaster?.identity).toBe(run().identities.gm);
    });

    it('the recording: gm2 → bc → tsc, gm a second root', () => {
      expect(hierarchyOf(run().assembled)).toEqual(
        expect.arrayContaining(['bc <- gm2 (1, 6, gm2)', 'tsc <- bc (2, 6, gm2)']),
      );
      for (const node of ['gm', 'gm2', 'bc', 'tsc'])
        expect(faultFindingsOf(run().assembled, node)).toEqual([]);
      expect(faultFindingsOf(run().assembled)).toEqual([]);
    });
  },
};
