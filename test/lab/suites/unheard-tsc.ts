import { expect, it } from 'vitest';
import { faultFindingsOf, hierarchyOf, type LiveRun, nodeOf } from '../scenarios/live-run.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { LabSuite } from './lab-suite.js';

/**
 * The suite of a T-TSC that never hears its T-BC (scenarios/tsc-unheard.ts: domain-mismatch,
 * transport-mismatch). On its own host a T-TSC that hears nothing cannot tell why
 * (another domain, another transport, no master on the link: real ptp4l prints the same lines for each);
 * the snapshot of every node can: no master of it serves `rule`'s setting. `named` is what the finding
 * must say of the T-TSC and of the masters (`domainNumber 25`, `domainNumber 24`).
 */
export function unheardTscSuite(scenario: Scenario, rule: string, named: [string, string]): LabSuite {
  return { scenario, tests: (run) => unheardTscTests(run, rule, named) };
}

function unheardTscTests(run: () => LiveRun, rule: string, named: [string, string]): void {
  it('the T-TSC on its own host: critical, no master ever, and no cause one host could prove', () => {
    const tsc = nodeOf(run().hosts.tsc!, 'tsc');
    expect(tsc.role).toBe('T-TSC');
    expect(tsc.ports).toMatchObject([{ port: 1, state: 'LISTENING' }]);
    expect(tsc.grandmaster).toMatchObject({ identity: run().identities.tsc, local: true });
    // It never had a master, so it lost none: no sync-loss episode, but no upstream either.
    expect(tsc.episodes.syncLoss).toEqual([]);
    expect(faultFindingsOf(run().hosts.tsc!, 'tsc').sort()).toEqual([
      'fault/freerun critical',
      'fault/upstream-lost critical',
    ]);
    expect(run().hosts.tsc!.health.nodes.tsc).toBe('CRITICAL');
  });

  it('the T-GM and the T-BC on their hosts: the T-BC follows the T-GM and serves, nothing of the fault', () => {
    expect(faultFindingsOf(run().hosts.gm!, 'gm')).toEqual([]);
    expect(faultFindingsOf(run().hosts.bc!, 'bc')).toEqual([]);
    expect(nodeOf(run().hosts.bc!, 'bc').ports).toMatchObject([
      { port: 1, state: 'UNCALIBRATED' },
      { port: 2, state: 'MASTER' },
    ]);
  });

  it(`the snapshot of the three names the cause: ${rule}`, () => {
    expect(run().complete).toBe(true);
    expect(faultFindingsOf(run().assembled, 'tsc').sort()).toEqual(
      [rule, 'fault/freerun', 'fault/upstream-lost'].map((r) => `${r} critical`).sort(),
    );
    const finding = run().assembled.findings.find((f) => f.rule === rule);
    for (const text of named) expect(finding?.message).toContain(text);
    expect(finding?.message).toContain('(bc, gm)');
    expect(faultFindingsOf(run().assembled, 'bc')).toEqual([]);
    expect(hierarchyOf(run().assembled)).toEqual([
      'bc <- gm (1, 6, gm)',
      'gm <- - (0, 6, gm)',
      'tsc <- - (0, 255, tsc)',
    ]);
    expect(run().assembled.health.nodes.tsc).toBe('CRITICAL');
  });
}
