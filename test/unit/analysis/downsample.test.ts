import { describe, expect, it } from 'vitest';
import { minMaxPerBucket } from '../../../core/analysis/downsample.js';

describe('minMaxPerBucket', () => {
  it('keeps the least and greatest value of each bucket, at the time of its first sample', () => {
    const times = [0, 1, 2, 3, 10, 11, 19];
    const values = [5, -2, 9, 1, 4, 4, 7];
    expect(minMaxPerBucket(times, values, 0, 20, 2)).toEqual({
      time: [0, 10],
      min: [-2, 4],
      max: [9, 7],
      samples: 7,
    });
  });

  it('keeps a single spike among a day of 16 Hz samples, in one pair of values per bucket', () => {
    const count = 24 * 3600 * 16;
    const times = new Float64Array(count);
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      times[i] = i / 16;
      values[i] = 10 + (i % 7);
    }
    values[1_000_003] = 12_345;
    const out = minMaxPerBucket(times, values, 0, 86_400, 1000);
    expect(out.time).toHaveLength(1000);
    expect(out.samples).toBe(count);
    expect(Math.max(...out.max)).toBe(12_345);
    expect(Math.min(...out.min)).toBe(10);
  });

  it('leaves out samples outside the range and NaN values; the last time falls in the last bucket', () => {
    const out = minMaxPerBucket([-1, 0, 5, 10, 11], [1, 2, Number.NaN, 3, 4], 0, 10, 4);
    expect(out).toEqual({ time: [0, 10], min: [2, 3], max: [2, 3], samples: 2 });
  });

  it('reduces |value| when asked: a negative spike is the largest |offset| of its bucket', () => {
    const out = minMaxPerBucket(new Float64Array([0, 1, 2]), new Float64Array([3, -40, 5]), 0, 10, 1, true);
    expect(out).toEqual({ time: [0], min: [3], max: [40], samples: 3 });
  });

  it('returns nothing for no samples, and one bucket for an empty range', () => {
    expect(minMaxPerBucket([], [], 0, 10, 100)).toEqual({ time: [], min: [], max: [], samples: 0 });
    expect(minMaxPerBucket([5, 5], [1, 3], 5, 5, 100)).toEqual({
      time: [5],
      min: [1],
      max: [3],
      samples: 2,
    });
  });
});
