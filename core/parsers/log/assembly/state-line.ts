import { at, bytesAre, find, isDigit, isLetter, isWordByte, textAt } from './bytes';
import { INPUT, STATE_RECORD, writeRecord } from './layout';
import { INTERFACE, nameOf, STATE_PROCESSES } from './names';

const DPLL: u64 = 0x5b6c6c7064; // 'dpll['
const T_BC: u64 = 0x5b43422d54; // 'T-BC['
const GM: u64 = 0x5b4d47; // 'GM['
const GNSS: u64 = 0x5b73736e67; // 'gnss['
const TS2PHC: u64 = 0x5b636870327374; // 'ts2phc['
const TAG_START: u64 = 0x5b3a5d; // ']:['
const T_GM_STA: u64 = 0x4154532d4d472d54; // 'T-GM-STA'
const T_BC_STA: u64 = 0x4154532d43422d54; // 'T-BC-STA'
const TUS_: u64 = 0x20535554; // 'TUS '
const ADDING_T: u64 = 0x7420676e69646461; // 'adding t'
const STAMP_: u64 = 0x20706d617473; // 'stamp '
const CLOCK_CL: u64 = 0x4c435f4b434f4c43; // 'CLOCK_CL'
const ASS_CHAN: u64 = 0x4e4148435f535341; // 'ASS_CHAN'
const GE_: u64 = 0x204547; // 'GE '

/** `T-GM-STATUS ` or `T-BC-STATUS `: the status markers of daemon-message.ts. */
@inline function isMarker(p: usize): bool {
  return (bytesAre(p, T_GM_STA, 8) || bytesAre(p, T_BC_STA, 8)) && bytesAre(p + 8, TUS_, 4);
}

/**
 * The pairs between the interface and the state, as parseStateLine takes them, only stricter: from the
 * space after the interface, `key value` (a word and an integer) or a status marker, each after one
 * space, up to the space before `sN`; at least one.
 */
function pairsUpTo(from: usize, stateSpace: usize): bool {
  let p = from;
  let items = 0;
  while (p < stateSpace) {
    if (at(p) != 32) return false;
    p++;
    if (isMarker(p)) {
      p += 11;
      items++;
      continue;
    }
    if (!isLetter(at(p))) return false;
    while (isWordByte(at(p))) p++;
    if (at(p) != 32) return false;
    p++;
    if (at(p) == 45) p++;
    const digits = p;
    while (isDigit(at(p))) p++;
    if (p == digits) return false;
    items++;
  }
  return p == stateSpace && items > 0;
}

/**
 * A linuxptp-daemon state line, as a record: process, Unix seconds, tag, interface and the state digit of
 * `dpll[1757601712]:[ts2phc.1.config] ens4f0 frequency_status 3 offset 0 … s2`. The pairs between are
 * checked, not kept: the analyzer uses these records only to see that a state did not change, and reads
 * a change the general way. `wall`: the time of an `oc logs --timestamps` prefix, NaN without one.
 * false for any other line.
 */
export function stateLine(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  let p = from;
  let process: i32;
  if (bytesAre(p, DPLL, 5)) process = 0;
  else if (bytesAre(p, T_BC, 5)) process = 1;
  else if (bytesAre(p, GM, 3)) process = 2;
  else if (bytesAre(p, GNSS, 5)) process = 3;
  else if (bytesAre(p, TS2PHC, 7)) process = 4;
  else return false;
  p += process == 2 ? 3 : process == 4 ? 7 : 5;

  let unix: f64 = 0;
  const digitsStart = p;
  while (p < end && isDigit(at(p))) unix = unix * 10 + <f64>(at(p++) - 48);
  // Unix seconds as parseLogLine takes them: ten digits or more, not before 2001 (fixtures write `dpll[0]`).
  if (p - digitsStart < 10 || unix < 1e9 || !bytesAre(p, TAG_START, 3)) return false;
  const tagStart = p + 3;
  const tagEnd = find(93, tagStart, end);
  if (tagEnd >= end || at(tagEnd + 1) != 32) return false;
  const ifaceStart = tagEnd + 2;
  const ifaceEnd = find(32, ifaceStart, end);
  if (ifaceEnd >= end || ifaceEnd == ifaceStart || find(58, ifaceStart, ifaceEnd) != ifaceEnd) return false;
  // `… sN` at the very end.
  const state = <i32>at(end - 1) - 48;
  if (at(end - 2) != 115 || at(end - 3) != 32 || state < 0 || state > 2) return false;
  if (!pairsUpTo(ifaceEnd, end - 3)) return false;
  // Messages the general parser reads as something else before it tries a state line.
  if (textAt(ifaceStart, CLOCK_CL, ASS_CHAN, 16) && bytesAre(ifaceStart + 16, GE_, 3)) return false;
  if (process == 4 && textAt(ifaceStart, ADDING_T, STAMP_, 14)) return false;

  const name = nameOf(STATE_PROCESSES + process, tagStart, <i32>(tagEnd - tagStart));
  const iface = nameOf(INTERFACE, ifaceStart, <i32>(ifaceEnd - ifaceStart));
  if (name < 0 || iface < 0) return false;
  writeRecord(STATE_RECORD, name, state, iface, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, 0, 0, 0, unix);
  return true;
}
