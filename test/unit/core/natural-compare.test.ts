import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../core/natural-compare.js';

const sorted = (names: string[]) => [...names].sort(naturalCompare);

describe('naturalCompare', () => {
  it('orders numbered node names by their numbers', () => {
    expect(sorted(['worker-10', 'worker-2', 'worker-1', 'bc-1', 'worker-100', 'gm-1'])).toEqual([
      'bc-1',
      'gm-1',
      'worker-1',
      'worker-2',
      'worker-10',
      'worker-100',
    ]);
  });

  it('compares every run of digits, not only the last', () => {
    expect(sorted(['rack10-node1', 'rack2-node10', 'rack2-node9', 'ens1f10', 'ens1f2'])).toEqual([
      'ens1f2',
      'ens1f10',
      'rack2-node9',
      'rack2-node10',
      'rack10-node1',
    ]);
  });

  it('is a total order: leading zeros, prefixes, numbers past a double, case', () => {
    expect(sorted(['worker-1', 'worker-01', 'worker', 'worker-001'])).toEqual([
      'worker',
      'worker-001',
      'worker-01',
      'worker-1',
    ]);
    expect(naturalCompare('n99999999999999999999', 'n100000000000000000000')).toBeLessThan(0);
    expect(naturalCompare('n18446744073709551616', 'n18446744073709551617')).toBeLessThan(0);
    expect(sorted(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
    expect(naturalCompare('same-1', 'same-1')).toBe(0);
    expect(naturalCompare('', 'a')).toBeLessThan(0);
  });
});
