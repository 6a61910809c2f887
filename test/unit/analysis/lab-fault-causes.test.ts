import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyzeLogText } from '../../../core/analysis/log-analyzer.js';
import { packageRoot } from '../../../core/package-root.js';

/** A log real ptp4l 3.1.1 printed in the lab (fixtures/lab/<scenario>/README.md). */
const labLog = (scenario: string, node: string) =>
  readFileSync(
    join(packageRoot(), 'fixtures', 'lab', scenario, 'nodes', node, 'logs', 'ptp4l.0.log'),
    'utf8',
  );

it('names why a port faulted from the lines before it, not the timescale warning printed with them', () => {
  // fixtures/lab/jbod-software: `foreign master not using PTP timescale` (clock.c update_parent_ds, on taking
  // the free-running T-GM as parent) and `Switching PHC, failed to open /dev/ptp-1` come in the same
  // millisecond before `UNCALIBRATED to FAULTY … (FT_SWITCH_PHC)`; only the second is its cause.
  const [ptp4l] = analyzeLogText(labLog('jbod-software', 'bc')).processes;
  expect(ptp4l?.faults).toMatchObject([
    {
      kind: 'portFaulty',
      port: 1,
      detail:
        'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_SWITCH_PHC) after "Switching PHC, failed to open /dev/ptp-1: No such file or directory"',
    },
  ]);
  expect(ptp4l?.notices.foreignTimescale?.count).toBe(1);
});
