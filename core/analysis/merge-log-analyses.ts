import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { OffsetState } from './log-analyzer.js';
import { BACKWARDS_TOLERANCE_MS, type SpanEdges } from './log-time-span.js';
import { AbsQuantileSketch, boundedAbsQuantile, RunningStats, round3 } from './statistics.js';
import { DEFAULT_MAX_EVENTS } from './timeline-builder.js';

/** One consecutive share of a log (a byte range of a file, analyzed on its own). */
export interface LogShare {
  analysis: LogAnalysis;
  offsets: OffsetState[];
  edges: SpanEdges;
}

/**
 * Joins the analyses of consecutive shares of one log into the analysis of the whole: counts add up,
 * statistics merge exactly, line numbers continue, and each list of changes is stitched where the shares
 * meet (a share starts without knowing the previous state, so a "change" to the state the previous share
 * ended in is no change and is dropped). Lists are capped again as one analysis would cap them. The
 * shares are taken over: their lists become the merged ones.
 */
export function mergeLogShares(shares: readonly LogShare[], maxEvents = DEFAULT_MAX_EVENTS): LogAnalysis {
  const merger = new LogShareMerger(maxEvents);
  for (const share of shares) merger.add(share);
  return merger.result();
}

/**
 * mergeLogShares one share at a time, in order: what a stream analyzed in pieces keeps, whatever its
 * length (each list capped, statistics as running sums).
 */
export class LogShareMerger {
  private readonly merged = new Map<
    string,
    { timeline: ProcessTimeline; stats: RunningStats; sketch: AbsQuantileSketch; freq: RunningStats }
  >();
  private readonly counts = {
    total: 0,
    parsed: 0,
    specific: 0,
    generic: 0,
    unparsed: 0,
    blank: 0,
    truncated: 0,
  };
  private readonly unparsedExamples: LogAnalysis['unparsedExamples'] = [];
  private first: LogTime | null = null;
  private last: LogTime | null = null;
  private yearlessUnresolved = 0;
  private readonly order = new OrderMerge();
  private readonly text = new TextMerge();

  constructor(private readonly maxEvents = DEFAULT_MAX_EVENTS) {}

  add({ analysis, offsets, edges }: LogShare): void {
    const counts = this.counts;
    const lineOffset = counts.total;
    this.order.add(analysis.timeOrder, edges, lineOffset);
    this.text.add(analysis.text, lineOffset);
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += analysis.lines[key];
    for (const example of analysis.unparsedExamples) {
      if (this.unparsedExamples.length < 10)
        this.unparsedExamples.push({ ...example, line: example.line + lineOffset });
    }
    this.first = pick(this.first, analysis.timeRange.first, false);
    this.last = pick(this.last, analysis.timeRange.last, true);
    this.yearlessUnresolved += analysis.yearlessUnresolved;
    for (const process of analysis.processes) {
      const key = `${process.name}|${process.configTag ?? ''}`;
      const share = shiftLines(process, lineOffset);
      const state = offsets.find((o) => o.name === process.name && o.configTag === process.configTag);
      const existing = this.merged.get(key);
      if (!existing) {
        const stats = new RunningStats();
        const sketch = new AbsQuantileSketch();
        const freq = new RunningStats();
        if (state) {
          stats.merge(state.stats);
          sketch.merge(state.sketch);
          freq.merge(state.freq);
        }
        this.merged.set(key, { timeline: share, stats, sketch, freq });
        continue;
      }
      if (state) {
        existing.stats.merge(state.stats);
        existing.sketch.merge(state.sketch);
        existing.freq.merge(state.freq);
      }
      existing.timeline = joinTimelines(existing.timeline, share, this.maxEvents);
    }
  }

  result(): LogAnalysis {
    const processes = [...this.merged.values()].map(({ timeline, stats, sketch, freq }) => {
      const summary = stats.summary();
      return {
        ...timeline,
        offset: { ...summary, p99Abs: boundedAbsQuantile(sketch, 0.99, summary) },
        freq: freq.summary(),
      };
    });
    processes.sort(
      (a, b) => a.name.localeCompare(b.name) || (a.configTag ?? '').localeCompare(b.configTag ?? ''),
    );
    return {
      lines: { ...this.counts },
      timeRange: { first: this.first, last: this.last },
      timeOrder: this.order.result,
      text: this.text.result,
      yearlessUnresolved: this.yearlessUnresolved,
      processes,
      unparsedExamples: this.unparsedExamples,
    };
  }
}

/** The earlier (or later) of two times; a wall time wins over monotonic seconds only (an undated line). */
function pick(a: LogTime | null, b: LogTime | null, later: boolean): LogTime | null {
  if (!a || !b) return a ?? b;
  if ((a.wall === undefined) !== (b.wall === undefined)) return a.wall === undefined ? b : a;
  const difference = a.wall !== undefined ? b.wall! - a.wall : (b.mono ?? 0) - (a.mono ?? 0);
  return (later ? difference >= 0 : difference < 0) ? b : a;
}

/** Steps back of consecutive shares, and the one where a share starts before the previous one ended. */
class OrderMerge {
  readonly result: LogAnalysis['timeOrder'] = { stepsBack: 0, first: null, largest: null };
  private lastWall: number | null = null;

  add(order: LogAnalysis['timeOrder'], edges: SpanEdges, lineOffset: number): void {
    const shift = (step: typeof order.first) => step && { ...step, line: step.line + lineOffset };
    if (
      this.lastWall !== null &&
      edges.firstWall !== null &&
      edges.firstWall < this.lastWall - BACKWARDS_TOLERANCE_MS
    )
      this.take({ line: edges.firstLine + lineOffset, from: this.lastWall, to: edges.firstWall });
    this.result.stepsBack += order.stepsBack;
    this.result.first ??= shift(order.first);
    if (order.largest) this.take(shift(order.largest)!, false);
    this.lastWall = edges.lastWall ?? this.lastWall;
  }

  private take(step: NonNullable<LogAnalysis['timeOrder']['first']>, counted = true): void {
    if (counted) {
      this.result.stepsBack++;
      this.result.first ??= step;
    }
    const largest = this.result.largest;
    if (!largest || step.from - step.to > largest.from - largest.to) this.result.largest = step;
  }
}

/** Encodings and invalid lines of consecutive shares: the log's encoding is that of its start. */
class TextMerge {
  readonly result: LogAnalysis['text'] = {
    encoding: 'utf-8',
    invalidUtf8Lines: 0,
    firstInvalidUtf8Line: null,
  };
  private started = false;

  add(text: LogAnalysis['text'], lineOffset: number): void {
    if (!this.started) {
      this.started = true;
      this.result.encoding = text.encoding;
    }
    this.result.invalidUtf8Lines += text.invalidUtf8Lines;
    if (text.firstInvalidUtf8Line !== null)
      this.result.firstInvalidUtf8Line ??= text.firstInvalidUtf8Line + lineOffset;
  }
}

/** Line numbers of a share continue the earlier shares': its entries are renumbered in place. */
function shiftLines(timeline: ProcessTimeline, offset: number): ProcessTimeline {
  if (offset === 0) return timeline;
  for (const list of [
    timeline.portTransitions,
    timeline.faults,
    timeline.gmChanges,
    timeline.externalGrandmasters,
    timeline.foreignMasters,
    timeline.clockClassChanges,
    timeline.stateChanges,
    timeline.statusChanges,
    timeline.fsmTransitions,
    timeline.dpllDecisions,
  ] as { line: number }[][]) {
    for (const entry of list) entry.line += offset;
  }
  return timeline;
}

/**
 * The earlier timeline with the later one's appended, in place: the lists of a long log's shares are
 * thousands of entries long, and a copy of each at every join would double the memory a merge needs.
 */
function joinTimelines(a: ProcessTimeline, b: ProcessTimeline, maxEvents: number): ProcessTimeline {
  const omitted = a.omitted;
  for (const [list, count] of Object.entries(b.omitted)) omitted[list] = (omitted[list] ?? 0) + count;
  const append = <T>(name: string, earlier: T[], later: T[]): T[] => {
    const room = Math.max(0, maxEvents - earlier.length);
    for (let i = 0; i < later.length && i < room; i++) earlier.push(later[i]!);
    if (later.length > room) omitted[name] = (omitted[name] ?? 0) + later.length - room;
    return earlier;
  };
  const servoChanges = stitch(
    a.servoChanges,
    b.servoChanges,
    () => '',
    (c) => c.to,
    (c, from) => ({ ...c, from }),
  );
  const clockClassChanges = stitch(
    a.clockClassChanges,
    b.clockClassChanges,
    () => '',
    (c) => c.clockClass,
    (c, previous) => ({ ...c, previous }),
  );
  const gmChanges = stitch(
    a.gmChanges,
    b.gmChanges,
    () => '',
    (c) => c.gmIdentity,
  );
  const externalGrandmasters = stitch(
    a.externalGrandmasters,
    b.externalGrandmasters,
    () => '',
    (c) => `${c.gmIdentity} ${c.stepsRemoved}`,
  );
  const stateChanges = stitch(
    a.stateChanges,
    b.stateChanges,
    (c) => c.iface ?? '',
    (c) => c.to,
    (c, from) => ({ ...c, from }),
  );
  const dpllDecisions = stitch(
    a.dpllDecisions,
    b.dpllDecisions,
    (c) => c.iface ?? '',
    (c) => `${c.state ?? c.status}|${c.inSpec}|${c.sourceLost}|${c.onHoldover}`,
  );
  const notices = a.notices;
  for (const [code, notice] of Object.entries(b.notices)) {
    const earlier = notices[code];
    notices[code] = earlier ? { ...earlier, count: earlier.count + notice.count, last: notice.last } : notice;
  }
  return {
    ...a,
    lines: a.lines + b.lines,
    firstTime: a.firstTime ?? b.firstTime,
    lastTime: b.lastTime ?? a.lastTime,
    servo: {
      s0: a.servo.s0 + b.servo.s0,
      s1: a.servo.s1 + b.servo.s1,
      s2: a.servo.s2 + b.servo.s2,
      s3: a.servo.s3 + b.servo.s3,
    },
    rms: joinRms(a.rms, b.rms),
    lastOffset: b.lastOffset ?? a.lastOffset,
    servoChanges: append('servoChanges', a.servoChanges, servoChanges),
    portTransitions: append('portTransitions', a.portTransitions, b.portTransitions),
    faults: append('faults', a.faults, b.faults),
    gmChanges: append('gmChanges', a.gmChanges, gmChanges),
    externalGrandmasters: append('externalGrandmasters', a.externalGrandmasters, externalGrandmasters),
    foreignMasters: append('foreignMasters', a.foreignMasters, b.foreignMasters),
    clockClassChanges: append('clockClassChanges', a.clockClassChanges, clockClassChanges),
    stateChanges: append('stateChanges', a.stateChanges, stateChanges),
    statusChanges: append('statusChanges', a.statusChanges, b.statusChanges),
    fsmTransitions: append('fsmTransitions', a.fsmTransitions, b.fsmTransitions),
    dpllDecisions: append('dpllDecisions', a.dpllDecisions, dpllDecisions),
    notices,
    omitted,
  };
}

/**
 * The later share's changes to append, per stream (`group`): its first change of a stream, made without
 * knowing the previous state, is dropped when it only repeats where the earlier share ended, and else
 * gets that state as its `from` (via `withFrom`).
 */
function stitch<T, V>(
  earlier: T[],
  later: T[],
  group: (change: T) => string,
  value: (change: T) => V,
  withFrom?: (change: T, from: V) => T,
): T[] {
  const ended = new Map<string, V>();
  for (const change of earlier) ended.set(group(change), value(change));
  const joined: T[] = [];
  const seen = new Set<string>();
  for (const change of later) {
    const key = group(change);
    if (!seen.has(key) && ended.has(key)) {
      seen.add(key);
      const previous = ended.get(key) as V;
      if (previous === value(change)) continue;
      joined.push(withFrom ? withFrom(change, previous) : change);
      continue;
    }
    seen.add(key);
    joined.push(change);
  }
  return joined;
}

function joinRms(a: ProcessTimeline['rms'], b: ProcessTimeline['rms']): ProcessTimeline['rms'] {
  if (!a || !b) return a ?? b;
  const count = a.count + b.count;
  return {
    count,
    rmsMean: round3(((a.rmsMean ?? 0) * a.count + (b.rmsMean ?? 0) * b.count) / count),
    rmsMax: Math.max(a.rmsMax ?? 0, b.rmsMax ?? 0),
    maxAbs: Math.max(a.maxAbs ?? 0, b.maxAbs ?? 0),
    last: b.last ?? a.last,
  };
}
