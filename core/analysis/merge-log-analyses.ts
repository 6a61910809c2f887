import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { OffsetState } from './log-analyzer.js';
import { AbsQuantileSketch, boundedAbsQuantile, RunningStats, round3 } from './statistics.js';
import { DEFAULT_MAX_EVENTS } from './timeline-builder.js';

/** One consecutive share of a log (a byte range of a file, analyzed on its own). */
export interface LogShare {
  analysis: LogAnalysis;
  offsets: OffsetState[];
}

/**
 * Joins the analyses of consecutive shares of one log into the analysis of the whole: counts add up,
 * statistics merge exactly, line numbers continue, and each list of changes is stitched where the shares
 * meet (a share starts without knowing the previous state, so a "change" to the state the previous share
 * ended in is no change and is dropped). Lists are capped again as one analysis would cap them.
 */
export function mergeLogShares(shares: readonly LogShare[], maxEvents = DEFAULT_MAX_EVENTS): LogAnalysis {
  const merged = new Map<
    string,
    { timeline: ProcessTimeline; stats: RunningStats; sketch: AbsQuantileSketch; freq: RunningStats }
  >();
  const counts = { total: 0, parsed: 0, specific: 0, generic: 0, unparsed: 0, blank: 0, truncated: 0 };
  const unparsedExamples: LogAnalysis['unparsedExamples'] = [];
  let first: LogTime | null = null;
  let last: LogTime | null = null;
  let yearlessUnresolved = 0;

  for (const { analysis, offsets } of shares) {
    const lineOffset = counts.total;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += analysis.lines[key];
    for (const example of analysis.unparsedExamples) {
      if (unparsedExamples.length < 10)
        unparsedExamples.push({ ...example, line: example.line + lineOffset });
    }
    first ??= analysis.timeRange.first;
    last = analysis.timeRange.last ?? last;
    yearlessUnresolved += analysis.yearlessUnresolved;
    for (const process of analysis.processes) {
      const key = `${process.name}|${process.configTag ?? ''}`;
      const share = shiftLines(process, lineOffset);
      const state = offsets.find((o) => o.name === process.name && o.configTag === process.configTag);
      const existing = merged.get(key);
      if (!existing) {
        const stats = new RunningStats();
        const sketch = new AbsQuantileSketch();
        const freq = new RunningStats();
        if (state) {
          stats.merge(state.stats);
          sketch.merge(state.sketch);
          freq.merge(state.freq);
        }
        merged.set(key, { timeline: share, stats, sketch, freq });
        continue;
      }
      if (state) {
        existing.stats.merge(state.stats);
        existing.sketch.merge(state.sketch);
        existing.freq.merge(state.freq);
      }
      existing.timeline = joinTimelines(existing.timeline, share, maxEvents);
    }
  }

  const processes = [...merged.values()].map(({ timeline, stats, sketch, freq }) => {
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
  return { lines: counts, timeRange: { first, last }, yearlessUnresolved, processes, unparsedExamples };
}

function shiftLines(timeline: ProcessTimeline, offset: number): ProcessTimeline {
  if (offset === 0) return timeline;
  const shift = <T extends { line: number }>(list: T[]) =>
    list.map((entry) => ({ ...entry, line: entry.line + offset }));
  return {
    ...timeline,
    portTransitions: shift(timeline.portTransitions),
    faults: shift(timeline.faults),
    gmChanges: shift(timeline.gmChanges),
    foreignMasters: shift(timeline.foreignMasters),
    clockClassChanges: shift(timeline.clockClassChanges),
    stateChanges: shift(timeline.stateChanges),
    statusChanges: shift(timeline.statusChanges),
    fsmTransitions: shift(timeline.fsmTransitions),
    dpllDecisions: shift(timeline.dpllDecisions),
  };
}

function joinTimelines(a: ProcessTimeline, b: ProcessTimeline, maxEvents: number): ProcessTimeline {
  const omitted = { ...a.omitted };
  for (const [list, count] of Object.entries(b.omitted)) omitted[list] = (omitted[list] ?? 0) + count;
  const capped = <T>(name: string, list: T[]): T[] => {
    if (list.length <= maxEvents) return list;
    omitted[name] = (omitted[name] ?? 0) + list.length - maxEvents;
    return list.slice(0, maxEvents);
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
  const notices = { ...a.notices };
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
    servoChanges: capped('servoChanges', servoChanges),
    portTransitions: capped('portTransitions', [...a.portTransitions, ...b.portTransitions]),
    faults: capped('faults', [...a.faults, ...b.faults]),
    gmChanges: capped('gmChanges', gmChanges),
    foreignMasters: capped('foreignMasters', [...a.foreignMasters, ...b.foreignMasters]),
    clockClassChanges: capped('clockClassChanges', clockClassChanges),
    stateChanges: capped('stateChanges', stateChanges),
    statusChanges: capped('statusChanges', [...a.statusChanges, ...b.statusChanges]),
    fsmTransitions: capped('fsmTransitions', [...a.fsmTransitions, ...b.fsmTransitions]),
    dpllDecisions: capped('dpllDecisions', dpllDecisions),
    notices,
    omitted,
  };
}

/**
 * Appends the later share's changes, per stream (`group`): its first change of a stream, made without
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
  const joined = [...earlier];
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
