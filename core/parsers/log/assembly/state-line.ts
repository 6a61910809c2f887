import { at, bytesAre, find, isDigit } from './bytes';
import { INPUT, STATE_RECORD, writeRecord } from './layout';
import { INTERFACE, nameOf, STATE_PROCESSES } from './names';

const DPLL: u64 = 0x5b6c6c7064; // 'dpll['
const T_BC: u64 = 0x5b43422d54; // 'T-BC['
const GM: u64 = 0x5b4d47; // 'GM['
const GNSS: u64 = 0x5b73736e67; // 'gnss['
const TS2PHC: u64 = 0x5b636870327374; // 'ts2phc['
const TAG_START: u64 = 0x5b3a5d; // ']:['

/**
 * The frame of a linuxptp-daemon state line, as a record: process, Unix seconds, tag, interface and the
 * state digit of `dpll[1757601712]:[ts2phc.1.config] ens4f0 frequency_status 3 offset 0 … s2`. The pairs
 * between are not read: the analyzer uses these records only to see that a state did not change, and
 * reads a change the general way. false for any other line.
 */
export function stateLine(lineStart: usize, from: usize, end: usize): bool {
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
  if (ifaceEnd >= end || ifaceEnd == ifaceStart) return false;
  // `… sN` at the very end.
  const state = <i32>at(end - 1) - 48;
  if (at(end - 2) != 115 || at(end - 3) != 32 || state < 0 || state > 2) return false;

  const name = nameOf(STATE_PROCESSES + process, tagStart, <i32>(tagEnd - tagStart));
  const iface = nameOf(INTERFACE, ifaceStart, <i32>(ifaceEnd - ifaceStart));
  if (name < 0 || iface < 0) return false;
  writeRecord(STATE_RECORD, name, state, iface, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), NaN, 0, 0, 0, unix);
  return true;
}
