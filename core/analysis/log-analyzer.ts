import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { SampleSeries } from '../model/sample-series.js';
import {
  BLANK_RECORD,
  COUNT_RECORD,
  DPLL_RECORD,
  GM_STATE_RECORD,
  HOLDOVER_RECORD,
  KLOG_RECORD,
  LineScanner,
  MESSAGE_RECORD,
  NOTICE_CODES,
  NOTICE_RECORD,
  PLAIN_RECORD,
  RMS_RECORD,
  SERVO_RECORD,
  STATE_RECORD,
} from '../parsers/log/line-scanner.js';
import {
  decodeLine,
  feedText,
  type LineSink,
  MAX_LINE_LENGTH,
  splitStream,
} from '../parsers/log/line-splitter.js';
import { LogTimeline, type TimelineOptions } from '../parsers/log/log-timeline.js';
import { type ParsedLine, parseLogLine } from '../parsers/log/parse-log-line.js';
import { DaemonConfigCollector } from './daemon-configs.js';
import { LogTextCheck } from './log-text-check.js';
import { LogTimeSpan, type SpanEdges } from './log-time-span.js';
import type { RunningStatsState } from './statistics.js';
import { dpllDecisionKey, ProcessTimelineBuilder, type TimelineBuilderOptions } from './timeline-builder.js';

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
  /** A plain host's clock anchor (TimelineOptions.monoAnchor). */
  monoAnchor?: TimelineOptions['monoAnchor'];
  /**
   * Read the configs the daemon prints (LogAnalysis.daemonConfigs): only where a live read uses them, as
   * their lines then go the general way (a quarter more time on the corpus T-BC log, which applies its
   * profiles every 11,100 lines).
   */
  daemonConfigs?: boolean;
  /**
   * False for a share that starts inside a log (log-file-analysis.ts, log-stream-analysis.ts): only the
   * start of a log tells its encoding.
   */
  startOfLog?: boolean;
}

/**
 * How many lines may wait, at the start of a log, for what dates them to appear further on: the year of
 * klog dates, the monotonic-to-wall offset of process lines.
 */
const LOOKAHEAD_LINES = 20_000;
/** s0, s1, s2 of the daemon's own lines. */
const SYNC_STATES = ['FREERUN', 'HOLDOVER', 'LOCKED'] as const;
/** The decision key of each DPLL record's state × 8 + flags (in spec × 4 + source lost × 2 + on holdover). */
const DPLL_KEYS = SYNC_STATES.flatMap((state) =>
  Array.from({ length: 8 }, (_, flags) =>
    dpllDecisionKey(state, flags >= 4, (flags & 2) !== 0, (flags & 1) !== 0),
  ),
);
const UNPARSED_EXAMPLES = 10;

/**
 * The scanner a finished analyzer left, for the next one on this thread: a worker analyzing hundreds of
 * pieces of a stream would otherwise leave a WebAssembly instance and its memory behind for each.
 */
let spareScanner: LineScanner | undefined;

/**
 * Feeds lines, in order, through the parser, the timeline and one ProcessTimelineBuilder per process
 * instance. Memory is bounded by the number of process instances, not by the length of the log.
 *
 * A few shapes make up nearly all of a daemon log: servo lines, klog chatter, repeated daemon states, DPLL
 * events and ts2phc's pulse notices. They are read in place inside the block of bytes, in WebAssembly
 * (line-scanner.ts), and fed to the builders as numbers. Every other line, every record that would change
 * a state, and every line while the start of the log waits for its dating, goes through parseLogLine.
 */
export class LogAnalyzer implements LineSink {
  private readonly timeline: LogTimeline;
  private readonly builders = new Map<string, Map<string | null, ProcessTimelineBuilder>>();
  private readonly waiting: ParsedLine[] = [];
  /** The last waiting line that could not be dated when it came: once it can, so can all before it. */
  private undatable: ParsedLine['clock'] | undefined;
  private readonly counts = { total: 0, specific: 0, generic: 0, unparsed: 0, blank: 0, truncated: 0 };
  private readonly unparsedExamples: { line: number; text: string }[] = [];
  private readonly span = new LogTimeSpan();
  private readonly text: LogTextCheck;
  private previousWasDaemonMessage = false;
  private readonly daemonConfigs: DaemonConfigCollector | undefined;
  private readonly recentBuilders: ProcessTimelineBuilder[] = [];
  /** Taken on the first block (spareScanner or a new one), handed on by finish(): about 640 kB. */
  private scanner: LineScanner | undefined;
  /** The builder of each process instance of the scanner's names. */
  private readonly scannedBuilders: ProcessTimelineBuilder[] = [];
  /** The builder of linuxptp-daemon's own lines, once it has one. */
  private daemon: ProcessTimelineBuilder | undefined;
  /** The builder of the T-GM's state lines of the daemon (process GM, no config tag), once it has one. */
  private gm: ProcessTimelineBuilder | undefined;

  constructor(private readonly options: LogAnalyzerOptions = {}) {
    this.timeline = new LogTimeline({ year: options.year, monoAnchor: options.monoAnchor });
    this.text = new LogTextCheck(options.startOfLog ?? true);
    this.daemonConfigs = options.daemonConfigs ? new DaemonConfigCollector() : undefined;
  }

  /** Complete lines as bytes (LineSink): the common shapes are read in place, the rest decoded one by one. */
  block(bytes: Buffer, start: number, end: number): void {
    if (!this.text.readable) return;
    let pos = this.text.block(bytes, start, end, this.counts.total + 1);
    if (!this.text.readable) return;
    if (!this.scanner) {
      spareScanner?.forgetNames();
      this.scanner = spareScanner ?? new LineScanner();
      spareScanner = undefined;
    }
    const scanner = this.scanner;
    scanner.newBlock();
    while (pos < end) {
      pos = scanner.scan(bytes, pos, end);
      this.addScanned(bytes, scanner);
      if (pos < end && scanner.stoppedAtOtherLine) pos = this.addBlockLine(bytes, pos, end);
    }
    // The last messages of processes may still be ranges of this block, whose bytes the reader reuses.
    this.daemon?.settleMessages();
    for (const builder of this.scannedBuilders) builder?.settleMessages();
  }

  /** One line (LineSink): used for cut lines, and by callers that have lines one by one. */
  line(text: string, truncated: boolean): void {
    this.text.line(text);
    if (this.text.readable) this.addLine(text, truncated);
  }

  addLine(text: string, truncated = false): void {
    const lineNumber = ++this.counts.total;
    if (truncated) this.counts.truncated++;
    if (text.trim() === '') {
      if (this.daemonConfigs?.capturing) this.daemonConfigs.continuation('');
      this.counts.blank++;
      return;
    }
    const parsed = parseLogLine(text, lineNumber);
    // A multi-line daemon message (a rendered config, ethtool or pmc output it echoes) continues on
    // lines without any envelope: they belong to that message.
    const continues = parsed.record.kind === 'unparsed' && this.previousWasDaemonMessage;
    if (continues) this.daemonConfigs?.continuation(text);
    else if (parsed.record.process === 'daemon' && parsed.record.kind === 'message')
      this.daemonConfigs?.message(parsed.record.text, lineNumber);
    else this.daemonConfigs?.otherLine();
    if (continues) {
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
    spareScanner ??= this.scanner;
    this.scanner = undefined;
    const { total, specific, generic, unparsed, blank, truncated } = this.counts;
    const daemonConfigs = this.daemonConfigs?.result() ?? [];
    const processes = [...this.builders.values()].flatMap((byTag) =>
      [...byTag.values()].map((b) => b.build()),
    );
    processes.sort(
      (a, b) => a.name.localeCompare(b.name) || (a.configTag ?? '').localeCompare(b.configTag ?? ''),
    );
    return {
      lines: { total, parsed: specific + generic, specific, generic, unparsed, blank, truncated },
      timeRange: this.span.timeRange(),
      timeOrder: this.span.timeOrder(),
      text: this.text.result(),
      yearlessUnresolved: this.timeline.yearlessUnresolved,
      processes,
      unparsedExamples: this.unparsedExamples,
      ...(daemonConfigs.length > 0 && { daemonConfigs }),
    };
  }

  /** The first and last dated lines, for checking the order of time where shares meet (after finish). */
  spanEdges(): SpanEdges {
    return this.span.edges();
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

  /** A line of a block that the scanner left: decoded and parsed; returns where the next one starts. */
  private addBlockLine(bytes: Buffer, pos: number, end: number): number {
    let newline = bytes.indexOf(10, pos);
    if (newline < 0 || newline >= end) newline = end;
    const lineEnd = newline > pos && bytes[newline - 1] === 13 ? newline - 1 : newline;
    const truncated = lineEnd - pos > MAX_LINE_LENGTH;
    this.addLine(decodeLine(bytes, pos, lineEnd), truncated);
    return newline + 1;
  }

  /**
   * The lines the scanner read, as numbers. A line goes the general way, as the other lines do, while the
   * start of the log waits for its dating, when its date cannot be resolved yet, or when a daemon state
   * line changes a state.
   */
  private addScanned(bytes: Buffer, scanner: LineScanner): void {
    const { kind, wall } = scanner;
    for (let i = 0; i < scanner.count; i++) {
      const taken = this.waiting.length === 0 && this.addScannedRecord(bytes, scanner, i, kind[i]!, wall[i]!);
      if (!taken) {
        const base = scanner.windowStart;
        this.addLine(decodeLine(bytes, base + scanner.lineStart[i]!, base + scanner.lineEnd[i]!));
      }
    }
  }

  /** One record, as the general way would take its line; false when the line must go that way. */
  private addScannedRecord(
    bytes: Buffer,
    scanner: LineScanner,
    i: number,
    kind: number,
    prefixWall: number,
  ): boolean {
    // A config the daemon prints is read as text, line by line (daemon-configs.ts).
    if (this.daemonConfigs?.capturing) return false;
    switch (kind) {
      case SERVO_RECORD: {
        const mono = scanner.mono[i]!;
        const wall = this.monoWall(mono, prefixWall);
        if (wall === null) return false;
        const builder = this.scannedBuilder(scanner, scanner.name[i]!);
        builder.countLine(wall, mono);
        builder.addSample(wall, mono, scanner.offset[i]!, scanner.state[i]!, scanner.freq[i]!);
        this.counted(wall, mono, false, false);
        return true;
      }
      case NOTICE_RECORD: {
        // Counted here only when the notice was seen before: the first one keeps its text, the general way.
        const mono = scanner.mono[i]!;
        const wall = this.monoWall(mono, prefixWall);
        if (wall === null) return false;
        const builder = this.scannedBuilder(scanner, scanner.name[i]!);
        if (!builder.repeatNotice(NOTICE_CODES[scanner.state[i]!]!, timeOf(wall, mono))) return false;
        builder.countLine(wall, mono);
        this.counted(wall, mono, false, false);
        return true;
      }
      case COUNT_RECORD: {
        // A line that changes nothing but its process' count (ptp4l's `assuming the grand master role`).
        const mono = scanner.mono[i]!;
        const wall = this.monoWall(mono, prefixWall);
        if (wall === null) return false;
        this.scannedBuilder(scanner, scanner.name[i]!).countLine(wall, mono);
        this.counted(wall, mono, false, false);
        return true;
      }
      case KLOG_RECORD: {
        const wall = this.klogWall(scanner, i, prefixWall);
        if (wall === null) return false;
        this.daemonBuilder().countLine(wall, undefined);
        this.counted(wall, undefined, true, true);
        return true;
      }
      case MESSAGE_RECORD: {
        // A plain message of a process (ts2phc's config items): its text is read only if a fault follows.
        const mono = scanner.mono[i]!;
        const wall = this.monoWall(mono, prefixWall);
        if (wall === null) return false;
        const base = scanner.windowStart;
        this.scannedBuilder(scanner, scanner.name[i]!).addMessageBytes(
          wall,
          mono,
          bytes,
          base + scanner.aux[i]!,
          base + scanner.lineEnd[i]!,
        );
        this.counted(wall, mono, true, false);
        return true;
      }
      case HOLDOVER_RECORD: {
        // The DPLL's holdover progress, a klog notice: counted here once seen, as NOTICE_RECORD.
        const builder = this.daemonBuilder();
        if (!builder.noticeRepeats('holdoverProgress')) return false;
        const wall = this.klogWall(scanner, i, prefixWall);
        if (wall === null) return false;
        builder.repeatNotice('holdoverProgress', timeOf(wall, undefined));
        builder.countLine(wall, undefined);
        this.counted(wall, undefined, false, true);
        return true;
      }
      case DPLL_RECORD: {
        // Only a repeat of the interface's last decision is counted here; a change goes the general way.
        const builder = this.daemonBuilder();
        const key = DPLL_KEYS[scanner.state[i]! * 8 + scanner.flags[i]!]!;
        if (!builder.dpllDecisionUnchanged(scanner.nameOf(scanner.name[i]!).text!, key)) return false;
        const wall = this.klogWall(scanner, i, prefixWall);
        if (wall === null) return false;
        builder.countLine(wall, undefined);
        this.counted(wall, undefined, false, true);
        return true;
      }
      case STATE_RECORD: {
        // Only a repeat of the interface's current state is counted here; a change goes the general way.
        const builder = this.scannedBuilder(scanner, scanner.name[i]!);
        const iface = scanner.nameOf(scanner.aux[i]!).text!;
        if (!builder.stateUnchanged(iface, SYNC_STATES[scanner.state[i]!]!)) return false;
        // Dated by its Unix seconds, or behind a prefix by the prefix (its seconds still tell the year).
        const unix = scanner.time[i]!;
        let wall = unix * 1000;
        if (Number.isNaN(prefixWall)) this.timeline.learnUnix(unix);
        else {
          this.timeline.learn({ wall: prefixWall, unix });
          wall = prefixWall;
        }
        this.timeline.noteResolved(wall);
        builder.countLine(wall, undefined);
        this.counted(wall, undefined, false, false);
        return true;
      }
      case RMS_RECORD: {
        const mono = scanner.mono[i]!;
        const wall = this.monoWall(mono, prefixWall);
        if (wall === null) return false;
        const builder = this.scannedBuilder(scanner, scanner.name[i]!);
        builder.countLine(wall, mono);
        builder.addRms(timeOf(wall, mono), scanner.offset[i]!, scanner.freq[i]!);
        this.counted(wall, mono, false, false);
        return true;
      }
      case GM_STATE_RECORD: {
        // The T-GM's state, once a second: only a repeat of its current state is counted here.
        this.gm ??= this.builderFor('GM', null);
        if (!this.gm.stateUnchanged('', SYNC_STATES[scanner.state[i]!]!)) return false;
        const wall = this.klogWall(scanner, i, prefixWall);
        if (wall === null) return false;
        this.gm.countLine(wall, undefined);
        this.counted(wall, undefined, false, false);
        return true;
      }
      case PLAIN_RECORD: {
        // A line without a header continues the daemon's message before it; else it is an unparsed line
        // (the first few keep their text as examples, the general way).
        if (!this.previousWasDaemonMessage && this.unparsedExamples.length < UNPARSED_EXAMPLES) return false;
        const wall = Number.isNaN(prefixWall) ? undefined : prefixWall;
        if (wall !== undefined) {
          this.timeline.learn({ wall });
          this.timeline.noteResolved(wall);
        }
        if (!this.previousWasDaemonMessage) {
          const line = ++this.counts.total;
          this.counts.unparsed++;
          this.span.see(wall, undefined, line);
          return true;
        }
        // As a message of the daemon: its text is needed only if a fault comes right after it (block() settles).
        const base = scanner.windowStart;
        this.daemonBuilder().addMessageBytes(
          wall,
          undefined,
          bytes,
          base + scanner.lineStart[i]!,
          base + scanner.lineEnd[i]!,
        );
        this.counted(wall, undefined, true, true);
        return true;
      }
      case BLANK_RECORD:
        this.counts.total++;
        this.counts.blank++;
        return true;
      default:
        return false;
    }
  }

  /** The wall time of a process line's monotonic seconds (learning from them); null while undatable. */
  private monoWall(mono: number, prefixWall: number): number | undefined | null {
    if (!Number.isNaN(prefixWall)) {
      this.timeline.learnMono(mono, prefixWall);
      this.timeline.noteResolved(prefixWall);
      return prefixWall;
    }
    this.timeline.learnMono(mono);
    if (this.timeline.monoUndatable) return null;
    const wall = this.timeline.resolveMono(mono);
    this.timeline.noteResolved(wall);
    return wall;
  }

  /** The wall time of a klog record (learning from it); null while its year is unknown. */
  private klogWall(scanner: LineScanner, i: number, prefixWall: number): number | undefined | null {
    if (!Number.isNaN(prefixWall)) {
      this.timeline.learn({ wall: prefixWall });
      this.timeline.noteResolved(prefixWall);
      return prefixWall;
    }
    if (this.timeline.yearUnknown) return null;
    const month = scanner.aux[i]! >> 8;
    const day = scanner.aux[i]! & 0xff;
    this.timeline.learnYearless(month, day, scanner.time[i]!);
    return this.timeline.resolveYearless(month, day, scanner.time[i]!);
  }

  private daemonBuilder(): ProcessTimelineBuilder {
    this.daemon ??= this.builderFor('daemon', null);
    return this.daemon;
  }

  private scannedBuilder(scanner: LineScanner, name: number): ProcessTimelineBuilder {
    let builder = this.scannedBuilders[name];
    if (!builder) {
      const { process, text } = scanner.nameOf(name);
      builder = this.builderFor(process, text);
      this.scannedBuilders[name] = builder;
    }
    return builder;
  }

  /** Counts a line read from a record: `generic` for a plain message, `fromDaemon` for the daemon's own. */
  private counted(
    wall: number | undefined,
    mono: number | undefined,
    generic: boolean,
    fromDaemon: boolean,
  ): void {
    const line = ++this.counts.total;
    if (generic) this.counts.generic++;
    else this.counts.specific++;
    this.previousWasDaemonMessage = fromDaemon;
    this.span.see(wall, mono, line);
  }

  private flushWaiting(): void {
    for (const parsed of this.waiting) this.consume(parsed);
    this.waiting.length = 0;
    this.undatable = undefined;
  }

  private consume({ record, clock }: ParsedLine): void {
    record.time = this.timeline.resolve(clock);
    this.span.see(record.time.wall, record.time.mono, record.line);
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
