import { describe, expect, it } from 'vitest';
import { warningLines } from '../../../transports/cli/format/warning-groups.js';

const noData = (node: string) => ({
  source: `node ${node}`,
  message: 'PTP profiles apply to this node but the source has no data of it',
});

describe('repeated warnings grouped', () => {
  it('the same warning for 40 nodes is one line with the first names, in natural order, and the count', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => `worker-${40 - i}`);
    const lines = warningLines([
      { source: 'cluster', message: 'the PtpOperatorConfig could not be read' },
      ...nodes.map(noData),
      { source: 'worker-7/daemon.log', line: 12, message: 'a line that is not UTF-8' },
    ]);
    expect(lines).toEqual([
      'cluster: the PtpOperatorConfig could not be read',
      'node worker-1, worker-2, worker-3 and 37 other nodes: PTP profiles apply to this node but the source has no data of it',
      'worker-7/daemon.log:12: a line that is not UTF-8',
    ]);
  });

  it('a few repeats stay one line each; different messages never merge', () => {
    const few = ['bc-1', 'bc-2', 'gm-1'].map(noData);
    expect(warningLines(few)).toEqual(few.map((w) => `${w.source}: ${w.message}`));
    const other = { source: 'node worker-9', message: 'another problem' };
    expect(warningLines([...few, other, noData('worker-3')])).toEqual([
      'node bc-1, bc-2, gm-1 and 1 other node: PTP profiles apply to this node but the source has no data of it',
      'node worker-9: another problem',
    ]);
  });

  it('a node known by name in a source path: the nodes first, NODE in the text', () => {
    const warnings = ['n1', 'n2', 'n3', 'n4', 'n5'].map((node) => ({
      source: `${node}/daemon.log`,
      message: `cannot be read: ${node}/daemon.log is a FIFO`,
    }));
    expect(warningLines(warnings, ['n1', 'n2', 'n3', 'n4', 'n5'])).toEqual([
      '5 nodes (n1, n2, n3, ...): NODE/daemon.log: cannot be read: NODE/daemon.log is a FIFO',
    ]);
    // Without the report's node names they are different warnings.
    expect(warningLines(warnings)).toHaveLength(5);
  });
});
