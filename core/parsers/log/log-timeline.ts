import type { LogTime } from '../../model/log-record.js';
import type { LineClock } from './line-clock.js';

const DAY_MS = 86_400_000;

export interface TimelineOptions {
  /** The year of klog/syslog dates, which carry none; otherwise learned from the data itself. */
  year?: number;
}

/**
 * Turns the time fields of each line into one time axis, in stream order, using only the data:
 * full dates are taken as they are; yearless klog/syslog dates get the year of the data (a `--timestamps`
 * prefix or a daemon line's Unix seconds); monotonic seconds get a wall time from the offset between the
 * process' CLOCK_MONOTONIC and the dated lines around them.
 *
 * The monotonic offset is the largest of the lower bounds `wall(dated line) − mono(next process line)`:
 * a dated line printed before a process line was written no later than that line's event, so each pair
 * bounds the offset from below and the largest is the tightest (off by the daemon's relay latency, ms).
 * A monotonic clock that goes back means the node rebooted, and the offset is learned anew.
 */
export class LogTimeline {
  private year: number | undefined;
  private lastWall: number | undefined;
  private anchorWall: number | undefined;
  private monoOffsetMs: number | undefined;
  private lastMono: number | undefined;
  /** Yearless dates met before any year was known: reported so a user can pass one. */
  yearlessUnresolved = 0;

  constructor(options: TimelineOptions = {}) {
    this.year = options.year;
  }

  get knowsYear(): boolean {
    return this.year !== undefined;
  }

  /** Lets a year found further ahead in the data (a look-ahead buffer) date the lines before it. */
  learnYear(clock: LineClock): boolean {
    if (this.year !== undefined) return true;
    const wall = clock.wall ?? (clock.unix !== undefined ? clock.unix * 1000 : undefined);
    if (wall === undefined) return false;
    this.year = new Date(wall).getUTCFullYear();
    return true;
  }

  resolve(clock: LineClock): LogTime {
    let wall = clock.wall;
    if (wall === undefined && clock.yearless !== undefined) wall = this.fromYearless(clock.yearless);
    if (wall === undefined && clock.unix !== undefined) wall = clock.unix * 1000;
    if (wall !== undefined) this.learnYear({ wall });

    const mono = clock.mono;
    if (mono === undefined) {
      if (wall !== undefined) {
        this.anchorWall = wall;
        this.lastWall = wall;
      }
      return wall === undefined ? {} : { wall };
    }

    if (this.lastMono !== undefined && mono < this.lastMono - 1) this.monoOffsetMs = undefined;
    this.lastMono = mono;
    if (wall !== undefined) {
      this.lastWall = wall;
      return { wall, mono };
    }
    if (this.anchorWall !== undefined) {
      const candidate = this.anchorWall - mono * 1000;
      if (this.monoOffsetMs === undefined || candidate > this.monoOffsetMs) this.monoOffsetMs = candidate;
    }
    if (this.monoOffsetMs === undefined) return { mono };
    const resolved = Math.round(this.monoOffsetMs + mono * 1000);
    this.lastWall = resolved;
    return { wall: resolved, mono };
  }

  private fromYearless(date: NonNullable<LineClock['yearless']>): number | undefined {
    if (this.year === undefined) {
      this.yearlessUnresolved++;
      return undefined;
    }
    let wall = Date.UTC(this.year, date.month - 1, date.day) + date.msOfDay;
    // A log that runs over New Year: a date far behind (or ahead of) the last one belongs to the next (previous) year.
    if (this.lastWall !== undefined && wall < this.lastWall - 180 * DAY_MS) {
      this.year++;
      wall = Date.UTC(this.year, date.month - 1, date.day) + date.msOfDay;
    } else if (this.lastWall !== undefined && wall > this.lastWall + 180 * DAY_MS) {
      this.year--;
      wall = Date.UTC(this.year, date.month - 1, date.day) + date.msOfDay;
    }
    return wall;
  }
}
