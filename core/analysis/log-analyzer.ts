import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { SampleSeries } from '../model/sample-series.js';
import {
  newScannedKlog,
  newScannedOffset,
  type ScannedKlog,
  type ScannedOffset,
  scanKlogHeader,
  scanOffsetLine,
} from '../parsers/log/fast-line-scan.js';
import {
  detach,
  forEachLineOfBlock,
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
const UNPARSED_EXAMPLES = 10;

/** klog messages that carry state (BC FSM, DPLL decisions, holdover progress) or wrap a process line. */
function klogMessageMatters(message: string): boolean {
  const first = message.charCodeAt(0);
  return (
    first === 66 /* B */ ||
    first === 40 /* ( */ ||
    first === 100 /* d */ ||
    /^[A-Za-z][\w-]*\[\d/.test(message) ||
    message.includes('decision: Status')
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
  private lastBuilder: ProcessTimelineBuilder | undefined;
  private readonly scannedOffset: ScannedOffset = newScannedOffset();
  private readonly scannedKlog: ScannedKlog = newScannedKlog();
  private readonly recentTags: string[] = [];

  constructor(private readonly options: LogAnalyzerOptions = {}) {
    this.timeline = new LogTimeline({ year: options.year });
  }

  /** Complete lines, newline-separated (LineSink). */
  block(text: string): void {
    forEachLineOfBlock(text, (start, end) => {
      if (end - start > MAX_LINE_LENGTH)
        this.addLine(detach(text.slice(start, start + MAX_LINE_LENGTH)), true);
      else if (!this.addFast(text, start, end)) this.addLine(detach(text.slice(start, end)));
    });
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
  private addFast(text: string, start: number, end: number): boolean {
    if (this.waiting.length > 0) return false;
    const offset = this.scannedOffset;
    if (scanOffsetLine(text, start, end, offset)) {
      this.timeline.learnMono(offset.mono);
      if (this.timeline.monoUndatable) return false;
      const wall = this.timeline.resolveMono(offset.mono);
      const tag = offset.tagStart < 0 ? null : this.internTag(text, offset.tagStart, offset.tagEnd);
      const builder = this.builderFor(offset.process, tag);
      builder.countLine(wall, offset.mono);
      builder.addSample(wall, offset.mono, offset.offset, offset.servo, offset.freq);
      this.counted(wall, offset.mono, false);
      return true;
    }
    const klog = this.scannedKlog;
    if (scanKlogHeader(text, start, end, klog)) {
      if (this.timeline.yearUnknown || klogMessageMatters(text.slice(klog.messageStart, end))) return false;
      this.timeline.learnYearless(klog.month, klog.day, klog.msOfDay);
      const wall = this.timeline.resolveYearless(klog.month, klog.day, klog.msOfDay);
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
    // Consecutive lines mostly come from the same process instance.
    const last = this.lastBuilder;
    if (last && last.name === process && last.configTag === configTag) return last;
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
    this.lastBuilder = builder;
    return builder;
  }

  /** The tag as a string shared by all its lines, without slicing a new one per line. */
  private internTag(text: string, start: number, end: number): string {
    for (const tag of this.recentTags) {
      if (tag.length === end - start && text.startsWith(tag, start)) return tag;
    }
    const tag = detach(text.slice(start, end));
    if (this.recentTags.length >= 16) this.recentTags.shift();
    this.recentTags.push(tag);
    return tag;
  }
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
  analyzer.block(text);
  return analyzer.finish();
}
