import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { SampleSeries } from '../model/sample-series.js';
import {
  newScannedKlog,
  newScannedOffset,
  newScannedPrefix,
  newScannedState,
  type ScannedKlog,
  type ScannedOffset,
  type ScannedPrefix,
  type ScannedState,
  scanKlogHeader,
  scanOffsetLine,
  scanRfc3339Prefix,
  scanStateLine,
} from '../parsers/log/fast-line-scan.js';
import {
  decodeLine,
  feedText,
  type LineSink,
  MAX_LINE_LENGTH,
  splitStream,
} from '../parsers/log/line-splitter.js';
import { LogTimeline } from '../parsers/log/log-timeline.js';
import { type ParsedLine, parseLogLine } from '../parsers/log/parse-log-line.js';
import type { RunningStatsState } from './statistics.js';
import { ProcessTimelineBuilder, type TimelineBuilderOptions } from './timeline-builder.js';

export interface OffsetState {
  name: string;
  configTag: string | null;
  stats: RunningStatsState;
  sketch: Float64Array;
  freq: RunningStatsState;
}

export interface LogAnalyzerOptions extends TimelineBuilderOptions {
  /** Year of klog/syslog dates when the data itself holds none. */
  year?: number;
}

/**
 * How many lines may wait, at the start of a log, for what dates them to appear further on: the year of
 * klog dates, the monotonic-to-wall offset of process lines.
 */
const LOOKAHEAD_LINES = 20_000;
/** s0, s1, s2 of the daemon's own lines. */
const SYNC_STATES = ['FREERUN', 'HOLDOVER', 'LOCKED'] as const;
const UNPARSED_EXAMPLES = 10;

/** klog messages that carry state (BC FSM, DPLL decisions, holdover progress) or wrap a process line. */
function klogMessageMatters(bytes: Buffer, start: number, end: number): boolean {
  const first = bytes[start];
  if (first === 66 /* B */ || first === 40 /* ( */ || first === 100 /* d */) return true;
  // A wrapped process line: `name[` followed by a digit.
  let pos = start;
  while (pos < end && pos < start + 24 && isNameByte(bytes[pos]!)) pos++;
  if (pos > start && bytes[pos] === 91 && bytes[pos + 1]! >= 48 && bytes[pos + 1]! <= 57) return true;
  return bytes.subarray(start, end).includes(DPLL_DECISION);
}

const DPLL_DECISION = Buffer.from('decision: Status');

function isNameByte(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45
  );
}

/**
 * Feeds lines, in order, through the parser, the timeline and one ProcessTimelineBuilder per process
 * instance. Memory is bounded by the number of process instances, not by the length of the log.
 *
 * Two shapes make up most of a daemon log, servo lines and klog chatter; they are read in place inside
 * the decoded block (fast-line-scan.ts) and fed to the builders as numbers. Every other line, and every
 * line while the start of the log waits for its dating, goes through parseLogLine.
 */
export class LogAnalyzer implements LineSink {
  private readonly timeline: LogTimeline;
  private readonly builders = new Map<string, Map<string | null, ProcessTimelineBuilder>>();
  private readonly waiting: ParsedLine[] = [];
  /** The last waiting line that could not be dated when it came: once it can, so can all before it. */
  private undatable: ParsedLine['clock'] | undefined;
  private readonly counts = { total: 0, specific: 0, generic: 0, unparsed: 0, blank: 0, truncated: 0 };
  private readonly unparsedExamples: { line: number; text: string }[] = [];
  private firstWall: number | undefined;
  private firstMono: number | undefined;
  private lastWall: number | undefined;
  private lastMono: number | undefined;
  private hasTime = false;
  private previousWasDaemonMessage = false;
  private readonly recentBuilders: ProcessTimelineBuilder[] = [];
  private readonly scannedOffset: ScannedOffset = newScannedOffset();
  private readonly scannedKlog: ScannedKlog = newScannedKlog();
  private readonly scannedState: ScannedState = newScannedState();
  private readonly scannedPrefix: ScannedPrefix = newScannedPrefix();
  private readonly recentTags: string[] = [];

  constructor(private readonly options: LogAnalyzerOptions = {}) {
    this.timeline = new LogTimeline({ year: options.year });
  }

  /** Complete lines as bytes (LineSink): the common shapes are read in place, the rest decoded one by one. */
  block(bytes: Buffer, start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      let newline = bytes.indexOf(10, pos);
      if (newline < 0 || newline >= end) newline = end;
      const lineEnd = newline > pos && bytes[newline - 1] === 13 ? newline - 1 : newline;
      if (lineEnd - pos > MAX_LINE_LENGTH) this.addLine(decodeLine(bytes, pos, lineEnd), true);
      else if (!this.addFast(bytes, pos, lineEnd)) this.addLine(decodeLine(bytes, pos, lineEnd));
      pos = newline + 1;
    }
  }

  /** One line (LineSink): used for cut lines, and by callers that have lines one by one. */
  line(text: string, truncated: boolean): void {
    this.addLine(text, truncated);
  }

  addLine(text: string, truncated = false): void {
    const lineNumber = ++this.counts.total;
    if (truncated) this.counts.truncated++;
    if (text.trim() === '') {
      this.counts.blank++;
      return;
    }
    const parsed = parseLogLine(text, lineNumber);
    // A multi-line daemon message (a rendered config, ethtool or pmc output it echoes) continues on
    // lines without any envelope: they belong to that message.
    if (parsed.record.kind === 'unparsed' && this.previousWasDaemonMessage) {
      parsed.record = {
        kind: 'message',
        line: lineNumber,
        process: 'daemon',
        configTag: null,
        time: {},
        text,
      };
    }
    this.previousWasDaemonMessage = parsed.record.process === 'daemon';

    this.timeline.learn(parsed.clock);
    if (this.waiting.length > 0 || this.timeline.needsLookahead(parsed.clock)) {
      this.waiting.push(parsed);
      if (this.timeline.needsLookahead(parsed.clock)) this.undatable = parsed.clock;
      const datable = this.undatable === undefined || !this.timeline.needsLookahead(this.undatable);
      if (datable || this.waiting.length >= LOOKAHEAD_LINES) this.flushWaiting();
      return;
    }
    this.consume(parsed);
  }

  finish(): LogAnalysis {
    this.flushWaiting();
    const { total, specific, generic, unparsed, blank, truncated } = this.counts;
    const processes = [...this.builders.values()].flatMap((byTag) =>
      [...byTag.values()].map((b) => b.build()),
    );
    processes.sort(
      (a, b) => a.name.localeCompare(b.name) || (a.configTag ?? '').localeCompare(b.configTag ?? ''),
    );
    return {
      lines: { total, parsed: specific + generic, specific, generic, unparsed, blank, truncated },
      timeRange: this.hasTime
        ? { first: timeOf(this.firstWall, this.firstMono), last: timeOf(this.lastWall, this.lastMono) }
        : { first: null, last: null },
      yearlessUnresolved: this.timeline.yearlessUnresolved,
      processes,
      unparsedExamples: this.unparsedExamples,
    };
  }

  /** The exact offset statistics of every process instance, for merging shares of one log (after finish). */
  offsetStates(): OffsetState[] {
    return [...this.builders.values()].flatMap((byTag) =>
      [...byTag.values()].map((builder) => ({
        name: builder.name,
        configTag: builder.configTag,
        ...builder.offsetState(),
      })),
    );
  }

  /** The retained offset samples of one process instance (empty unless maxSamples was set). */
  samplesOf(name: string, configTag: string | null): SampleSeries | undefined {
    return this.builders.get(name)?.get(configTag)?.samples;
  }

  /** The retained rms summary maxima of one process instance (empty unless maxSamples was set). */
  rmsSamplesOf(name: string, configTag: string | null): SampleSeries | undefined {
    return this.builders.get(name)?.get(configTag)?.rmsSamples;
  }

  /** The two hot shapes, read in place; false sends the line the general way. */
  private addFast(bytes: Buffer, start: number, end: number): boolean {
    if (this.waiting.length > 0) return false;
    const prefix = this.scannedPrefix;
    if (scanRfc3339Prefix(bytes, start, end, prefix)) return this.addFastPrefixed(bytes, prefix, end);
    const offset = this.scannedOffset;
    if (scanOffsetLine(bytes, start, end, offset)) {
      this.timeline.learnMono(offset.mono);
      if (this.timeline.monoUndatable) return false;
      const wall = this.timeline.resolveMono(offset.mono);
      const tag = offset.tagStart < 0 ? null : this.internTag(bytes, offset.tagStart, offset.tagEnd);
      const builder = this.builderFor(offset.process, tag);
      builder.countLine(wall, offset.mono);
      builder.addSample(wall, offset.mono, offset.offset, offset.servo, offset.freq);
      this.counted(wall, offset.mono, false);
      return true;
    }
    const state = this.scannedState;
    if (scanStateLine(bytes, start, end, state)) {
      // Only a repeat of the interface's current state is counted here; a change goes the general way.
      const tag = this.internTag(bytes, state.tagStart, state.tagEnd);
      const builder = this.builderFor(state.process, tag);
      const iface = this.internTag(bytes, state.ifaceStart, state.ifaceEnd);
      if (!builder.stateUnchanged(iface, SYNC_STATES[state.state]!)) return false;
      this.timeline.learnUnix(state.unix);
      const wall = state.unix * 1000;
      builder.countLine(wall, undefined);
      this.counted(wall, undefined, false);
      return true;
    }
    const klog = this.scannedKlog;
    if (scanKlogHeader(bytes, start, end, klog)) {
      if (this.timeline.yearUnknown || klogMessageMatters(bytes, klog.messageStart, end)) return false;
      this.timeline.learnYearless(klog.month, klog.day, klog.msOfDay);
      const wall = this.timeline.resolveYearless(klog.month, klog.day, klog.msOfDay);
      this.builderFor('daemon', null).countLine(wall, undefined);
      this.counted(wall, undefined, true);
      return true;
    }
    return false;
  }

  /**
   * The same shapes behind an `oc logs --timestamps` prefix, whose time is the line's wall time (as the
   * general parser takes it): servo lines and klog chatter.
   */
  private addFastPrefixed(bytes: Buffer, prefix: ScannedPrefix, end: number): boolean {
    const wall = prefix.wall;
    const offset = this.scannedOffset;
    if (scanOffsetLine(bytes, prefix.end, end, offset)) {
      this.timeline.learnMono(offset.mono, wall);
      const tag = offset.tagStart < 0 ? null : this.internTag(bytes, offset.tagStart, offset.tagEnd);
      const builder = this.builderFor(offset.process, tag);
      builder.countLine(wall, offset.mono);
      builder.addSample(wall, offset.mono, offset.offset, offset.servo, offset.freq);
      this.counted(wall, offset.mono, false);
      return true;
    }
    const klog = this.scannedKlog;
    if (scanKlogHeader(bytes, prefix.end, end, klog)) {
      if (klogMessageMatters(bytes, klog.messageStart, end)) return false;
      this.timeline.learn({ wall });
      this.builderFor('daemon', null).countLine(wall, undefined);
      this.counted(wall, undefined, true);
      return true;
    }
    return false;
  }

  private counted(wall: number | undefined, mono: number | undefined, daemonMessage: boolean): void {
    this.counts.total++;
    if (daemonMessage) this.counts.generic++;
    else this.counts.specific++;
    this.previousWasDaemonMessage = daemonMessage;
    this.seen(wall, mono);
  }

  private flushWaiting(): void {
    for (const parsed of this.waiting) this.consume(parsed);
    this.waiting.length = 0;
    this.undatable = undefined;
  }

  private consume({ record, clock }: ParsedLine): void {
    record.time = this.timeline.resolve(clock);
    this.seen(record.time.wall, record.time.mono);
    if (record.kind === 'unparsed') {
      this.counts.unparsed++;
      if (this.unparsedExamples.length < UNPARSED_EXAMPLES) {
        this.unparsedExamples.push({ line: record.line, text: record.text.slice(0, 200) });
      }
      return;
    }
    if (record.kind === 'message') this.counts.generic++;
    else this.counts.specific++;
    this.builderFor(record.process, record.configTag).add(record);
  }

  private seen(wall: number | undefined, mono: number | undefined): void {
    if (wall === undefined && mono === undefined) return;
    if (!this.hasTime) {
      this.hasTime = true;
      this.firstWall = wall;
      this.firstMono = mono;
    }
    this.lastWall = wall;
    this.lastMono = mono;
  }

  private builderFor(process: string, configTag: string | null): ProcessTimelineBuilder {
    // Consecutive lines come from a few process instances (ptp4l and phc2sys alternate): names and tags
    // are interned strings, so identity comparisons over the recent ones find it.
    for (const recent of this.recentBuilders) {
      if (recent.name === process && recent.configTag === configTag) return recent;
    }
    let byTag = this.builders.get(process);
    if (!byTag) {
      byTag = new Map();
      this.builders.set(process, byTag);
    }
    let builder = byTag.get(configTag);
    if (!builder) {
      builder = new ProcessTimelineBuilder(process, configTag, this.options);
      byTag.set(configTag, builder);
    }
    if (this.recentBuilders.length >= 4) this.recentBuilders.shift();
    this.recentBuilders.push(builder);
    return builder;
  }

  /** The tag as a string shared by all its lines, decoded once (tags are ASCII). */
  private internTag(bytes: Buffer, start: number, end: number): string {
    for (const tag of this.recentTags) {
      if (tag.length === end - start && sameAscii(bytes, start, tag)) return tag;
    }
    const tag = bytes.toString('latin1', start, end);
    if (this.recentTags.length >= 16) this.recentTags.shift();
    this.recentTags.push(tag);
    return tag;
  }
}

function sameAscii(bytes: Buffer, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function timeOf(wall: number | undefined, mono: number | undefined): LogTime {
  const time: LogTime = {};
  if (wall !== undefined) time.wall = wall;
  if (mono !== undefined) time.mono = mono;
  return time;
}

/** Analyzes a byte stream (a file, stdin, a pod log) without holding it. */
export async function analyzeLogStream(
  chunks: AsyncIterable<Uint8Array>,
  options: LogAnalyzerOptions = {},
): Promise<{ analysis: LogAnalysis; analyzer: LogAnalyzer }> {
  const analyzer = new LogAnalyzer(options);
  await splitStream(chunks, analyzer);
  return { analysis: analyzer.finish(), analyzer };
}

/** Convenience for text already in memory (tests, small fixtures). */
export function analyzeLogText(text: string, options: LogAnalyzerOptions = {}): LogAnalysis {
  const analyzer = new LogAnalyzer(options);
  feedText(analyzer, text);
  return analyzer.finish();
}
