/**
 * Allocation-free readers for the two line shapes that make up most of a daemon log, working on the
 * bytes of a line inside a larger buffer (start..end), so that these lines are never decoded:
 *   - a servo line of ptp4l, phc2sys or ts2phc without envelope:
 *       `ptp4l[1306975.704]: [ptp4l.1.config:6] master offset -5 s2 freq -1234 path delay 567`
 *   - a klog header: `I0911 14:41:53.794135  871479 event_tbc.go:161] `
 * They accept only what they are sure of and leave every other line to parseLogLine, which gives the same
 * result for these lines (the equivalence tests hold them to it). Results go into caller-owned objects.
 */

export interface ScannedOffset {
  process: string;
  /** Start and end of the config tag in the buffer (tagStart < 0: no tag). */
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

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const PTP4L = ascii('ptp4l[');
const PHC2SYS = ascii('phc2sys[');
const TS2PHC = ascii('ts2phc[');
const MASTER_OFFSET = ascii('master offset ');
const PHC_OFFSET = ascii('phc offset ');
const SYS_OFFSET = ascii('sys offset ');
const OFFSET = ascii('offset ');
const FREQ = ascii(' freq ');
const PATH_DELAY = ascii('path delay ');
const DELAY = ascii('delay ');
const HOLDOVER = ascii('holdover');

function matchAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

/** Reads a plain servo line; false for anything else (the line then goes the general way). */
export function scanOffsetLine(bytes: Uint8Array, start: number, end: number, out: ScannedOffset): boolean {
  let process: string;
  let pos: number;
  if (matchAt(bytes, start, PTP4L)) {
    process = 'ptp4l';
    pos = start + 6;
  } else if (matchAt(bytes, start, PHC2SYS)) {
    process = 'phc2sys';
    pos = start + 8;
  } else if (matchAt(bytes, start, TS2PHC)) {
    process = 'ts2phc';
    pos = start + 7;
  } else return false;

  // Monotonic seconds `digits.digits]: `
  let whole = 0;
  let decimals = 0;
  let point = false;
  for (; pos < end; pos++) {
    const code = bytes[pos]!;
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      if (point) decimals++;
    } else if (code === 46 && !point) point = true;
    else break;
  }
  if (!point || decimals === 0 || bytes[pos] !== 93 || bytes[pos + 1] !== 58 || bytes[pos + 2] !== 32)
    return false;
  out.mono = whole / 10 ** decimals;
  pos += 3;

  // Optional `[tag]` or `[tag:N]`
  out.tagStart = -1;
  if (bytes[pos] === 91) {
    let close = pos + 1;
    while (close < end && bytes[close] !== 93) close++;
    if (close >= end || bytes[close + 1] !== 32) return false;
    out.tagStart = pos + 1;
    out.tagEnd = close;
    if (bytes[close - 2] === 58 && isDigit(bytes[close - 1]!)) out.tagEnd = close - 2;
    else if (bytes[close - 1] === 125 /* } */) return false; // `:{level}`: rare, general way
    pos = close + 2;
  }

  // `master offset` (ptp4l), `CLOCK_REALTIME phc offset` (phc2sys), `/dev/ptpN offset` or `IF master offset` (ts2phc)
  out.clockStart = -1;
  if (process === 'ptp4l') {
    if (!matchAt(bytes, pos, MASTER_OFFSET)) return false;
    out.source = 'master';
    pos += 14;
  } else {
    let wordEnd = pos;
    while (wordEnd < end && bytes[wordEnd] !== 32) wordEnd++;
    if (wordEnd >= end || wordEnd === pos) return false;
    out.clockStart = pos;
    out.clockEnd = wordEnd;
    pos = wordEnd + 1;
    if (process === 'phc2sys') {
      if (matchAt(bytes, pos, PHC_OFFSET)) out.source = 'phc';
      else if (matchAt(bytes, pos, SYS_OFFSET)) out.source = 'sys';
      else return false;
      pos += 11;
    } else if (matchAt(bytes, pos, OFFSET)) {
      out.source = 'master';
      pos += 7;
    } else if (matchAt(bytes, pos, MASTER_OFFSET)) {
      out.source = 'master';
      pos += 14;
    } else return false;
  }

  pos = readInteger(bytes, pos, end, out, 'offset');
  if (pos < 0 || bytes[pos] !== 32) return false;
  while (bytes[pos] === 32) pos++;
  if (bytes[pos] !== 115 /* s */) return false;
  const servo = bytes[pos + 1]! - 48;
  if (servo < 0 || servo > 3 || !matchAt(bytes, pos + 2, FREQ)) return false;
  out.servo = servo;
  pos = readInteger(bytes, pos + 8, end, out, 'freq');
  if (pos < 0) return false;
  while (pos < end && bytes[pos] === 32) pos++;

  out.delay = Number.NaN;
  out.holdover = false;
  if (matchAt(bytes, pos, PATH_DELAY) || matchAt(bytes, pos, DELAY)) {
    pos = readInteger(bytes, pos + (bytes[pos] === 112 ? 11 : 6), end, out, 'delay');
    if (pos < 0) return false;
  } else if (matchAt(bytes, pos, HOLDOVER)) {
    out.holdover = true;
    pos += 8;
  }
  while (pos < end && bytes[pos] === 32) pos++;
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

const SEVERITY_CODES = [73, 87, 69, 70];
const SEVERITIES = ['I', 'W', 'E', 'F'];

/** Reads a klog header `I0911 14:41:53.794135  871479 file.go:161] `; false for anything else. */
export function scanKlogHeader(bytes: Uint8Array, start: number, end: number, out: ScannedKlog): boolean {
  const severity = SEVERITY_CODES.indexOf(bytes[start]!);
  if (severity < 0 || end - start < 24) return false;
  const month = twoDigits(bytes, start + 1);
  const day = twoDigits(bytes, start + 3);
  if (month < 1 || month > 12 || day < 1 || bytes[start + 5] !== 32) return false;
  const hh = twoDigits(bytes, start + 6);
  const mm = twoDigits(bytes, start + 9);
  const ss = twoDigits(bytes, start + 12);
  if (hh < 0 || mm < 0 || ss < 0 || bytes[start + 8] !== 58 || bytes[start + 11] !== 58) return false;
  if (bytes[start + 14] !== 46) return false;
  let micros = 0;
  let pos = start + 15;
  for (; pos < start + 21; pos++) {
    const digit = bytes[pos]! - 48;
    if (digit < 0 || digit > 9) return false;
    micros = micros * 10 + digit;
  }
  if (bytes[pos] !== 32) return false;
  while (bytes[pos] === 32) pos++;
  const threadStart = pos;
  while (pos < end && isDigit(bytes[pos]!)) pos++;
  if (pos === threadStart || bytes[pos] !== 32) return false;
  // `file.go:123] `: the first `] ` within a short header.
  let close = pos + 1;
  const limit = Math.min(end, pos + 80);
  while (close < limit && !(bytes[close] === 93 && bytes[close + 1] === 32)) close++;
  if (close >= limit) return false;
  out.severity = SEVERITIES[severity]!;
  out.month = month;
  out.day = day;
  out.msOfDay = ((hh * 60 + mm) * 60 + ss) * 1000 + micros / 1000;
  out.messageStart = close + 2;
  return true;
}

type IntegerField = 'offset' | 'freq' | 'delay';

/** Skips spaces, reads an optionally signed integer into `out[field]`; returns the position after it, or -1. */
function readInteger(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: ScannedOffset,
  field: IntegerField,
): number {
  let pos = start;
  while (pos < end && bytes[pos] === 32) pos++;
  let negative = false;
  const sign = bytes[pos];
  if (sign === 45 || sign === 43) {
    negative = sign === 45;
    pos++;
  }
  const digitsStart = pos;
  let value = 0;
  while (pos < end) {
    const code = bytes[pos]!;
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    pos++;
  }
  if (pos === digitsStart) return -1;
  out[field] = negative && value !== 0 ? -value : value;
  return pos;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - 48;
  const ones = bytes[at + 1]! - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

export interface ScannedState {
  process: string;
  unix: number;
  tagStart: number;
  tagEnd: number;
  ifaceStart: number;
  ifaceEnd: number;
  /** 0, 1, 2 for s0 (FREERUN), s1 (HOLDOVER), s2 (LOCKED). */
  state: number;
}

export function newScannedState(): ScannedState {
  return { process: '', unix: 0, tagStart: 0, tagEnd: 0, ifaceStart: 0, ifaceEnd: 0, state: 0 };
}

const STATE_PROCESSES: [Uint8Array, string][] = ['dpll[', 'T-BC[', 'GM[', 'gnss[', 'ts2phc['].map((name) => [
  ascii(name),
  name.slice(0, -1),
]);

/**
 * Reads the frame of a linuxptp-daemon state line, `dpll[1757601712]:[ts2phc.1.config] ens4f0 … s2`:
 * process, Unix seconds, tag, interface and the state digit. The key/value pairs between are not read:
 * the analyzer uses this only to see that a state did not change, and sends changes the general way.
 */
export function scanStateLine(bytes: Uint8Array, start: number, end: number, out: ScannedState): boolean {
  let pos = -1;
  for (const [prefix, name] of STATE_PROCESSES) {
    if (matchAt(bytes, start, prefix)) {
      out.process = name;
      pos = start + prefix.length;
      break;
    }
  }
  if (pos < 0) return false;
  let unix = 0;
  const digitsStart = pos;
  while (pos < end && isDigit(bytes[pos]!)) unix = unix * 10 + (bytes[pos++]! - 48);
  // Unix seconds as parseLogLine takes them: ten digits or more, not before 2001 (fixtures write `dpll[0]`).
  if (
    pos - digitsStart < 10 ||
    unix < 1e9 ||
    bytes[pos] !== 93 ||
    bytes[pos + 1] !== 58 ||
    bytes[pos + 2] !== 91
  ) {
    return false;
  }
  out.unix = unix;
  out.tagStart = pos + 3;
  pos = out.tagStart;
  while (pos < end && bytes[pos] !== 93) pos++;
  if (pos >= end || bytes[pos + 1] !== 32) return false;
  out.tagEnd = pos;
  out.ifaceStart = pos + 2;
  pos = out.ifaceStart;
  while (pos < end && bytes[pos] !== 32) pos++;
  if (pos >= end || pos === out.ifaceStart) return false;
  out.ifaceEnd = pos;
  // `… sN` at the very end.
  const state = bytes[end - 1]! - 48;
  if (bytes[end - 2] !== 115 || bytes[end - 3] !== 32 || state < 0 || state > 2) return false;
  out.state = state;
  return true;
}

/** Where an `oc logs --timestamps` prefix ends, and its time; `end` is -1 when the line has none. */
export interface ScannedPrefix {
  wall: number;
  end: number;
}

export function newScannedPrefix(): ScannedPrefix {
  return { wall: 0, end: -1 };
}

/**
 * Reads a UTC RFC3339 prefix `2026-11-20T08:00:00.400861942Z ` as the kubelet writes it (milliseconds
 * kept, as Date.parse keeps them); false for any other shape, which the general parser then reads.
 */
export function scanRfc3339Prefix(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: ScannedPrefix,
): boolean {
  if (end - start < 21 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45 || bytes[start + 10] !== 84)
    return false;
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return false;
  const year = twoDigits(bytes, start) * 100 + twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const hh = twoDigits(bytes, start + 11);
  const mm = twoDigits(bytes, start + 14);
  const ss = twoDigits(bytes, start + 17);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hh < 0 ||
    hh > 23 ||
    mm < 0 ||
    mm > 59 ||
    ss < 0 ||
    ss > 59
  )
    return false;
  let pos = start + 19;
  let ms = 0;
  if (bytes[pos] === 46) {
    let digits = 0;
    for (pos++; pos < end && isDigit(bytes[pos]!); pos++, digits++)
      if (digits < 3) ms = ms * 10 + bytes[pos]! - 48;
    if (digits === 0) return false;
    for (; digits < 3; digits++) ms *= 10;
  }
  if (bytes[pos] !== 90 || bytes[pos + 1] !== 32) return false;
  out.wall = Date.UTC(year, month - 1, day, hh, mm, ss, ms);
  out.end = pos + 2;
  return true;
}
