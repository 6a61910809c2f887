import type { LogRecord, LogRecordOf, LogTime, ServoState, SyncState } from '../model/log-record.js';
import type { ProcessTimeline, RmsSummary } from '../model/process-timeline.js';
import { SampleSeries } from '../model/sample-series.js';
import { PROXY_PROCESS } from '../parsers/log/logrus-line.js';
import { RecentMessages } from './recent-messages.js';
import {
  AbsQuantileSketch,
  boundedAbsQuantile,
  RunningStats,
  type RunningStatsState,
  round3,
} from './statistics.js';

export interface TimelineBuilderOptions {
  /** Cap of every event list (port transitions, faults…); what is left out is counted in `omitted`. */
  maxEventsPerList?: number;
  /** Offset samples kept for window statistics (0: none, as `logs analyze` needs only totals). */
  maxSamples?: number;
}

export const DEFAULT_MAX_EVENTS = 5000;

/** Notices that report a fault of the port or process (linuxptp sk.c, port.c, ts2phc.c, phc2sys.c). */
const FAULT_NOTICES = new Set([
  'txTimestampTimeout',
  'txTimestampFailed',
  'sendFailed',
  'phcDeviceMismatch',
  'clockCreateFailed',
  'clockClassRejected',
  'sourceTimestampInvalid',
  'nmeaTimeout',
  'nmeaNoFix',
  'holdoverLost',
  'openFailed',
  'fault',
]);

/**
 * Notices of normal operation: never the cause of a fault or an exit printed after them (ts2phc's "adding
 * tstamp … to clock" comes once a second; the line reader counts its repeats without reading them).
 */
const ROUTINE_NOTICES = new Set([
  'timestampAdded',
  'exttsSkipped',
  'extts',
  'phcSelected',
  'linkUp',
  'jbod',
  'utcOffsetUpdated',
  'sourceSelected',
  'sinkSelected',
  'holdoverProgress',
  'qualityLevelSent',
  'nmeaDelay',
  // clock.c update_parent_ds prints it each time it takes a parent whose Announce lacks PTP_TIMESCALE (a
  // free-running master): what the master is, not why a port faults (lab: FT_SWITCH_PHC came 1 ms after it).
  'foreignTimescale',
]);

const SERVO_STATES: readonly ServoState[] = ['s0', 's1', 's2', 's3'];
const SERVO_INDEX: Record<ServoState, number> = { s0: 0, s1: 1, s2: 2, s3: 3 };

function timeOf(wall: number | undefined, mono: number | undefined): LogTime {
  const time: LogTime = {};
  if (wall !== undefined) time.wall = wall;
  if (mono !== undefined) time.mono = mono;
  return time;
}

type ListName =
  | 'servoChanges'
  | 'portTransitions'
  | 'faults'
  | 'gmChanges'
  | 'externalGrandmasters'
  | 'foreignMasters'
  | 'clockClassChanges'
  | 'stateChanges'
  | 'statusChanges'
  | 'fsmTransitions'
  | 'dpllDecisions';

/** Condenses the records of one process instance into a ProcessTimeline, in one pass and bounded memory. */
/** What a DPLL decision is compared by: a repeat of the last one of an interface is not a change. */
export function dpllDecisionKey(
  state: string | number | undefined,
  inSpec: boolean,
  sourceLost: boolean,
  onHoldover: boolean,
): string {
  return `${state}|${inSpec}|${sourceLost}|${onHoldover}`;
}

export class ProcessTimelineBuilder {
  private readonly timeline: ProcessTimeline;
  private readonly offsets = new RunningStats();
  private readonly freqs = new RunningStats();
  private readonly offsetSketch = new AbsQuantileSketch();
  private readonly rms = new RunningStats();
  private rmsMaxAbs = 0;
  private lastRms: RmsSummary['last'] = null;
  private lastServo: ServoState | null = null;
  private hasFirst = false;
  private firstWall: number | undefined;
  private firstMono: number | undefined;
  private lastWall: number | undefined;
  private lastMono: number | undefined;
  private lastSampleWall: number | undefined;
  private lastSampleMono: number | undefined;
  private lastSampleOffset = 0;
  private lastSampleServo = -1;
  private lastSampleFreq = 0;
  private lastClockClass: number | null = null;
  private lastGm: string | null = null;
  private lastExternalGm: string | null = null;
  /** The last messages or notices of this process (a few): the cause a FAULTY transition right after names. */
  private readonly recentMessages = new RecentMessages(MAX_CAUSES);
  private readonly ifaceStates = new Map<string, SyncState>();
  private readonly dpllKeys = new Map<string, string>();
  private readonly maxEvents: number;
  readonly samples: SampleSeries;
  /** The `max` of each rms summary line, as samples (for processes that print summaries, not offsets). */
  readonly rmsSamples: SampleSeries;

  constructor(
    readonly name: string,
    readonly configTag: string | null,
    options: TimelineBuilderOptions = {},
  ) {
    this.maxEvents = options.maxEventsPerList ?? DEFAULT_MAX_EVENTS;
    this.samples = new SampleSeries(options.maxSamples ?? 0);
    this.rmsSamples = new SampleSeries(options.maxSamples ?? 0);
    this.timeline = {
      name,
      configTag,
      lines: 0,
      firstTime: null,
      lastTime: null,
      servo: { s0: 0, s1: 0, s2: 0, s3: 0 },
      offset: { count: 0, min: null, max: null, mean: null, stddev: null, p99Abs: null },
      freq: { count: 0, min: null, max: null, mean: null, stddev: null },
      rms: null,
      lastOffset: null,
      servoChanges: [],
      portTransitions: [],
      faults: [],
      gmChanges: [],
      externalGrandmasters: [],
      foreignMasters: [],
      clockClassChanges: [],
      stateChanges: [],
      statusChanges: [],
      fsmTransitions: [],
      dpllDecisions: [],
      notices: {},
      omitted: {},
    };
  }

  add(record: LogRecord): void {
    this.seen(record.time.wall, record.time.mono);
    switch (record.kind) {
      case 'offset':
        this.addSample(
          record.time.wall,
          record.time.mono,
          record.offset,
          SERVO_INDEX[record.servo],
          record.freq,
        );
        return;
      case 'rms':
        this.addRms(record.time, record.rms, record.max);
        return;
      case 'portState':
        this.addPortState(record);
        return;
      case 'bestMaster':
        if (record.clockIdentity !== this.lastGm) {
          this.lastGm = record.clockIdentity;
          this.append('gmChanges', {
            time: record.time,
            line: record.line,
            gmIdentity: record.clockIdentity,
            local: record.local,
          });
        }
        return;
      case 'externalGrandmaster': {
        // The daemon repeats the same SET at every state change: only changes are kept.
        const key = `${record.gmIdentity} ${record.stepsRemoved}`;
        if (key !== this.lastExternalGm) {
          this.lastExternalGm = key;
          this.append('externalGrandmasters', {
            time: record.time,
            line: record.line,
            gmIdentity: record.gmIdentity,
            stepsRemoved: record.stepsRemoved,
          });
        }
        return;
      }
      case 'foreignMaster': {
        const entry: ProcessTimeline['foreignMasters'][number] = {
          time: record.time,
          line: record.line,
          portIdentity: record.portIdentity,
        };
        if (record.port !== undefined) entry.port = record.port;
        if (record.iface !== undefined) entry.iface = record.iface;
        this.append('foreignMasters', entry);
        return;
      }
      case 'clockClass':
        if (record.clockClass !== this.lastClockClass) {
          const previous = this.lastClockClass;
          this.lastClockClass = record.clockClass;
          this.append('clockClassChanges', {
            time: record.time,
            line: record.line,
            clockClass: record.clockClass,
            previous,
          });
        }
        return;
      case 'syncState':
        this.addSyncState(record);
        return;
      case 'processStatus':
        this.append('statusChanges', { time: record.time, line: record.line, up: record.up });
        // ptp4l says why it exits before the daemon reports it down (ptp4l.c main: "failed to create a clock").
        if (!record.up)
          this.fault(
            record,
            'processDown',
            `process reported DOWN (PTP_PROCESS_STATUS:0)${this.causeBefore(record.time)}`,
          );
        return;
      case 'fsmTransition':
        this.append('fsmTransitions', {
          time: record.time,
          line: record.line,
          machine: record.machine,
          from: record.from,
          to: record.to,
        });
        return;
      case 'dpllDecision':
        this.addDpllDecision(record);
        return;
      case 'clockJump':
        this.fault(record, 'clockJump', `clockcheck: clock jumped ${record.direction}`);
        return;
      case 'notice':
        this.addNotice(record);
        if (!ROUTINE_NOTICES.has(record.code)) this.remember(record.text, record.time);
        return;
      case 'message':
        // The sidecar's errors: events it could not deliver, subscriptions it lost.
        if (record.process === PROXY_PROCESS && record.severity === 'error')
          this.fault(record, 'sidecarError', record.text);
        this.remember(record.text, record.time);
        return;
      default:
        return;
    }
  }

  /** Whether a daemon state line would change nothing: same state on that interface as before. */
  stateUnchanged(iface: string, state: SyncState): boolean {
    return this.ifaceStates.get(iface) === state;
  }

  /** Whether a DPLL decision (see dpllDecisionKey) would change nothing: the interface's last one. */
  dpllDecisionUnchanged(iface: string, key: string): boolean {
    return this.dpllKeys.get(iface) === key;
  }

  /** Whether repeatNotice would count a notice of this code (one was seen before, and not a fault). */
  noticeRepeats(code: string): boolean {
    return this.timeline.notices[code] !== undefined && !FAULT_NOTICES.has(code);
  }

  /** Counts a notice seen before, as add() does; false when it is the first of its code. */
  repeatNotice(code: string, time: LogTime): boolean {
    const counted = this.timeline.notices[code];
    if (!counted || FAULT_NOTICES.has(code)) return false;
    counted.count++;
    counted.last = time;
    return true;
  }

  /** A summary_interval statistics line, as add() takes it (the log analyzer's fast path calls it directly). */
  addRms(time: LogTime, rms: number, max: number): void {
    // Kept as samples of the interval's max |offset|: what "recently" means for a summary-printing ptp4l.
    this.rmsSamples.pushNumbers(time.wall, time.mono, max, 2);
    this.rms.push(rms);
    this.rmsMaxAbs = Math.max(this.rmsMaxAbs, Math.abs(max));
    this.lastRms = { time, rms, max };
  }

  /** Counts a line of this process and keeps its time as the first or the last one (see add()). */
  countLine(wall: number | undefined, mono: number | undefined): void {
    this.seen(wall, mono);
  }

  /**
   * A plain message of this process (not the sidecar's), as add() takes it, given as bytes[start, end) of
   * the block being read: decoded only if it is still among the last few when settleMessages() is called.
   */
  addMessageBytes(
    wall: number | undefined,
    mono: number | undefined,
    bytes: Buffer,
    start: number,
    end: number,
  ): void {
    this.seen(wall, mono);
    this.recentMessages.pushBytes(bytes, start, end, wall ?? (mono ?? 0) * 1000);
  }

  /** Decodes the messages addMessageBytes kept as bytes: before the block they lie in is reused. */
  settleMessages(): void {
    this.recentMessages.settle();
  }

  /**
   * One servo sample, as plain numbers: the fast path of the analyzer calls this for millions of lines, so
   * nothing is allocated unless the servo state changes. `servo` is 0..3 for s0..s3.
   */
  addSample(
    wall: number | undefined,
    mono: number | undefined,
    offset: number,
    servo: number,
    freq: number,
  ): void {
    const state = SERVO_STATES[servo]!;
    this.timeline.servo[state]++;
    this.offsets.push(offset);
    this.freqs.push(freq);
    this.offsetSketch.push(offset);
    this.samples.pushNumbers(wall, mono, offset, servo, freq);
    this.lastSampleWall = wall;
    this.lastSampleMono = mono;
    this.lastSampleOffset = offset;
    this.lastSampleServo = servo;
    this.lastSampleFreq = freq;
    if (state !== this.lastServo) {
      this.append('servoChanges', { time: timeOf(wall, mono), from: this.lastServo, to: state });
      this.lastServo = state;
    }
  }

  /** Counts a line of this process and keeps its time as the first or the last one. */
  private seen(wall: number | undefined, mono: number | undefined): void {
    this.timeline.lines++;
    if (wall === undefined && mono === undefined) return;
    if (!this.hasFirst) {
      this.hasFirst = true;
      this.firstWall = wall;
      this.firstMono = mono;
    }
    this.lastWall = wall;
    this.lastMono = mono;
  }

  /** The exact offset statistics, for merging this share of a log with others. */
  offsetState(): { stats: RunningStatsState; sketch: Float64Array; freq: RunningStatsState } {
    return { stats: this.offsets.state(), sketch: this.offsetSketch.counts(), freq: this.freqs.state() };
  }

  build(): ProcessTimeline {
    if (this.hasFirst) {
      this.timeline.firstTime = timeOf(this.firstWall, this.firstMono);
      this.timeline.lastTime = timeOf(this.lastWall, this.lastMono);
    }
    if (this.lastSampleServo >= 0) {
      this.timeline.lastOffset = {
        time: timeOf(this.lastSampleWall, this.lastSampleMono),
        offset: this.lastSampleOffset,
        servo: SERVO_STATES[this.lastSampleServo]!,
        freq: this.lastSampleFreq,
      };
    }
    const summary = this.offsets.summary();
    this.timeline.offset = { ...summary, p99Abs: boundedAbsQuantile(this.offsetSketch, 0.99, summary) };
    this.timeline.freq = this.freqs.summary();
    if (this.rms.count > 0) {
      this.timeline.rms = {
        count: this.rms.count,
        rmsMean: round3(this.rms.mean),
        rmsMax: this.rms.max,
        maxAbs: this.rmsMaxAbs,
        last: this.lastRms,
      };
    }
    return this.timeline;
  }

  private addPortState(record: LogRecordOf<'portState'>): void {
    const transition: ProcessTimeline['portTransitions'][number] = {
      time: record.time,
      line: record.line,
      from: record.from,
      to: record.to,
    };
    if (record.port !== undefined) transition.port = record.port;
    if (record.iface !== undefined) transition.iface = record.iface;
    if (record.event !== undefined) transition.event = record.event;
    if (record.fault !== undefined) transition.fault = record.fault;
    this.append('portTransitions', transition);
    if (record.to === 'FAULTY') {
      const cause = [record.event, record.fault && `(${record.fault})`].filter(Boolean).join(' ');
      // ptp4l logs why before it reports the fault (clock.c clock_switch_phc: "Switching PHC, failed to open
      // /dev/ptp-1" before FT_SWITCH_PHC; sk.c "timed out while polling for tx timestamp" before FT_UNSPECIFIED):
      // those lines, printed within the second before, are the cause a reader needs.
      this.fault(
        record,
        'portFaulty',
        `${record.from} to FAULTY${cause ? ` on ${cause}` : ''}${this.causeBefore(record.time)}`,
      );
    } else if (record.event === 'SYNCHRONIZATION_FAULT') {
      this.fault(record, 'synchronizationFault', `${record.from} to ${record.to} on SYNCHRONIZATION_FAULT`);
    }
  }

  private addSyncState(record: LogRecordOf<'syncState'>): void {
    const key = record.iface ?? '';
    const previous = this.ifaceStates.get(key) ?? null;
    if (previous === record.state) return;
    this.ifaceStates.set(key, record.state);
    const change: ProcessTimeline['stateChanges'][number] = {
      time: record.time,
      line: record.line,
      from: previous,
      to: record.state,
      values: record.values,
    };
    if (record.iface !== undefined) change.iface = record.iface;
    if (record.offset !== undefined) change.offset = record.offset;
    this.append('stateChanges', change);
  }

  private addDpllDecision(record: LogRecordOf<'dpllDecision'>): void {
    const key = dpllDecisionKey(
      record.state ?? record.status,
      record.inSpec,
      record.sourceLost,
      record.onHoldover,
    );
    const iface = record.iface ?? '';
    if (this.dpllKeys.get(iface) === key) return;
    this.dpllKeys.set(iface, key);
    const { time, line, offset, inSpec, sourceLost, onHoldover } = record;
    const change: ProcessTimeline['dpllDecisions'][number] = {
      time,
      line,
      offset,
      inSpec,
      sourceLost,
      onHoldover,
    };
    if (record.iface !== undefined) change.iface = record.iface;
    if (record.state !== undefined) change.state = record.state;
    if (record.status !== undefined) change.status = record.status;
    this.append('dpllDecisions', change);
  }

  private addNotice(record: LogRecordOf<'notice'>): void {
    const counted = this.timeline.notices[record.code];
    if (counted) {
      counted.count++;
      counted.last = record.time;
    } else {
      this.timeline.notices[record.code] = {
        count: 1,
        first: record.time,
        last: record.time,
        example: record.text,
      };
    }
    if (FAULT_NOTICES.has(record.code))
      this.fault(record, record.code, record.text, record.port, record.iface);
  }

  /** ` after "…"`: the messages of this process printed within the second before `time` (then forgotten). */
  private causeBefore(time: LogTime): string {
    const causes = this.recentMessages.takeWithin(timeKeyOf(time), CAUSE_WINDOW_MS);
    return causes.length > 0 ? ` after ${causes.map((text) => `"${text}"`).join(', ')}` : '';
  }

  private remember(text: string, time: LogTime): void {
    this.recentMessages.push(text, timeKeyOf(time));
  }

  private fault(record: LogRecord, kind: string, detail: string, port?: number, iface?: string): void {
    const event: ProcessTimeline['faults'][number] = { time: record.time, line: record.line, kind, detail };
    const portOf = port ?? ('port' in record ? record.port : undefined);
    const ifaceOf = iface ?? ('iface' in record ? record.iface : undefined);
    if (portOf !== undefined) event.port = portOf;
    if (ifaceOf !== undefined) event.iface = ifaceOf;
    this.append('faults', event);
  }

  private append<K extends ListName>(list: K, entry: ProcessTimeline[K][number]): void {
    const target = this.timeline[list] as ProcessTimeline[K][number][];
    if (target.length < this.maxEvents) target.push(entry);
    else this.timeline.omitted[list] = (this.timeline.omitted[list] ?? 0) + 1;
  }
}

/** How close before a FAULTY transition a message must be to count as its cause, and how many are kept. */
const CAUSE_WINDOW_MS = 1000;
const MAX_CAUSES = 3;

function timeKeyOf(time: LogTime): number {
  return time.wall ?? (time.mono ?? 0) * 1000;
}
