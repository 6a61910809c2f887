import { at, find, isDigit, textAt } from './bytes';
import { INPUT, NOTICE_RECORD, writeRecord } from './layout';
import { nameOf, TS2PHC } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

const ADDING_T: u64 = 0x7420676e69646461; // 'adding t'
const STAMP_: u64 = 0x20706d617473; // 'stamp '
const TO_CLOC: u64 = 0x636f6c63206f7420; // ' to cloc'
const K_: u64 = 0x206b; // 'k '

/**
 * The message of ts2phc's notice for each pulse, `adding tstamp 1763625600.000000000 to clock /dev/ptp10`
 * (its head read by readProcessHead), as a record; false for anything else.
 */
export function tstampNotice(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  if (headKind != TS2PHC || !textAt(from, ADDING_T, STAMP_, 14)) return false;
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
  writeRecord(NOTICE_RECORD, name, 0, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}
