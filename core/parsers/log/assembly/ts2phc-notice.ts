import { at, bytesAre, find, isDigit, textAt } from './bytes';
import { INPUT, NOTICE_RECORD, writeRecord } from './layout';
import { nameOf, TS2PHC } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

const ADDING_T: u64 = 0x7420676e69646461; // 'adding t'
const STAMP_: u64 = 0x20706d617473; // 'stamp '
const TO_CLOC: u64 = 0x636f6c63206f7420; // ' to cloc'
const K_: u64 = 0x206b; // 'k '
const NMEA_DEL: u64 = 0x6c65642061656d6e; // 'nmea del'
const AY_: u64 = 0x203a7961; // 'ay: '
const _NS: u64 = 0x736e20; // ' ns'
const _SKIP_EX: u64 = 0x78652050494b5320; // ' SKIP ex'
const TTS_INDE: u64 = 0x65646e6920737474; // 'tts inde'
const X_: u64 = 0x2078; // 'x '
const _AT_: u64 = 0x20746120; // ' at '

/** The notice codes of NOTICE_RECORD's state, as line-scanner.ts names them. */
const TIMESTAMP_ADDED: i32 = 0;
const NMEA_DELAY: i32 = 1;
const EXTTS_SKIPPED: i32 = 2;

/**
 * The message of ts2phc's notices for each pulse, `adding tstamp 1763625600.000000000 to clock /dev/ptp10`
 * or `ens4f0 SKIP extts index 0 at 1757601640.000000000`, and for each NMEA sentence, `nmea delay: 98765432
 * ns` (its head read by readProcessHead), as a record whose state is the notice's code; false for anything
 * else.
 */
export function tstampNotice(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  if (headKind != TS2PHC) return false;
  if (textAt(from, NMEA_DEL, AY_, 12)) return nmeaDelay(lineStart, from + 12, end, wall);
  if (!textAt(from, ADDING_T, STAMP_, 14)) return exttsSkipped(lineStart, from, end, wall);
  let p = from + 14;
  const seconds = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == seconds || at(p) != 46) return false;
  const nanos = ++p;
  while (p < end && isDigit(at(p))) p++;
  if (p == nanos || !textAt(p, TO_CLOC, K_, 10)) return false;
  p += 10;
  const clockEnd = find(32, p, end);
  if (clockEnd != end || clockEnd == p) return false;
  const name = nameOf(TS2PHC, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(NOTICE_RECORD, name, TIMESTAMP_ADDED, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}

/**
 * The NMEA source's delay ts2phc reports for each sentence, `nmea delay: 98765432 ns` (linuxptp 3.1 ts2phc_nmea_master.c, ts2phc_nmea_master_getppstime, pr_debug),
 * from after `nmea delay: `: the digits and ` ns` up to the end; false for anything else.
 */
function nmeaDelay(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  let p = from;
  if (at(p) == 45) p++;
  const digits = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == digits || p + 3 != end || !textAt(p, _NS, 0, 3)) return false;
  const name = nameOf(TS2PHC, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(NOTICE_RECORD, name, NMEA_DELAY, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}

/**
 * ts2phc's `ens4f0 SKIP extts index 0 at 1757601640.000000000` (linuxptp 4.x ts2phc.c, a pulse it does not
 * use; in both corpus T-BC logs; a routine notice, ts2phc-message.ts `exttsSkipped`): a clock name of
 * visible ASCII, then exactly that shape up to the end; false for anything else.
 */
function exttsSkipped(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  let p = from;
  while (p < end && at(p) - 33 < 94) p++;
  if (p == from || p + 24 > end || !textAt(p, _SKIP_EX, TTS_INDE, 16) || !textAt(p + 16, X_, 0, 2)) return false;
  p += 18;
  const index = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == index || p + 4 > end || !bytesAre(p, _AT_, 4)) return false;
  p += 4;
  const seconds = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == seconds || p >= end || at(p) != 46) return false;
  const nanos = ++p;
  while (p < end && isDigit(at(p))) p++;
  if (p == nanos || p != end) return false;
  const name = nameOf(TS2PHC, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(NOTICE_RECORD, name, EXTTS_SKIPPED, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}
