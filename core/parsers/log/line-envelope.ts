import type { LogLevel } from '../../model/log-excerpt.js';
import { type LineClock, monthFromAbbreviation, msOfDay } from './line-clock.js';
import { parseLogrusLine } from './logrus-line.js';

/**
 * What wraps a linuxptp message on its way to a log file: an `oc logs --timestamps` RFC3339 prefix, a
 * klog (glog) header of linuxptp-daemon's own lines, or a syslog/journald header. Whatever is left is
 * the body, which may itself be a process line (`ptp4l[…]: …`), also inside a klog line.
 */
export interface LineEnvelope {
  clock: LineClock;
  /** klog severity letter I, W, E or F, when the line is linuxptp-daemon's own. */
  klogSeverity?: string;
  /** The level of a logrus line: cloud-event-proxy's own (its body is the message). */
  logrusLevel?: LogLevel;
  /** The program name of a syslog/journald header (`ptp4l[1234]:`), whose brackets hold a PID, not a time. */
  syslogIdent?: string;
  body: string;
}

const RFC3339_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) /;
const SYSLOG_HEADER = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d(?:\.\d+)?) (\S+) ([\w.@/-]+)\[\d+\]: /;
const JOURNAL_ISO_HEADER = /^(\S+) ([\w.@/-]+)\[\d+\]: /;

/** Parses the optional RFC3339 prefix, then an optional klog, logrus or syslog header. Never throws. */
export function parseLineEnvelope(line: string): LineEnvelope {
  const clock: LineClock = {};
  let body = line;
  const first = line.charCodeAt(0);

  if (first >= 48 && first <= 57 && line.charCodeAt(4) === 45 && line.charCodeAt(10) === 84) {
    const prefix = RFC3339_PREFIX.exec(line);
    const wall = prefix ? Date.parse(prefix[1]!) : Number.NaN;
    if (prefix && !Number.isNaN(wall)) {
      clock.wall = wall;
      body = line.slice(prefix[0].length);
      // journald `-o short-iso` puts a host and `ident[pid]:` after the date.
      const journal = JOURNAL_ISO_HEADER.exec(body);
      if (journal && looksLikeHost(journal[1]!)) {
        return { clock, syslogIdent: journal[2], body: body.slice(journal[0].length) };
      }
    }
  }

  const lead = body.charCodeAt(0);
  if (lead === 116 /* t */) {
    const logrus = parseLogrusLine(body);
    // The kubelet's prefix, when there is one, dates the line as it dates every other.
    if (logrus)
      return { clock: { wall: clock.wall ?? logrus.wall }, logrusLevel: logrus.level, body: logrus.message };
  }
  if (lead === 73 || lead === 87 || lead === 69 || lead === 70) {
    const klog = parseKlogHeader(body, clock);
    if (klog) return klog;
  }

  if (lead >= 65 && lead <= 90 && body.charCodeAt(3) === 32) {
    const syslog = SYSLOG_HEADER.exec(body);
    const month = syslog ? monthFromAbbreviation(syslog[1]!) : undefined;
    const ms = syslog ? msOfDay(syslog[3]!) : undefined;
    if (syslog && month !== undefined && ms !== undefined) {
      if (clock.wall === undefined) clock.yearless = { month, day: Number(syslog[2]!.trim()), msOfDay: ms };
      return { clock, syslogIdent: syslog[5], body: body.slice(syslog[0].length) };
    }
  }
  return { clock, body };
}

/**
 * klog header `I0911 14:41:53.794135  871479 event_tbc.go:161] ` (severity, MMDD, time, thread id,
 * file:line), read by hand: most lines of a daemon log have one.
 */
function parseKlogHeader(line: string, clock: LineClock): LineEnvelope | undefined {
  const month = twoDigitNumber(line, 1);
  const day = twoDigitNumber(line, 3);
  if (month < 1 || month > 12 || day < 1 || line.charCodeAt(5) !== 32) return undefined;
  const timeEnd = line.indexOf(' ', 6);
  const ms = timeEnd < 0 ? undefined : msOfDay(line, 6, timeEnd);
  if (ms === undefined) return undefined;
  let pos = timeEnd;
  while (line.charCodeAt(pos) === 32) pos++;
  const threadStart = pos;
  while (line.charCodeAt(pos) >= 48 && line.charCodeAt(pos) <= 57) pos++;
  if (pos === threadStart || line.charCodeAt(pos) !== 32) return undefined;
  const close = line.indexOf('] ', pos);
  const bodyStart = close >= 0 ? close + 2 : line.endsWith(']') ? line.length : -1;
  if (bodyStart < 0 || line.lastIndexOf(':', bodyStart) <= pos) return undefined;
  if (clock.wall === undefined) clock.yearless = { month, day, msOfDay: ms };
  return { clock, klogSeverity: line[0], body: line.slice(bodyStart) };
}

function twoDigitNumber(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** A journald host name never contains `[`; a process line does (`ptp4l[12.3]:`). */
function looksLikeHost(word: string): boolean {
  return !word.includes('[') && !word.includes(':');
}
