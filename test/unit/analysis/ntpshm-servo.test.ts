import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { createService } from '../../../transports/composition-root.js';

/**
 * A ptp4l on the ntpshm servo prints s0 forever and keeps its port UNCALIBRATED (real ptp4l 3.1.1 in the
 * lab recordings fixtures/lab/<scenario>): following a master it is fed, not free-running.
 */
const diagnose = (scenario: string) =>
  createService({ partialSnapshots: true }).diagnose({
    source: `dir:${join(packageRoot(), 'fixtures', 'lab', scenario)}`,
  });

describe('the sync state of a ptp4l on the ntpshm servo', () => {
  it('LOCKED while a port follows its master (UNCALIBRATED), although every offset line says s0', async () => {
    const d = await diagnose('link-flap');
    for (const name of ['bc', 'tsc']) {
      const node = d.nodes.find((n) => n.node === name)!;
      expect(node.processes.map((p) => [p.name, p.servo, p.state])).toEqual([['ptp4l', 's0', 'LOCKED']]);
      expect(node.syncState).toBe('LOCKED');
    }
    expect(d.findings.filter((f) => f.rule === 'fault/freerun')).toEqual([]);
  });

  it('FREERUN once no port follows a master: the T-BC that became its own grandmaster', async () => {
    const d = await diagnose('gm-dies');
    const bc = d.nodes.find((n) => n.node === 'bc')!;
    expect(bc.ports.map((p) => p.state)).toEqual(['MASTER', 'MASTER']);
    expect(bc.syncState).toBe('FREERUN');
    expect(d.findings.filter((f) => f.rule === 'fault/freerun').map((f) => f.subject.node)).toEqual(['bc']);
  });
});
