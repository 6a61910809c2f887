import type { LogTime } from '../../model/log-record.js';
import type { LineClock } from './line-clock.js';

const DAY_MS = 86_400_000;

export interface TimelineOptions {
  /** The year of klog/syslog dates, which carry none; otherwise learned from the data itself. */
  year?: number;
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
  private lastMono: number | undefined;
  private lastResolvedWall: number | undefined;
  /** Yearless dates met before any year was known: reported so a user can pass one. */
  yearlessUnresolved = 0;

  constructor(options: TimelineOptions = {}) {
    this.year = options.year;
  }

  /** Whether this line cannot be dated yet and is worth holding back until more of the log is seen. */
  needsLookahead(clock: LineClock): boolean {
    if (clock.yearless !== undefined && this.year === undefined) return true;
    return clock.mono !== undefined && clock.wall === undefined && this.monoOffsetMs === undefined;
  }

  learn(clock: LineClock): void {
    if (this.year === undefined) {
      const full = clock.wall ?? (clock.unix !== undefined ? clock.unix * 1000 : undefined);
      if (full !== undefined) this.year = new Date(full).getUTCFullYear();
    }
    if (clock.mono !== undefined) {
      if (this.lastMono !== undefined && clock.mono < this.lastMono - 1) this.monoOffsetMs = undefined;
      this.lastMono = clock.mono;
      if (clock.wall !== undefined) this.bound(clock.wall - clock.mono * 1000);
      return;
    }
    if (this.lastMono === undefined) return;
    const printedBy =
      clock.wall ??
      this.yearlessWall(clock) ??
      (clock.unix !== undefined ? clock.unix * 1000 + 999 : undefined);
    if (printedBy !== undefined) this.bound(printedBy - this.lastMono * 1000);
  }

  resolve(clock: LineClock): LogTime {
    let wall = clock.wall;
    if (wall === undefined && clock.yearless !== undefined) {
      wall = this.yearlessWall(clock);
      if (wall === undefined) this.yearlessUnresolved++;
    }
    if (wall === undefined && clock.unix !== undefined) wall = clock.unix * 1000;
    if (wall === undefined && clock.mono !== undefined && this.monoOffsetMs !== undefined) {
      wall = Math.round(this.monoOffsetMs + clock.mono * 1000);
    }
    if (wall !== undefined) this.lastResolvedWall = wall;
    const time: LogTime = {};
    if (wall !== undefined) time.wall = wall;
    if (clock.mono !== undefined) time.mono = clock.mono;
    return time;
  }

  private bound(candidate: number): void {
    if (this.monoOffsetMs === undefined || candidate < this.monoOffsetMs) this.monoOffsetMs = candidate;
  }

  private yearlessWall(clock: LineClock): number | undefined {
    const date = clock.yearless;
    if (date === undefined || this.year === undefined) return undefined;
    const at = (year: number) => Date.UTC(year, date.month - 1, date.day) + date.msOfDay;
    const wall = at(this.year);
    // A log that runs over New Year: a date far behind the last one belongs to the next year.
    const last = this.lastResolvedWall;
    if (last !== undefined && wall < last - 180 * DAY_MS) return at(++this.year);
    return wall;
  }
}
