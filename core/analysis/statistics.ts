/** Count, min, max, mean and standard deviation in one pass (Welford), mergeable across chunks. */
export class RunningStats {
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  mean = 0;
  private m2 = 0;

  push(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
  }

  /** Population standard deviation, as linuxptp-daemon's logReduce summary reports it. */
  get stddev(): number {
    return this.count > 0 ? Math.sqrt(this.m2 / this.count) : 0;
  }

  /** The exact state, to continue or merge elsewhere (another worker's share of a log). */
  state(): RunningStatsState {
    return { count: this.count, min: this.min, max: this.max, mean: this.mean, m2: this.m2 };
  }

  /** Adds another share's statistics (Chan et al.'s parallel update: exact up to rounding). */
  merge(other: RunningStatsState): void {
    if (other.count === 0) return;
    const count = this.count + other.count;
    const delta = other.mean - this.mean;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / count;
    this.mean += (delta * other.count) / count;
    this.count = count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  summary(): StatsSummary {
    if (this.count === 0) return { count: 0, min: null, max: null, mean: null, stddev: null };
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: round3(this.mean),
      stddev: round3(this.stddev),
    };
  }
}

export interface RunningStatsState {
  count: number;
  min: number;
  max: number;
  mean: number;
  m2: number;
}

export interface StatsSummary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
}

/**
 * Quantiles of |value| with a bounded log-linear histogram: exact below 128, then 64 buckets per power of
 * two (under 1.6 % relative error). Memory is fixed whatever the stream length, which a 1 GB log needs.
 */
export class AbsQuantileSketch {
  private static readonly LINEAR = 128;
  private static readonly SUB_BUCKETS = 64;
  private readonly buckets = new Float64Array(AbsQuantileSketch.LINEAR + 64 * AbsQuantileSketch.SUB_BUCKETS);
  private total = 0;

  push(value: number): void {
    const magnitude = Math.abs(value);
    if (!Number.isFinite(magnitude)) return;
    this.buckets[AbsQuantileSketch.indexOf(magnitude)]!++;
    this.total++;
  }

  /** The bucket counts, to merge elsewhere. */
  counts(): Float64Array {
    return this.buckets.slice();
  }

  merge(counts: Float64Array): void {
    for (let index = 0; index < counts.length && index < this.buckets.length; index++) {
      this.buckets[index]! += counts[index]!;
      this.total += counts[index]!;
    }
  }

  /** The smallest bucket bound under which at least `q` of the values lie; null when empty. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let index = 0; index < this.buckets.length; index++) {
      seen += this.buckets[index]!;
      if (seen >= rank) return AbsQuantileSketch.upperBound(index);
    }
    return null;
  }

  private static indexOf(magnitude: number): number {
    const value = Math.floor(magnitude);
    if (value < AbsQuantileSketch.LINEAR) return value;
    // Integer bit arithmetic for the common range (every sample goes through here); log2 beyond 2^31.
    const exponent = value < 2 ** 31 ? 31 - Math.clz32(value) : Math.floor(Math.log2(value)); // ≥ 7
    const sub =
      value < 2 ** 31
        ? (value >>> (exponent - 6)) & 63
        : Math.floor((value / 2 ** exponent - 1) * AbsQuantileSketch.SUB_BUCKETS);
    const index = AbsQuantileSketch.LINEAR + (exponent - 7) * AbsQuantileSketch.SUB_BUCKETS + sub;
    return Math.min(index, AbsQuantileSketch.LINEAR + 64 * AbsQuantileSketch.SUB_BUCKETS - 1);
  }

  private static upperBound(index: number): number {
    if (index < AbsQuantileSketch.LINEAR) return index;
    const offset = index - AbsQuantileSketch.LINEAR;
    const exponent = 7 + Math.floor(offset / AbsQuantileSketch.SUB_BUCKETS);
    const sub = offset % AbsQuantileSketch.SUB_BUCKETS;
    return Math.floor(2 ** exponent * (1 + (sub + 1) / AbsQuantileSketch.SUB_BUCKETS)) - 1;
  }
}

/**
 * A quantile of |offset| that never exceeds the largest |offset| seen: the sketch answers a bucket's upper
 * bound, which can lie above the maximum (|200| falls in the bucket 200..201), and a p99 above the max
 * reads as a defect to anyone comparing the two columns.
 */
export function boundedAbsQuantile(
  sketch: AbsQuantileSketch,
  q: number,
  summary: Pick<StatsSummary, 'min' | 'max'>,
): number | null {
  const quantile = sketch.quantile(q);
  if (quantile === null || summary.min === null || summary.max === null) return quantile;
  return Math.min(quantile, Math.max(Math.abs(summary.min), Math.abs(summary.max)));
}

/** Exact quantile of |values| (nearest rank), for windows small enough to hold. */
export function absQuantile(values: ArrayLike<number>, q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values, Math.abs).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
