import type { LogAnalysis } from '../model/log-analysis.js';
import type { LogRecord, LogTime } from '../model/log-record.js';
import type { SampleSeries } from '../model/sample-series.js';
import { forEachLine } from '../parsers/log/line-splitter.js';
import { LogTimeline } from '../parsers/log/log-timeline.js';
import { type ParsedLine, parseLogLine } from '../parsers/log/parse-log-line.js';
import { ProcessTimelineBuilder, type TimelineBuilderOptions } from './timeline-builder.js';

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

/**
 * Feeds lines, in order, through the parser, the timeline and one ProcessTimelineBuilder per process
 * instance. Memory is bounded by the number of process instances, not by the length of the log.
 */
export class LogAnalyzer {
  private readonly timeline: LogTimeline;
  private readonly builders = new Map<string, Map<string | null, ProcessTimelineBuilder>>();
  private readonly waiting: ParsedLine[] = [];
  /** The last waiting line that could not be dated when it came: once it can, so can all before it. */
  private undatable: ParsedLine['clock'] | undefined;
  private readonly counts = { total: 0, specific: 0, generic: 0, unparsed: 0, blank: 0, truncated: 0 };
  private readonly unparsedExamples: { line: number; text: string }[] = [];
  private first: LogTime | null = null;
  private last: LogTime | null = null;
  private previousWasDaemonMessage = false;
  private lastBuilder: ProcessTimelineBuilder | undefined;

  constructor(private readonly options: LogAnalyzerOptions = {}) {
    this.timeline = new LogTimeline({ year: options.year });
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
      timeRange: { first: this.first, last: this.last },
      yearlessUnresolved: this.timeline.yearlessUnresolved,
      processes,
      unparsedExamples: this.unparsedExamples,
    };
  }

  /** The retained offset samples of one process instance (empty unless maxSamples was set). */
  samplesOf(name: string, configTag: string | null): SampleSeries | undefined {
    return this.builders.get(name)?.get(configTag)?.samples;
  }

  private flushWaiting(): void {
    for (const parsed of this.waiting) this.consume(parsed);
    this.waiting.length = 0;
    this.undatable = undefined;
  }

  private consume({ record, clock }: ParsedLine): void {
    record.time = this.timeline.resolve(clock);
    if (record.time.wall !== undefined || record.time.mono !== undefined) {
      this.first ??= record.time;
      this.last = record.time;
    }
    if (record.kind === 'unparsed') {
      this.counts.unparsed++;
      if (this.unparsedExamples.length < UNPARSED_EXAMPLES) {
        this.unparsedExamples.push({ line: record.line, text: record.text.slice(0, 200) });
      }
      return;
    }
    if (record.kind === 'message') this.counts.generic++;
    else this.counts.specific++;
    this.builderFor(record).add(record);
  }

  private builderFor(record: LogRecord): ProcessTimelineBuilder {
    // Consecutive lines mostly come from the same process instance.
    const last = this.lastBuilder;
    if (last && last.name === record.process && last.configTag === record.configTag) return last;
    let byTag = this.builders.get(record.process);
    if (!byTag) {
      byTag = new Map();
      this.builders.set(record.process, byTag);
    }
    let builder = byTag.get(record.configTag);
    if (!builder) {
      builder = new ProcessTimelineBuilder(record.process, record.configTag, this.options);
      byTag.set(record.configTag, builder);
    }
    this.lastBuilder = builder;
    return builder;
  }
}

/** Analyzes a byte stream (a file, stdin, a pod log) line by line without holding it. */
export async function analyzeLogStream(
  chunks: AsyncIterable<Uint8Array>,
  options: LogAnalyzerOptions = {},
): Promise<{ analysis: LogAnalysis; analyzer: LogAnalyzer }> {
  const analyzer = new LogAnalyzer(options);
  await forEachLine(chunks, (text, truncated) => analyzer.addLine(text, truncated));
  return { analysis: analyzer.finish(), analyzer };
}

/** Convenience for text already in memory (tests, small fixtures). */
export function analyzeLogText(text: string, options: LogAnalyzerOptions = {}): LogAnalysis {
  const analyzer = new LogAnalyzer(options);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) analyzer.addLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  return analyzer.finish();
}
