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

/** What a log said, process instance by process instance (the JSON of `ptp-mcp logs analyze`). */
export const LogAnalysis = z.object({
  lines: LineCounts,
  timeRange: z.object({ first: LogTime.nullable(), last: LogTime.nullable() }),
  /** Dates without a year (klog, syslog) that could not be dated because the data held no year. */
  yearlessUnresolved: z.number().int(),
  processes: z.array(ProcessTimeline),
  unparsedExamples: z.array(z.object({ line: z.number().int(), text: z.string() })),
});
export type LogAnalysis = z.infer<typeof LogAnalysis>;
