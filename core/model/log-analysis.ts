import { z } from 'zod';
import { LogTime } from './log-record.js';
import { ProcessTimeline } from './process-timeline.js';

export const LineCounts = z.object({
  total: z.number().int(),
  /** Lines understood: `specific` of a known kind plus `generic` (a known envelope with free text). */
  parsed: z.number().int(),
  specific: z.number().int(),
  generic: z.number().int(),
  /** Lines nothing was understood of; never dropped silently (examples are kept). */
  unparsed: z.number().int(),
  blank: z.number().int(),
  /** Lines longer than the line limit, of which only the start was read. */
  truncated: z.number().int(),
});
export type LineCounts = z.infer<typeof LineCounts>;

/** What the bytes of a log were: linuxptp, the daemon and kubectl write UTF-8 (ASCII in practice). */
export const LogText = z.object({
  /** Sniffed from the first bytes (core/io/text-encoding.ts); a log in another encoding is not analyzed. */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'binary']),
  /** Lines holding bytes that are not valid UTF-8 (read with U+FFFD in their place), and the first one. */
  invalidUtf8Lines: z.number().int(),
  firstInvalidUtf8Line: z.number().int().nullable(),
});
export type LogText = z.infer<typeof LogText>;

/** One place where the time of the log went back: from the dated line before `line` to `line`. */
export const TimeStepBack = z.object({ line: z.number().int(), from: z.number(), to: z.number() });
export type TimeStepBack = z.infer<typeof TimeStepBack>;

/**
 * Times that go backwards between consecutive dated lines by more than the tolerance the analyzer allows
 * for lines of several processes relayed slightly out of order (log-analyzer.ts BACKWARDS_TOLERANCE_MS).
 */
export const TimeOrder = z.object({
  stepsBack: z.number().int(),
  first: TimeStepBack.nullable(),
  largest: TimeStepBack.nullable(),
});
export type TimeOrder = z.infer<typeof TimeOrder>;

/** A config linuxptp-daemon rendered, as its log prints it (core/analysis/daemon-configs.ts). */
export const DaemonConfig = z.object({
  /** The file the daemon wrote, e.g. /var/run/ptp4l.0.config. */
  path: z.string(),
  /** Its content; null when the process started but its profile sets no config the daemon prints. */
  text: z.string().nullable(),
  /** The log line that started the process, or that began the printed config. */
  line: z.number().int(),
});
export type DaemonConfig = z.infer<typeof DaemonConfig>;

/** What a log said, process instance by process instance (the JSON of `ptp-mcp logs analyze`). */
export const LogAnalysis = z.object({
  lines: LineCounts,
  /** The earliest and the latest time of the log (not its first and last line: times may go back). */
  timeRange: z.object({ first: LogTime.nullable(), last: LogTime.nullable() }),
  timeOrder: TimeOrder,
  text: LogText,
  /** Dates without a year (klog, syslog) that could not be dated because the data held no year. */
  yearlessUnresolved: z.number().int(),
  processes: z.array(ProcessTimeline),
  unparsedExamples: z.array(z.object({ line: z.number().int(), text: z.string() })),
  /**
   * The configs of the daemon's last profile apply, when the log holds it (a live read then needs no exec).
   * Only when asked (LogAnalyzerOptions.daemonConfigs), of a log analyzed whole.
   */
  daemonConfigs: z.array(DaemonConfig).optional(),
});
export type LogAnalysis = z.infer<typeof LogAnalysis>;
