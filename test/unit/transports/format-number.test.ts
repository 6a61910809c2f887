import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../transports/cli/format/table.js';

describe('numbers in the text reports', () => {
  it.each([
    [null, 1, '-'],
    [undefined, 0, '-'],
    [1263.54, 1, '1263.5'],
    [-12.25, 1, '-12.3'],
    [-0.04, 1, '0.0'],
    [-0, 0, '0'],
    [-0.4, 0, '0'],
    [-0.6, 0, '-1'],
    [-0.0004, 3, '0.000'],
    [-0.05, 1, '-0.1'],
  ])('%s with %i digits reads %s', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text);
  });
});
