import type { LogTime, ServoState } from './log-record.js';

const SERVO_CODES: ServoState[] = ['s0', 's1', 's2', 's3'];
const INITIAL_SLOTS = 1024;

/**
 * The retained offset samples of one process, for statistics over a time window. Memory is bounded:
 * when full, every other sample is dropped and from then on only every `stride`-th sample is kept, so
 * an arbitrarily long log leaves an evenly thinned picture (the running totals stay exact elsewhere).
 */
export class SampleSeries {
  private wall: Float64Array;
  private mono: Float64Array;
  private offset: Float64Array;
  private freq: Float64Array;
  private servo: Uint8Array;
  private size = 0;
  private stride = 1;
  private seen = 0;

  constructor(readonly capacity: number) {
    // Arrays grow to the capacity as samples come, from none: most processes of a log (and most logs of
    // a fleet) have few samples or none.
    this.wall = new Float64Array(0);
    this.mono = new Float64Array(0);
    this.offset = new Float64Array(0);
    this.freq = new Float64Array(0);
    this.servo = new Uint8Array(0);
  }

  get length(): number {
    return this.size;
  }

  /** True when samples were thinned out, i.e. window statistics are estimates. */
  get decimated(): boolean {
    return this.stride > 1;
  }

  /** One sample; `servo` is 0..3 for s0..s3; `freq` the servo's frequency adjustment (ppb). */
  pushNumbers(
    wall: number | undefined,
    mono: number | undefined,
    offset: number,
    servo: number,
    freq = Number.NaN,
  ): void {
    if (this.capacity === 0 || this.seen++ % this.stride !== 0) return;
    if (this.size === this.capacity) this.halve();
    else if (this.size === this.offset.length) this.grow();
    const index = this.size++;
    this.wall[index] = wall ?? Number.NaN;
    this.mono[index] = mono ?? Number.NaN;
    this.offset[index] = offset;
    this.freq[index] = freq;
    this.servo[index] = servo;
  }

  /** Offsets whose wall time lies in [from, to] (epoch ms; either bound may be open). */
  offsetsBetween(from?: number, to?: number): { offsets: number[]; servo: ServoState[] } {
    const offsets: number[] = [];
    const servo: ServoState[] = [];
    for (let index = 0; index < this.size; index++) {
      const wall = this.wall[index]!;
      if ((from !== undefined || to !== undefined) && Number.isNaN(wall)) continue;
      if (from !== undefined && wall < from) continue;
      if (to !== undefined && wall > to) continue;
      offsets.push(this.offset[index]!);
      servo.push(SERVO_CODES[this.servo[index]!]!);
    }
    return { offsets, servo };
  }

  /** Every retained sample, oldest first (for trends and plots). */
  *points(): Generator<{ time: LogTime; offset: number; servo: ServoState; freq: number | null }> {
    for (let index = 0; index < this.size; index++) {
      const time: LogTime = {};
      if (!Number.isNaN(this.wall[index]!)) time.wall = this.wall[index]!;
      if (!Number.isNaN(this.mono[index]!)) time.mono = this.mono[index]!;
      const freq = this.freq[index]!;
      yield {
        time,
        offset: this.offset[index]!,
        servo: SERVO_CODES[this.servo[index]!]!,
        freq: Number.isNaN(freq) ? null : freq,
      };
    }
  }

  /**
   * The wall times (NaN where unknown) and offsets of the retained samples, oldest first: views of the
   * series, not copies (a plot reduces a million samples without an object each), valid until the next push.
   */
  columns(): { wall: Float64Array; offset: Float64Array } {
    return { wall: this.wall.subarray(0, this.size), offset: this.offset.subarray(0, this.size) };
  }

  /** Gives back the room reserved for samples that never came (once a log is read to its end). */
  trim(): void {
    if (this.size < this.offset.length) this.resize(this.size);
  }

  private grow(): void {
    this.resize(Math.min(this.capacity, Math.max(INITIAL_SLOTS, this.offset.length * 2)));
  }

  private resize(slots: number): void {
    const wall = new Float64Array(slots);
    const mono = new Float64Array(slots);
    const offset = new Float64Array(slots);
    const freq = new Float64Array(slots);
    const servo = new Uint8Array(slots);
    wall.set(this.wall.subarray(0, this.size));
    mono.set(this.mono.subarray(0, this.size));
    offset.set(this.offset.subarray(0, this.size));
    freq.set(this.freq.subarray(0, this.size));
    servo.set(this.servo.subarray(0, this.size));
    [this.wall, this.mono, this.offset, this.freq, this.servo] = [wall, mono, offset, freq, servo];
  }

  private halve(): void {
    let kept = 0;
    for (let index = 0; index < this.size; index += 2, kept++) {
      this.wall[kept] = this.wall[index]!;
      this.mono[kept] = this.mono[index]!;
      this.offset[kept] = this.offset[index]!;
      this.freq[kept] = this.freq[index]!;
      this.servo[kept] = this.servo[index]!;
    }
    this.size = kept;
    this.stride *= 2;
  }
}
