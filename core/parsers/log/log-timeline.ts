import type { LogTime } from '../../model/log-record.js';
import type { LineClock } from './line-clock.js';

const DAY_MS = 86_400_000;

export interface TimelineOptions {
  /** The year of klog/syslog dates, which carry none; otherwise learned from the data itself. */
  year?: number;
  /**
   * CLOCK_MONOTONIC seconds and the CLOCK_REALTIME (epoch ms) of the same instant, read on the host that
   * wrote the log (a plain host's clock anchor): it gives monotonic seconds their wall time exactly, for
   * the boot the host ran when it was read.
   */
  monoAnchor?: { mono: number; wallMs: number };
}

/**
 * Puts every line on one time axis using only the data. Full dates are taken as they are; yearless
 * klog/syslog dates get the year of the data (a `--timestamps` prefix or a daemon line's Unix seconds);
 * monotonic seconds get a wall time from the offset between the node's CLOCK_MONOTONIC and its dated lines.
 *
 * That offset is the smallest of the upper bounds `wall(dated line) − mono(process line before it)`: a
 * line printed after a process line cannot predate that process' event, whatever the daemon's relay delay,
 * so each such pair bounds the offset from above and the smallest is the tightest. Integer Unix seconds
 * count as their second's end. A monotonic clock that goes back means the node rebooted: the offset is
 * learned anew.
 *
 * `learn` must see every line in stream order; `resolve` may be called later (after a look-ahead), in order.
 */
export class LogTimeline {
  private year: number | undefined;
  private monoOffsetMs: number | undefined;
  private readonly anchorOffsetMs: number | undefined;
  private lastMono: number | undefined;
  private lastResolvedWall: number | undefined;
  private dayKey = -1;
  private dayStartMs = 0;
  /** Yearless dates met before any year was known: reported so a user can pass one. */
  yearlessUnresolved = 0;

  constructor(options: TimelineOptions = {}) {
    this.year = options.year;
    const anchor = options.monoAnchor;
    this.anchorOffsetMs = anchor && anchor.wallMs - anchor.mono * 1000;
    this.monoOffsetMs = this.anchorOffsetMs;
  }

  /** Whether this line cannot be dated yet and is worth holding back until more of the log is seen. */
  needsLookahead(clock: LineClock): boolean {
    if (clock.yearless !== undefined && this.year === undefined) return true;
    return clock.mono !== undefined && clock.wall === undefined && this.monoOffsetMs === undefined;
  }

  learn(clock: LineClock): void {
    if (clock.mono !== undefined) {
      this.learnMono(clock.mono, clock.wall);
      return;
    }
    // A klog line may wrap a daemon line: its Unix seconds tell the year, its klog date is the finer time.
    if (clock.unix !== undefined) this.learnYear(clock.unix * 1000);
    if (clock.wall !== undefined) this.learnWall(clock.wall, false);
    else if (clock.yearless !== undefined)
      this.learnYearless(clock.yearless.month, clock.yearless.day, clock.yearless.msOfDay);
    else if (clock.unix !== undefined) this.learnWall(clock.unix * 1000, true);
  }

  /** A process line's monotonic seconds, with the wall time its own prefix gives, if any. */
  learnMono(mono: number, wall?: number): void {
    if (wall !== undefined) this.learnYear(wall);
    // A reboot: the offset is learned anew (an anchor is of the latest boot, so it holds again).
    if (this.lastMono !== undefined && mono < this.lastMono - 1) this.monoOffsetMs = this.anchorOffsetMs;
    this.lastMono = mono;
    if (wall !== undefined) this.bound(wall - mono * 1000);
  }

  /** A klog/syslog date without year. */
  learnYearless(month: number, day: number, msOfDay: number): void {
    const wall = this.yearlessWall(month, day, msOfDay);
    if (wall !== undefined && this.lastMono !== undefined) this.bound(wall - this.lastMono * 1000);
  }

  /** A daemon line's integer Unix seconds. */
  learnUnix(unix: number): void {
    this.learnWall(unix * 1000, true);
  }

  /** A full date; `wholeSecond` for integer Unix seconds, which count as their second's end. */
  private learnWall(wall: number, wholeSecond: boolean): void {
    this.learnYear(wall);
    if (this.lastMono !== undefined) this.bound(wall + (wholeSecond ? 999 : 0) - this.lastMono * 1000);
  }

  private learnYear(wall: number): void {
    if (this.year === undefined) this.year = new Date(wall).getUTCFullYear();
  }

  resolve(clock: LineClock): LogTime {
    let wall = clock.wall;
    if (wall === undefined && clock.yearless !== undefined) {
      wall = this.resolveYearless(clock.yearless.month, clock.yearless.day, clock.yearless.msOfDay);
    }
    if (wall === undefined && clock.unix !== undefined) wall = clock.unix * 1000;
    if (wall === undefined && clock.mono !== undefined) wall = this.resolveMono(clock.mono);
    if (wall !== undefined) this.lastResolvedWall = wall;
    const time: LogTime = {};
    if (wall !== undefined) time.wall = wall;
    if (clock.mono !== undefined) time.mono = clock.mono;
    return time;
  }

  /**
   * A line dated without resolve() (the analyzer's records): its wall time counts as the last resolved one,
   * as resolve() would count it (yearless dates after it are placed in the year that fits).
   */
  noteResolved(wall: number | undefined): void {
    if (wall !== undefined) this.lastResolvedWall = wall;
  }

  /** Wall time of monotonic seconds, or undefined while the offset is unknown. */
  resolveMono(mono: number): number | undefined {
    return this.monoOffsetMs === undefined ? undefined : Math.round(this.monoOffsetMs + mono * 1000);
  }

  /** Wall time of a yearless date (counted as unresolved when no year is known). */
  resolveYearless(month: number, day: number, msOfDay: number): number | undefined {
    const wall = this.yearlessWall(month, day, msOfDay);
    if (wall === undefined) this.yearlessUnresolved++;
    else this.lastResolvedWall = wall;
    return wall;
  }

  /** True while monotonic seconds cannot be dated yet. */
  get monoUndatable(): boolean {
    return this.monoOffsetMs === undefined;
  }

  /** True while yearless dates cannot be dated yet. */
  get yearUnknown(): boolean {
    return this.year === undefined;
  }

  private bound(candidate: number): void {
    if (this.monoOffsetMs === undefined || candidate < this.monoOffsetMs) this.monoOffsetMs = candidate;
  }

  private yearlessWall(month: number, day: number, msOfDay: number): number | undefined {
    if (this.year === undefined) return undefined;
    const wall = this.dayStart(this.year, month, day) + msOfDay;
    // A log that runs over New Year: a date far behind the last one belongs to the next year.
    const last = this.lastResolvedWall;
    if (last !== undefined && wall < last - 180 * DAY_MS)
      return this.dayStart(++this.year, month, day) + msOfDay;
    return wall;
  }

  /** Date.UTC of a day, kept for the next line: a log has hundreds of thousands of lines a day. */
  private dayStart(year: number, month: number, day: number): number {
    const key = (year * 16 + month) * 128 + day;
    if (key !== this.dayKey) {
      this.dayKey = key;
      this.dayStartMs = Date.UTC(year, month - 1, day);
    }
    return this.dayStartMs;
  }
}
