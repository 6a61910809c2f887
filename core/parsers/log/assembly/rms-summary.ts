import { at, bytesAre, isDigit } from './bytes';
import { INPUT, RMS_RECORD, writeRecord } from './layout';
import { nameOf, PTP4L } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

const RMS: u64 = 0x736d72; // 'rms'
const MAX: u64 = 0x78616d; // 'max'
const FREQ: u64 = 0x71657266; // 'freq'
const PLUS_MINUS: u64 = 0x2d2f2b; // '+/-'
const DELAY: u64 = 0x79616c6564; // 'delay'

let value: f64 = 0;

/** One space or more from p: where they end, or 0 when there is none. */
@inline function spaces(p: usize, end: usize): usize {
  if (p >= end || at(p) != 32) return 0;
  while (p < end && at(p) == 32) p++;
  return p;
}

/** A word, then spaces: where they end, or 0. */
@inline function word(p: usize, end: usize, text: u64, length: i32): usize {
  return p + <usize>length <= end && bytesAre(p, text, length) ? spaces(p + <usize>length, end) : 0;
}

/** Digits, with a sign where allowed, into `value`: where they end, or 0. */
function digits(p: usize, end: usize, signed: bool): usize {
  let negative = false;
  if (signed && p < end && (at(p) == 43 || at(p) == 45)) negative = at(p++) == 45;
  const start = p;
  let v: f64 = 0;
  while (p < end && isDigit(at(p))) v = v * 10 + <f64>(at(p++) - 48);
  if (p == start) return 0;
  value = negative && v != 0 ? -v : v;
  return p;
}

/**
 * ptp4l's statistics line when summary_interval is longer than the sync interval (linuxptp 3.1 clock.c,
 * clock_stats_display), `rms 53 max 111 freq -19187 +/- 23 delay 1060 +/- 2` (its head read by
 * readProcessHead), as a record of its rms and max; false for anything else, as summary-message.ts's RMS
 * pattern reads it. phc2sys' lines, which start with the clock's name, are left to the parser.
 */
export function rmsSummary(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  if (headKind != PTP4L) return false;
  let p = word(from, end, RMS, 3);
  if (p == 0 || (p = digits(p, end, false)) == 0) return false;
  const rms = value;
  if ((p = spaces(p, end)) == 0 || (p = word(p, end, MAX, 3)) == 0) return false;
  if ((p = digits(p, end, false)) == 0) return false;
  const max = value;
  if ((p = spaces(p, end)) == 0 || (p = word(p, end, FREQ, 4)) == 0) return false;
  if ((p = digits(p, end, true)) == 0 || (p = spaces(p, end)) == 0) return false;
  if ((p = word(p, end, PLUS_MINUS, 3)) == 0 || (p = digits(p, end, false)) == 0) return false;
  if (p != end) {
    if ((p = spaces(p, end)) == 0 || (p = word(p, end, DELAY, 5)) == 0) return false;
    if ((p = digits(p, end, false)) == 0 || (p = spaces(p, end)) == 0) return false;
    if ((p = word(p, end, PLUS_MINUS, 3)) == 0 || (p = digits(p, end, false)) == 0 || p != end) return false;
  }
  const name = nameOf(PTP4L, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(RMS_RECORD, name, 0, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, rms, max, 0);
  return true;
}
