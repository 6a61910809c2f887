/** A series reduced to its envelope: for each bucket that holds samples, their least and greatest value. */
export interface MinMaxSeries {
  /** The time of each bucket's first sample (the unit of the input times). */
  time: number[];
  min: number[];
  max: number[];
  /** Samples that fell between `from` and `to`. */
  samples: number;
}

/**
 * Min and max per bucket of equal width between `from` and `to` (one bucket per pixel of a chart): a
 * day of 16 Hz offsets (1.4 million samples) becomes two values per pixel, and no spike is lost, as it
 * would be by averaging or by keeping every n-th sample. Times must be ascending; samples outside the
 * range, and NaN times or values, are left out.
 */
export function minMaxPerBucket(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
  buckets: number,
  /** Of |value| (the offset charts' |offset|). */
  absolute = false,
): MinMaxSeries {
  const out: MinMaxSeries = { time: [], min: [], max: [], samples: 0 };
  const count = Math.max(1, Math.floor(buckets));
  const width = to > from ? (to - from) / count : 1;
  let current = -1;
  let low = 0;
  let high = 0;
  for (let index = 0; index < times.length; index++) {
    const time = times[index]!;
    const value = absolute ? Math.abs(values[index]!) : values[index]!;
    if (!(time >= from && time <= to) || Number.isNaN(value)) continue;
    out.samples++;
    const bucket = Math.min(count - 1, Math.floor((time - from) / width));
    if (bucket !== current) {
      if (current >= 0) {
        out.min.push(low);
        out.max.push(high);
      }
      current = bucket;
      out.time.push(time);
      low = value;
      high = value;
    } else if (value < low) low = value;
    else if (value > high) high = value;
  }
  if (current >= 0) {
    out.min.push(low);
    out.max.push(high);
  }
  return out;
}
