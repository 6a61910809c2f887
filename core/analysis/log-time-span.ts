import type { TimeOrder, TimeStepBack } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';

/**
 * How far a dated line may precede the dated line before it without a warning. The daemon relays the
 * lines of several processes (ptp4l, phc2sys, ts2phc, its own klog lines) as they come, and dates of
 * different kinds differ in precision: monotonic seconds dated by an upper bound of the clock offset,
 * whole Unix seconds, klog microseconds. Lines of one second slightly out of order are normal; a step
 * back of more is a clock stepped back (a node's CLOCK_REALTIME set back), files joined out of order, or
 * a year guessed wrong for yearless dates, all worth a word.
 */
export const BACKWARDS_TOLERANCE_MS = 2000;

/** The first and the last dated line of a share, for checking the order where shares meet. */
export interface SpanEdges {
  firstWall: number | null;
  firstLine: number;
  lastWall: number | null;
}

/**
 * The time span of a log, seen line by line in order: the earliest and latest time (a log whose time
 * goes back must not show an inverted range) and the steps back between consecutive dated lines.
 */
export class LogTimeSpan {
  // Numbers, not LogTime objects: this runs for every line.
  private minWall = Number.POSITIVE_INFINITY;
  private minWallMono: number | undefined;
  private maxWall = Number.NEGATIVE_INFINITY;
  private maxWallMono: number | undefined;
  /** Without any wall time, the span of the monotonic seconds (an undated log). */
  private minMono: number | undefined;
  private maxMono: number | undefined;
  private lastWall: number | undefined;
  private firstWall: number | undefined;
  private firstLine = 0;
  private stepsBack = 0;
  private firstStep: TimeStepBack | null = null;
  private largestStep: TimeStepBack | null = null;

  see(wall: number | undefined, mono: number | undefined, line: number): void {
    if (wall === undefined) {
      if (mono === undefined) return;
      if (this.minMono === undefined || mono < this.minMono) this.minMono = mono;
      if (this.maxMono === undefined || mono > this.maxMono) this.maxMono = mono;
      return;
    }
    if (this.lastWall === undefined) {
      this.firstWall = wall;
      this.firstLine = line;
    } else if (wall < this.lastWall - BACKWARDS_TOLERANCE_MS) this.stepBack(line, this.lastWall, wall);
    this.lastWall = wall;
    if (wall < this.minWall) {
      this.minWall = wall;
      this.minWallMono = mono;
    }
    if (wall >= this.maxWall) {
      this.maxWall = wall;
      this.maxWallMono = mono;
    }
  }

  private stepBack(line: number, from: number, to: number): void {
    const step = { line, from, to };
    this.stepsBack++;
    this.firstStep ??= step;
    if (!this.largestStep || from - to > this.largestStep.from - this.largestStep.to) this.largestStep = step;
  }

  timeRange(): { first: LogTime | null; last: LogTime | null } {
    if (this.lastWall !== undefined)
      return { first: timeOf(this.minWall, this.minWallMono), last: timeOf(this.maxWall, this.maxWallMono) };
    if (this.minMono !== undefined) return { first: { mono: this.minMono }, last: { mono: this.maxMono! } };
    return { first: null, last: null };
  }

  timeOrder(): TimeOrder {
    return { stepsBack: this.stepsBack, first: this.firstStep, largest: this.largestStep };
  }

  edges(): SpanEdges {
    return { firstWall: this.firstWall ?? null, firstLine: this.firstLine, lastWall: this.lastWall ?? null };
  }
}

function timeOf(wall: number, mono: number | undefined): LogTime {
  return mono === undefined ? { wall } : { wall, mono };
}
