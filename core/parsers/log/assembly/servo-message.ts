import { at, bytesAre, find, integer, integerEnd, readInteger, skipSpaces } from './bytes';
import { INPUT, SERVO_RECORD, writeRecord } from './layout';
import { nameOf, PHC2SYS, PTP4L } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

// The words of a servo line, as little-endian numbers.
const MASTER_O: u64 = 0x6f2072657473616d; // 'master o'
const FFSET: u64 = 0x207465736666; // 'ffset '
const PHC_OFFS: u64 = 0x7366666f20636870; // 'phc offs'
const SYS_OFFS: u64 = 0x7366666f20737973; // 'sys offs'
const ET: u64 = 0x207465; // 'et '
const OFFSET: u64 = 0x2074657366666f; // 'offset '
const FREQ: u64 = 0x207165726620; // ' freq '
const PATH_DEL: u64 = 0x6c65642068746170; // 'path del'
const AY: u64 = 0x207961; // 'ay '
const DELAY: u64 = 0x2079616c6564; // 'delay '
const HOLDOVER: u64 = 0x7265766f646c6f68; // 'holdover'

@inline function masterOffset(p: usize): bool {
  return bytesAre(p, MASTER_O, 8) && bytesAre(p + 8, FFSET, 6);
}

/**
 * The message of a plain servo line of ptp4l, phc2sys or ts2phc (its head read by readProcessHead), as a
 * record; false for anything else:
 *   `ptp4l[1306975.704]: [ptp4l.1.config:6] master offset -5 s2 freq -1234 path delay 567`
 *   `phc2sys[1306975.721]: [ptp4l.1.config:6] CLOCK_REALTIME phc offset 8 s2 freq +2730 delay 500`
 *   `ts2phc[1306975.642]: [ts2phc.1.config:6] /dev/ptp10 offset 0 s2 freq +0`
 * The path delay and a `holdover` word are read past, as parseLogLine reads them.
 */
export function servoMessage(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  let p = from;
  const kind = headKind;
  // `master offset` (ptp4l), `CLOCK_REALTIME phc offset` (phc2sys), `/dev/ptpN offset` or `IF master offset` (ts2phc)
  if (kind == PTP4L) {
    if (!masterOffset(p)) return false;
    p += 14;
  } else {
    const wordEnd = find(32, p, end);
    if (wordEnd >= end || wordEnd == p) return false;
    p = wordEnd + 1;
    if (kind == PHC2SYS) {
      if (!(bytesAre(p, PHC_OFFS, 8) || bytesAre(p, SYS_OFFS, 8)) || !bytesAre(p + 8, ET, 3)) return false;
      p += 11;
    } else if (bytesAre(p, OFFSET, 7)) p += 7;
    else if (masterOffset(p)) p += 14;
    else return false;
  }

  if (!readInteger(p, end)) return false;
  const offset = integer;
  p = integerEnd;
  if (at(p) != 32) return false;
  p = skipSpaces(p, end);
  const servo = <i32>at(p + 1) - 48;
  if (at(p) != 115 || servo < 0 || servo > 3 || !bytesAre(p + 2, FREQ, 6)) return false;
  if (!readInteger(p + 8, end)) return false;
  const freq = integer;
  p = skipSpaces(integerEnd, end);

  if (bytesAre(p, PATH_DEL, 8) && bytesAre(p + 8, AY, 3)) {
    if (!readInteger(p + 11, end)) return false;
    p = integerEnd;
  } else if (bytesAre(p, DELAY, 6)) {
    if (!readInteger(p + 6, end)) return false;
    p = integerEnd;
  } else if (bytesAre(p, HOLDOVER, 8)) p += 8;
  if (skipSpaces(p, end) != end) return false;

  const name = nameOf(kind, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(SERVO_RECORD, name, servo, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, offset, freq, 0);
  return true;
}
