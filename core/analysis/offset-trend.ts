import { z } from 'zod';
import type { SampleSeries } from '../model/sample-series.js';

/** One interval of a trend: the offsets (ns) and frequency adjustments (ppb) seen in it. */
export const TrendBucket = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  minNs: z.number().nullable(),
  maxNs: z.number().nullable(),
  meanNs: z.number().nullable(),
  maxAbsNs: z.number().nullable(),
  meanFreqPpb: z.number().nullable(),
});
export type TrendBucket = z.infer<typeof TrendBucket>;

/** A process' samples between two times (epoch ms) in `buckets` equal intervals; samples without a wall time are left out. */
export function offsetTrend(series: SampleSeries, from: number, to: number, buckets: number): TrendBucket[] {
  const width = Math.max(1, (to - from) / buckets);
  const acc = Array.from({ length: buckets }, (_, i) => ({
    from: from + i * width,
    to: from + (i + 1) * width,
    count: 0,
    min: Infinity,
    max: -Infinity,
    sum: 0,
    freqSum: 0,
    freqCount: 0,
  }));
  for (const point of series.points()) {
    const wall = point.time.wall;
    if (wall === undefined || wall < from || wall > to) continue;
    const bucket = acc[Math.min(buckets - 1, Math.floor((wall - from) / width))]!;
    bucket.count++;
    bucket.min = Math.min(bucket.min, point.offset);
    bucket.max = Math.max(bucket.max, point.offset);
    bucket.sum += point.offset;
    if (point.freq !== null) {
      bucket.freqSum += point.freq;
      bucket.freqCount++;
    }
  }
  return acc.map((b) => ({
    from: Math.round(b.from),
    to: Math.round(b.to),
    count: b.count,
    minNs: b.count ? b.min : null,
    maxNs: b.count ? b.max : null,
    meanNs: b.count ? Math.round((b.sum / b.count) * 10) / 10 : null,
    maxAbsNs: b.count ? Math.max(Math.abs(b.min), Math.abs(b.max)) : null,
    meanFreqPpb: b.freqCount ? Math.round(b.freqSum / b.freqCount) : null,
  }));
}

/**
 * The drift of a servo's frequency adjustment (ppb per hour) between two times: the least-squares slope
 * of freq over time. A drifting adjustment is an oscillator ageing or a temperature swing.
 */
export function frequencyDrift(
  series: SampleSeries,
  from: number,
  to: number,
): { samples: number; ppbPerHour: number | null } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const point of series.points()) {
    const wall = point.time.wall;
    if (wall === undefined || point.freq === null || wall < from || wall > to) continue;
    const x = (wall - from) / 3_600_000;
    n++;
    sx += x;
    sy += point.freq;
    sxx += x * x;
    sxy += x * point.freq;
  }
  const denominator = n * sxx - sx * sx;
  if (n < 2 || denominator === 0) return { samples: n, ppbPerHour: null };
  return { samples: n, ppbPerHour: Math.round(((n * sxy - sx * sy) / denominator) * 10) / 10 };
}
