import type { LogExcerpt, LogLevel, LogLine } from '../model/log-excerpt.js';
import { parseLineEnvelope } from '../parsers/log/line-envelope.js';
import { splitStream } from '../parsers/log/line-splitter.js';
import { LogTimeline } from '../parsers/log/log-timeline.js';
import { PROXY_PROCESS } from '../parsers/log/logrus-line.js';
import { parseProcessLine } from '../parsers/log/process-line.js';
import type { UserPattern } from '../rules/user-regex.js';
import type { TextStream } from '../sources/raw-cluster.js';

/** What to keep of a log: every filter must hold. Times are epoch ms of the data. */
export interface LogQuery {
  process?: string;
  /** A user's pattern runs on RE2 (core/rules/user-regex.ts): linear in the line whatever it is. */
  pattern?: UserPattern;
  /** At least this severe (error keeps errors only; info keeps all but debug). */
  level?: LogLevel;
  from?: number;
  to?: number;
  /** Keep the last `limit` matches (a tail), or the first ones. */
  limit: number;
  keep: 'first' | 'last';
}

const KLOG_LEVELS: Record<string, LogLevel> = { I: 'info', W: 'warning', E: 'error', F: 'error' };
const RANK: Record<LogLevel, number> = { error: 0, warning: 1, notice: 2, info: 3, debug: 4 };
const MAX_TEXT = 2000;

/** linuxptp's message tag level is a syslog level (`[ptp4l.0.config:6]`: 6 info, 5 notice, 4 warning, 3 err). */
function syslogLevel(level: number | undefined): LogLevel | null {
  if (level === undefined) return null;
  if (level <= 3) return 'error';
  return (['warning', 'notice', 'info', 'debug'] as const)[Math.min(level, 7) - 4]!;
}

/**
 * Streams a log and keeps the lines a query asks for, with their time (from the data: the line's own,
 * or its monotonic seconds placed by the dated lines before it), process, config tag and level. Memory
 * stays bounded by `limit` whatever the log's size.
 */
export async function searchLog(stream: TextStream, query: LogQuery, year?: number): Promise<LogExcerpt> {
  const timeline = new LogTimeline({ year });
  const kept: LogLine[] = [];
  let scanned = 0;
  let matched = 0;
  await splitStream(stream.open(), {
    block(bytes, start, end) {
      let pos = start;
      while (pos < end) {
        let newline = bytes.indexOf(10, pos);
        if (newline < 0 || newline >= end) newline = end;
        this.line(bytes.toString('utf8', pos, newline).replace(/\r$/, ''), false);
        pos = newline + 1;
      }
    },
    line(text) {
      scanned++;
      if (text.trim() === '') return;
      const envelope = parseLineEnvelope(text);
      const processLine = envelope.logrusLevel
        ? undefined
        : parseProcessLine(envelope.body, envelope.syslogIdent);
      const clock = envelope.clock;
      if (processLine?.secondsAreMonotonic) clock.mono = processLine.seconds;
      else if ((processLine?.seconds ?? 0) >= 1_000_000_000) clock.unix = processLine?.seconds;
      timeline.learn(clock);
      const wall = timeline.resolve(clock).wall;
      const process = envelope.logrusLevel
        ? PROXY_PROCESS
        : (processLine?.process ?? (envelope.klogSeverity ? 'daemon' : null));
      const level =
        envelope.logrusLevel ??
        (envelope.klogSeverity
          ? (KLOG_LEVELS[envelope.klogSeverity] ?? null)
          : syslogLevel(processLine?.level));
      if (query.process !== undefined && process !== query.process) return;
      if (query.level !== undefined && (level === null || RANK[level] > RANK[query.level])) return;
      if (query.from !== undefined && (wall === undefined || wall < query.from)) return;
      if (query.to !== undefined && (wall === undefined || wall > query.to)) return;
      if (query.pattern && !query.pattern.test(text)) return;
      matched++;
      if (query.keep === 'first' && kept.length >= query.limit) return;
      kept.push({
        line: scanned,
        time: wall === undefined ? null : new Date(wall).toISOString(),
        process,
        configTag: processLine?.configTag ?? null,
        level,
        text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
      });
      if (kept.length > query.limit) kept.shift();
    },
  });
  return { lines: kept, scanned, matched, omitted: matched - kept.length };
}
