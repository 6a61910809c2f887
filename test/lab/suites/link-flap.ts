import { expect, it } from 'vitest';
import { LINK_DOWN_MS, linkFlap } from '../scenarios/link-flap.js';
import { findingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario link-flap on real ptp4l 3.1.1 (fixtures/lab/link-flap/README.md): the T-BC–T-TSC veth
 * goes down for 3 s. The T-TSC's port: `link down`, UNCALIBRATED to FAULTY on FAULT_DETECTED, `link up`,
 * FAULTY to LISTENING, LISTENING to UNCALIBRATED on RS_SLAVE. An expert: ONE sync-loss episode, recovered,
 * as long as the link was down plus the time to hear the master again; the T-BC's port faulted too.
 */
export const linkFlapSuite: LabSuite = {
  scenario: linkFlap,
  tests(run) {
    const expectOneRecoveredLoss = (episodes: {
      syncLoss: { ongoing: boolean; durationMs: number | null; cause: string }[];
    }) => {
      expect(episodes.syncLoss).toHaveLength(1);
      const [loss] = episodes.syncLoss;
      expect(loss).toMatchObject({
        ongoing: false,
        cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)',
      });
      // Its real length: the link was down LINK_DOWN_MS; ptp4l needs < 2 s more to hear Announce again.
      expect(loss!.durationMs).toBeGreaterThanOrEqual(LINK_DOWN_MS);
      expect(loss!.durationMs).toBeLessThan(LINK_DOWN_MS + 4_000);
    };

    it('the T-TSC, diagnosed on its host: one recovered sync loss of the real length, a port fault', () => {
      const tsc = nodeOf(run().hosts.tsc!, 'tsc');
      expectOneRecoveredLoss(tsc.episodes);
      expect(tsc.ports).toMatchObject([{ state: 'UNCALIBRATED' }]);
      expect(findingsOf(run().hosts.tsc!, 'tsc')).toContain('fault/port-faults moderate');
      expect(tsc.grandmaster?.identity).toBe(run().identities.gm);
    });

    it('the T-BC, diagnosed on its host: its downstream port faulted and is MASTER again; no sync loss', () => {
      const bc = nodeOf(run().hosts.bc!, 'bc');
      expect(bc.episodes.syncLoss).toEqual([]);
      expect(bc.ports.map((p) => p.state)).toEqual(['UNCALIBRATED', 'MASTER']);
      expect(findingsOf(run().hosts.bc!, 'bc')).toContain('fault/port-faults moderate');
    });

    it('the recording: the same episode, and gm → bc → tsc intact', () => {
      expectOneRecoveredLoss(nodeOf(run().assembled, 'tsc').episodes);
      expect(hierarchyOf(run().assembled)).toEqual([
        'bc <- gm (1, 6, gm)',
        'gm <- - (0, 6, gm)',
        'tsc <- bc (2, 6, gm)',
      ]);
      expect(findingsOf(run().assembled, 'tsc')).not.toContain('fault/upstream-lost critical');
    });
  },
};
