/**
 * Allocation-free readers for the two line shapes that make up most of a daemon log, working on a line
 * inside a larger decoded text (start..end) so that no per-line string is made:
 *   - a servo line of ptp4l, phc2sys or ts2phc without envelope:
 *       `ptp4l[1306975.704]: [ptp4l.1.config:6] master offset -5 s2 freq -1234 path delay 567`
 *   - a klog header: `I0911 14:41:53.794135  871479 event_tbc.go:161] `
 * They accept only what they are sure of and leave every other line to parseLogLine, which gives the same
 * result for these lines (the equivalence test holds them to it). Results go into caller-owned objects.
 */

export interface ScannedOffset {
  process: string;
  /** Start and end of the config tag in the text (tagStart < 0: no tag). */
  tagStart: number;
  tagEnd: number;
  mono: number;
  /** Start and end of the clock name before the source (`CLOCK_REALTIME`, `/dev/ptp10`); -1 when none. */
  clockStart: number;
  clockEnd: number;
  source: string;
  offset: number;
  servo: number;
  freq: number;
  /** NaN when the line has no delay. */
  delay: number;
  holdover: boolean;
}

export function newScannedOffset(): ScannedOffset {
  return {
    process: '',
    tagStart: -1,
    tagEnd: -1,
    mono: 0,
    clockStart: -1,
    clockEnd: -1,
    source: '',
    offset: 0,
    servo: 0,
    freq: 0,
    delay: Number.NaN,
    holdover: false,
  };
}

const PTP4L = 'ptp4l';
const PHC2SYS = 'phc2sys';
const TS2PHC = 'ts2phc';

/** Reads a plain servo line; false for anything else (the line then goes the general way). */
export function scanOffsetLine(text: string, start: number, end: number, out: ScannedOffset): boolean {
  let process: string;
  let pos: number;
  const first = text.charCodeAt(start);
  if (first === 112 /* p */ && text.startsWith(PTP4L, start) && text.charCodeAt(start + 5) === 91) {
    process = PTP4L;
    pos = start + 6;
  } else if (first === 112 && text.startsWith(PHC2SYS, start) && text.charCodeAt(start + 7) === 91) {
    process = PHC2SYS;
    pos = start + 8;
  } else if (first === 116 /* t */ && text.startsWith(TS2PHC, start) && text.charCodeAt(start + 6) === 91) {
    process = TS2PHC;
    pos = start + 7;
  } else return false;

  // Monotonic seconds `digits.digits]: `
  let whole = 0;
  let decimals = 0;
  let point = false;
  for (; ; pos++) {
    const code = text.charCodeAt(pos);
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      if (point) decimals++;
    } else if (code === 46 && !point) point = true;
    else break;
  }
  if (!point || decimals === 0 || text.charCodeAt(pos) !== 93 || text.charCodeAt(pos + 1) !== 58)
    return false;
  out.mono = whole / 10 ** decimals;
  pos += 2;
  if (text.charCodeAt(pos) !== 32) return false;
  pos++;

  // Optional `[tag]` or `[tag:N]`
  out.tagStart = -1;
  if (text.charCodeAt(pos) === 91) {
    const close = text.indexOf(']', pos);
    if (close < 0 || close >= end || text.charCodeAt(close + 1) !== 32) return false;
    out.tagStart = pos + 1;
    out.tagEnd = close;
    if (text.charCodeAt(close - 2) === 58 && isDigit(text.charCodeAt(close - 1))) out.tagEnd = close - 2;
    else if (text.charCodeAt(close - 1) === 125 /* } */) return false; // `:{level}`: rare, general way
    pos = close + 2;
  }

  // `master offset` (ptp4l), `CLOCK_REALTIME phc offset` (phc2sys), `/dev/ptpN offset` or `IF master offset` (ts2phc)
  out.clockStart = -1;
  if (process === PTP4L) {
    if (!text.startsWith('master offset ', pos)) return false;
    out.source = 'master';
    pos += 14;
  } else {
    const wordEnd = text.indexOf(' ', pos);
    if (wordEnd < 0 || wordEnd >= end) return false;
    out.clockStart = pos;
    out.clockEnd = wordEnd;
    pos = wordEnd + 1;
    if (process === PHC2SYS) {
      if (text.startsWith('phc offset ', pos)) out.source = 'phc';
      else if (text.startsWith('sys offset ', pos)) out.source = 'sys';
      else return false;
      pos += 11;
    } else if (text.startsWith('offset ', pos)) {
      out.source = 'master';
      pos += 7;
    } else if (text.startsWith('master offset ', pos)) {
      out.source = 'master';
      pos += 14;
    } else return false;
  }

  pos = readInteger(text, pos, end);
  if (pos < 0) return false;
  out.offset = lastInteger;
  if (text.charCodeAt(pos) !== 32) return false;
  while (text.charCodeAt(pos) === 32) pos++;
  if (text.charCodeAt(pos) !== 115 /* s */) return false;
  const servo = text.charCodeAt(pos + 1) - 48;
  if (servo < 0 || servo > 3 || !text.startsWith(' freq ', pos + 2)) return false;
  out.servo = servo;
  pos = readInteger(text, pos + 8, end);
  if (pos < 0) return false;
  out.freq = lastInteger;
  while (pos < end && text.charCodeAt(pos) === 32) pos++;

  out.delay = Number.NaN;
  out.holdover = false;
  if (text.startsWith('path delay ', pos) || text.startsWith('delay ', pos)) {
    pos = readInteger(text, pos + (text.charCodeAt(pos) === 112 ? 11 : 6), end);
    if (pos < 0) return false;
    out.delay = lastInteger;
  } else if (text.startsWith('holdover', pos)) {
    out.holdover = true;
    pos += 8;
  }
  while (pos < end && text.charCodeAt(pos) === 32) pos++;
  if (pos !== end) return false;
  out.process = process;
  return true;
}

export interface ScannedKlog {
  severity: string;
  month: number;
  day: number;
  msOfDay: number;
  messageStart: number;
}

export function newScannedKlog(): ScannedKlog {
  return { severity: 'I', month: 0, day: 0, msOfDay: 0, messageStart: 0 };
}

const SEVERITIES = ['I', 'W', 'E', 'F'];

/** Reads a klog header `I0911 14:41:53.794135  871479 file.go:161] `; false for anything else. */
export function scanKlogHeader(text: string, start: number, end: number, out: ScannedKlog): boolean {
  const severity = text.charCodeAt(start);
  if (severity !== 73 && severity !== 87 && severity !== 69 && severity !== 70) return false;
  const month = twoDigits(text, start + 1);
  const day = twoDigits(text, start + 3);
  if (month < 1 || month > 12 || day < 1 || text.charCodeAt(start + 5) !== 32) return false;
  const hh = twoDigits(text, start + 6);
  const mm = twoDigits(text, start + 9);
  const ss = twoDigits(text, start + 12);
  if (hh < 0 || mm < 0 || ss < 0 || text.charCodeAt(start + 8) !== 58 || text.charCodeAt(start + 11) !== 58)
    return false;
  if (text.charCodeAt(start + 14) !== 46) return false;
  let micros = 0;
  let pos = start + 15;
  for (; pos < start + 21; pos++) {
    const digit = text.charCodeAt(pos) - 48;
    if (digit < 0 || digit > 9) return false;
    micros = micros * 10 + digit;
  }
  if (text.charCodeAt(pos) !== 32) return false;
  while (text.charCodeAt(pos) === 32) pos++;
  const threadStart = pos;
  while (isDigit(text.charCodeAt(pos))) pos++;
  if (pos === threadStart || text.charCodeAt(pos) !== 32) return false;
  // `file.go:123] `: the first `] ` within a short header.
  let close = pos + 1;
  const limit = Math.min(end, pos + 80);
  while (close < limit && !(text.charCodeAt(close) === 93 && text.charCodeAt(close + 1) === 32)) close++;
  if (close >= limit) return false;
  out.severity = SEVERITIES[[73, 87, 69, 70].indexOf(severity)]!;
  out.month = month;
  out.day = day;
  out.msOfDay = ((hh * 60 + mm) * 60 + ss) * 1000 + micros / 1000;
  out.messageStart = close + 2;
  return true;
}

/** The integer read by the last readInteger (a field keeps it free of allocation). */
let lastInteger = 0;

/** Skips spaces, reads an optionally signed integer; returns the position after it, or -1. */
function readInteger(text: string, start: number, end: number): number {
  let pos = start;
  while (pos < end && text.charCodeAt(pos) === 32) pos++;
  let negative = false;
  const sign = text.charCodeAt(pos);
  if (sign === 45 || sign === 43) {
    negative = sign === 45;
    pos++;
  }
  const digitsStart = pos;
  let value = 0;
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    pos++;
  }
  if (pos === digitsStart) return -1;
  lastInteger = negative && value !== 0 ? -value : value;
  return pos;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
