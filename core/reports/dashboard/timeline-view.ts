import { minMaxPerBucket } from '../../analysis/downsample.js';
import type { ClockClassChange, ProcessTimeline } from '../../model/process-timeline.js';
import type { SampleSeries } from '../../model/sample-series.js';
import type { Lane, OffsetSeriesView, TimelineView } from './view-schema.js';

/** Pixel columns of an offset chart when the page does not say how wide it draws. */
export const DEFAULT_CHART_WIDTH = 1200;
const MAX_CHART_WIDTH = 8192;

export interface TimelineInput {
  range: { from: number; to: number } | null;
  processes: readonly ProcessTimeline[];
  /** Retained samples by NodeSnapshot.series key (`name|configTag`, `|rms` for summary maxima). */
  series: ReadonlyMap<string, SampleSeries>;
  clockClassChanges: readonly ClockClassChange[];
  /** Lanes made elsewhere (a node's episodes), drawn after the processes' own. */
  extraLanes?: Lane[];
  /** Pixel columns the offsets are reduced to (min and max per column). */
  width?: number;
}

/** Offsets, clock class and state lanes of a node's (or a log's) processes on one time axis. */
export function timelineView(input: TimelineInput): TimelineView {
  const { range } = input;
  if (!range) return { range: null, offsets: [], clockClass: { time: [], value: [] }, lanes: [] };
  const width = Math.min(MAX_CHART_WIDTH, Math.max(50, Math.round(input.width ?? DEFAULT_CHART_WIDTH)));
  return {
    range,
    offsets: offsetSeries(input.series, range, width),
    clockClass: clockClassSteps(input.clockClassChanges, range),
    lanes: [...processLanes(input.processes, range), ...(input.extraLanes ?? [])],
  };
}

/** |offset| of every process with samples; a process' rms summary maxima only when it has no per-update offsets. */
function offsetSeries(
  series: ReadonlyMap<string, SampleSeries>,
  range: { from: number; to: number },
  width: number,
): OffsetSeriesView[] {
  const views: OffsetSeriesView[] = [];
  for (const [key, samples] of series) {
    if (samples.length === 0) continue;
    const [name, tag, kind] = key.split('|');
    const summaries = kind === 'rms';
    if (summaries && (series.get(`${name}|${tag}`)?.length ?? 0) > 0) continue;
    const { wall, offset } = samples.columns();
    const reduced = minMaxPerBucket(wall, offset, range.from, range.to, width, true);
    if (reduced.samples === 0) continue;
    views.push({
      label: `${name}${tag ? ` ${tag}` : ''}`,
      from: summaries ? 'summaries' : 'offsets',
      samples: reduced.samples,
      thinned: samples.decimated,
      time: reduced.time,
      min: reduced.min,
      max: reduced.max,
    });
  }
  return views;
}

/** The class at each change, and again at the end of the data so that the last step is drawn. */
function clockClassSteps(changes: readonly ClockClassChange[], range: { from: number; to: number }) {
  const dated = changes.filter((c) => c.time.wall !== undefined).sort((a, b) => a.time.wall! - b.time.wall!);
  const time = dated.map((c) => c.time.wall!);
  const value = dated.map((c) => c.clockClass);
  if (dated.length > 0 && time.at(-1)! < range.to) {
    time.push(range.to);
    value.push(value.at(-1)!);
  }
  return { time, value };
}

interface Change {
  time: number;
  from: string | null;
  to: string;
}

function processLanes(processes: readonly ProcessTimeline[], range: { from: number; to: number }): Lane[] {
  const lanes: Lane[] = [];
  const faults: Lane = { group: 'fault', label: 'faults', segments: [], marks: [] };
  for (const process of processes) {
    const name = `${process.name}${process.configTag ? ` ${process.configTag}` : ''}`;
    const servo = dated(process.servoChanges.map((c) => ({ time: c.time, from: c.from, to: c.to })));
    if (servo.length > 0)
      lanes.push({ group: 'servo', label: `${name} servo`, segments: segments(servo, range), marks: [] });
    const group = process.name === 'gnss' ? 'gnss' : process.name === 'dpll' ? 'dpll' : 'sync';
    for (const [iface, changes] of byKey(process.stateChanges, (c) => c.iface ?? '')) {
      const states = dated(changes.map((c) => ({ time: c.time, from: c.from, to: c.to })));
      if (states.length > 0)
        lanes.push({
          group,
          label: `${name}${iface ? ` ${iface}` : ''}`,
          segments: segments(states, range),
          marks: [],
        });
    }
    const network = process.portTransitions.filter((t) => !t.iface?.startsWith('/'));
    // ptp4l's UDS port (/var/run/ptp4l…) carries pmc, not time: its states say nothing of synchronization.
    for (const [port, transitions] of byKey(network, (t) => t.iface ?? `port ${t.port ?? '?'}`)) {
      const states = dated(transitions.map((t) => ({ time: t.time, from: t.from, to: t.to })));
      if (states.length > 0)
        lanes.push({ group: 'port', label: `${name} ${port}`, segments: segments(states, range), marks: [] });
    }
    for (const fault of process.faults) {
      if (fault.time.wall === undefined) continue;
      faults.marks.push({ time: fault.time.wall, text: `${name}: ${fault.kind} ${fault.detail}`.trim() });
    }
  }
  faults.marks.sort((a, b) => a.time - b.time);
  if (faults.marks.length > 0) lanes.push(faults);
  return lanes;
}

/** Spans from a list of changes: before the first, the state it left (when the log names it). */
export function segments(changes: readonly Change[], range: { from: number; to: number }): Lane['segments'] {
  const out: Lane['segments'] = [];
  const first = changes[0];
  if (first?.from && first.time > range.from)
    out.push({ from: range.from, to: first.time, state: first.from });
  changes.forEach((change, index) => {
    const to = Math.max(change.time, changes[index + 1]?.time ?? range.to);
    out.push({ from: change.time, to, state: change.to });
  });
  return out;
}

function dated(changes: { time: { wall?: number }; from: string | null; to: string }[]): Change[] {
  return changes
    .filter((c) => c.time.wall !== undefined)
    .map((c) => ({ time: c.time.wall!, from: c.from, to: c.to }))
    .sort((a, b) => a.time - b.time);
}

function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
