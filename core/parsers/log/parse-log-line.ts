import type { LogRecord } from '../../model/log-record.js';
import { parseDaemonMessage } from './daemon-message.js';
import { parseKlogMessage } from './klog-message.js';
import type { LineClock } from './line-clock.js';
import { parseLineEnvelope } from './line-envelope.js';
import { PROXY_PROCESS } from './logrus-line.js';
import { parseOffsetMessage } from './offset-message.js';
import { parsePhc2sysMessage } from './phc2sys-message.js';
import { type ProcessLine, parseProcessLine } from './process-line.js';
import { parsePtp4lMessage } from './ptp4l-message.js';
import type { MessageParser, RecordBase } from './record-base.js';
import { parseSummaryMessage } from './summary-message.js';
import { parseSynce4lMessage } from './synce4l-message.js';
import { parseTs2phcMessage } from './ts2phc-message.js';

export interface ParsedLine {
  /** The record, with `time` still empty: the timeline fills it in stream order. */
  record: LogRecord;
  clock: LineClock;
}

const PROGRAM_PARSERS: Record<string, MessageParser> = {
  ptp4l: parsePtp4lMessage,
  phc2sys: parsePhc2sysMessage,
  ts2phc: parseTs2phcMessage,
  synce4l: parseSynce4lMessage,
};

/** Integer seconds below this are not Unix times (test fixtures write `ptp4l[0]:`); 2001-09-09. */
const MIN_UNIX_SECONDS = 1_000_000_000;

/** Classifies one log line of any source (daemon pod log, `ptp4l -m`, journald, syslog). Pure; never throws. */
export function parseLogLine(line: string, lineNumber: number): ParsedLine {
  const envelope = parseLineEnvelope(line);
  const clock = envelope.clock;
  if (envelope.logrusLevel !== undefined) {
    const base: RecordBase = { line: lineNumber, process: PROXY_PROCESS, configTag: null, time: {} };
    return {
      record: { kind: 'message', severity: envelope.logrusLevel, text: envelope.body, ...base },
      clock,
    };
  }
  const processLine = parseProcessLine(envelope.body, envelope.syslogIdent);
  if (processLine) {
    if (processLine.secondsAreMonotonic) clock.mono = processLine.seconds;
    else if ((processLine.seconds ?? 0) >= MIN_UNIX_SECONDS) clock.unix = processLine.seconds;
    return { record: parseProcessMessage(processLine, lineNumber), clock };
  }
  if (envelope.klogSeverity !== undefined) {
    const base: RecordBase = { line: lineNumber, process: 'daemon', configTag: null, time: {} };
    const record = parseKlogMessage(envelope.body, base) ?? {
      kind: 'message',
      severity: envelope.klogSeverity,
      text: envelope.body,
      ...base,
    };
    return { record, clock };
  }
  if (envelope.syslogIdent !== undefined) {
    const base: RecordBase = { line: lineNumber, process: envelope.syslogIdent, configTag: null, time: {} };
    return { record: { kind: 'message', text: envelope.body, ...base }, clock };
  }
  return {
    record: { line: lineNumber, process: '', configTag: null, time: {}, kind: 'unparsed', text: line },
    clock,
  };
}

/** A klog message may wrap a process line (`daemon.go:1007] ptp4l[1757601638]:[ptp4l.0.config] PTP_PROCESS_STATUS:1`). */
function parseProcessMessage(processLine: ProcessLine, lineNumber: number): LogRecord {
  const base: RecordBase = {
    line: lineNumber,
    process: processLine.process,
    configTag: processLine.configTag,
    time: {},
  };
  const message = processLine.message;
  return (
    parseOffsetMessage(message, base) ??
    PROGRAM_PARSERS[processLine.process]?.(message, base) ??
    parseSummaryMessage(message, base) ??
    parseDaemonMessage(message, base) ?? { kind: 'message', text: message, ...base }
  );
}
