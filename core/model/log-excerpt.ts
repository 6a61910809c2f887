import { z } from 'zod';

export const LOG_LEVELS = ['error', 'warning', 'notice', 'info', 'debug'] as const;
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogLine = z.object({
  line: z.number().int(),
  time: z.string().nullable(),
  process: z.string().nullable(),
  configTag: z.string().nullable(),
  level: LogLevel.nullable(),
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

export const LogExcerpt = z.object({
  lines: z.array(LogLine),
  scanned: z.number().int(),
  matched: z.number().int(),
  /** Matches not returned (over the limit): the excerpt is capped, never silently. */
  omitted: z.number().int(),
});
export type LogExcerpt = z.infer<typeof LogExcerpt>;
