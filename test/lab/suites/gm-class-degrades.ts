import { expect, it } from 'vitest';
import { gmClassDegrades } from '../scenarios/gm-class-degrades.js';
import { faultFindingsOf, hierarchyOf, nodeOf } from '../scenarios/live-run.js';
import type { LabSuite } from './lab-suite.js';

/**
 * Lab scenario gm-class-degrades on real ptp4l 3.1.1 (fixtures/lab/gm-class-degrades/README.md): the
 * T-GM's class goes 6 → 7 → 140 → 248 by `pmc SET GRANDMASTER_SETTINGS_NP`. ptp4l prints no line for a
 * class change, so on a plain host pmc is the only witness: the class each clock receives (PARENT_DATA_SET
 * gm.ClockClass) ends at 248 at every node, and no class history can come from the logs.
 */
export const gmClassDegradesSuite: LabSuite = {
  scenario: gmClassDegrades,
  tests(run) {
    it('each host, diagnosed live, receives class 248 from the same grandmaster', () => {
      for (const [node, steps] of [
        ['gm', 0],
        ['bc', 1],
        ['tsc', 2],
      ] as const) {
        expect(run().hosts[node]!.hierarchy.links).toMatchObject([
          { node, stepsRemoved: steps, gmClockClass: 248 },
        ]);
        expect(nodeOf(run().hosts[node]!, node).grandmaster?.identity).toBe(run().identities.gm);
      }
    });

    it('the recording: gm → bc → tsc with stepsRemoved, the grandmaster and its class', () => {
      expect(run().complete).toBe(true);
      expect(hierarchyOf(run().assembled)).toEqual([
        'bc <- gm (1, 248, gm)',
        'gm <- - (0, 248, gm)',
        'tsc <- bc (2, 248, gm)',
      ]);
      expect(run().assembled.hierarchy.roots).toEqual(['gm']);
    });

    it('ptp4l 3.1.1 logs no class change: the class from pmc, free-run (248) critical at gm and bc', () => {
      const d = run().assembled;
      expect(
        d.nodes.map((n) => [n.node, n.clockClass.current, n.clockClass.source, n.clockClass.changes]),
      ).toEqual([
        ['bc', 248, 'pmc', []],
        ['gm', 248, 'pmc', []],
        ['tsc', 255, 'pmc', []],
      ]);
      for (const node of ['gm', 'bc', 'tsc'])
        expect(nodeOf(d, node).grandmaster?.identity).toBe(run().identities.gm);
      expect(faultFindingsOf(d, 'gm')).toEqual([
        'fault/clock-class-freerun critical',
        'fault/freerun critical',
      ]);
      expect(faultFindingsOf(d, 'bc')).toEqual(['fault/clock-class-freerun critical']);
      expect(faultFindingsOf(d, 'tsc')).toEqual([]);
    });
  },
};
