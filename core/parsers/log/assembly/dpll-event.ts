import { at, bytesAre, find, isDigit, textAt } from './bytes';
import { DPLL_RECORD, INPUT, writeRecord } from './layout';
import { INTERFACE, nameOf } from './names';

const DPLL_EVE: u64 = 0x657665206c6c7064; // 'dpll eve'
const NT_SENT_: u64 = 0x20746e657320746e; // 'nt sent '
const FOR_: u64 = 0x2820726f66; // 'for ('
const STATE_S: u64 = 0x6574617473203a29; // '): state'
const _S: u64 = 0x7320; // ' s'
const OFFSET_: u64 = 0x74657366664f202c; // ', Offset'
const SPACE: u64 = 0x20; // ' '
const IN_SPE: u64 = 0x657073206e49202c; // ', In spe'
const C_: u64 = 0x2063; // 'c '
const SOURCE: u64 = 0x656372756f53202c; // ', Source'
const LOST_: u64 = 0x2074736f6c; // 'lost '
const ON_HOL: u64 = 0x6c6f68206e4f202c; // ', On hol'
const DOVER_: u64 = 0x207265766f64; // 'dover '
const TRUE: u64 = 0x65757274; // 'true'
const FALSE: u64 = 0x65736c6166; // 'false'

/** Where the last readBoolean stopped, and what it read. */
let booleanEnd: usize = 0;
let boolean: i32 = 0;

function readBoolean(p: usize): bool {
  if (bytesAre(p, TRUE, 4)) {
    boolean = 1;
    booleanEnd = p + 4;
  } else if (bytesAre(p, FALSE, 5)) {
    boolean = 0;
    booleanEnd = p + 5;
  } else return false;
  return true;
}

/** Whether a klog message starts as linuxptp-daemon's DPLL event: `dpll event sent for (`. */
export function isDpllEvent(message: usize): bool {
  return textAt(message, DPLL_EVE, NT_SENT_, 16) && bytesAre(message + 16, FOR_, 5);
}

/**
 * linuxptp-daemon's DPLL event, a klog message, as a record of its interface, state and flags:
 *   `dpll event sent for (ens4f0): state s2, Offset 0, In spec true, Source ptp4l lost false, On holdover false`
 * read as daemon-message.ts reads it (its regular expression DPLL_EVENT, text after it allowed); false for
 * any other message and for states other than s0..s2.
 */
export function dpllEvent(lineStart: usize, message: usize, end: usize, wall: f64, date: i32, msOfDay: f64): bool {
  const ifaceStart = message + 21;
  const ifaceEnd = find(41, ifaceStart, end);
  if (ifaceEnd >= end || ifaceEnd == ifaceStart || !textAt(ifaceEnd, STATE_S, _S, 10)) return false;
  let p = ifaceEnd + 10;
  const state = <i32>at(p) - 48;
  if (state < 0 || state > 2 || !textAt(p + 1, OFFSET_, SPACE, 9)) return false;
  p += 10;
  if (at(p) == 45) p++;
  const digits = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == digits || !textAt(p, IN_SPE, C_, 10) || !readBoolean(p + 10)) return false;
  const inSpec = boolean;
  p = booleanEnd;
  if (!textAt(p, SOURCE, SPACE, 9)) return false;
  p += 9;
  // `Source (?:\S+ )?lost`: a word before `lost`, when one makes the rest match, else none.
  const wordEnd = find(32, p, end);
  for (let q = p; q < wordEnd; q++) if (at(q) < 33 || at(q) > 126) return false; // \S, in ASCII
  if (wordEnd > p && wordEnd < end && bytesAre(wordEnd + 1, LOST_, 5) && readBoolean(wordEnd + 6)) {
    p = booleanEnd;
  } else if (bytesAre(p, LOST_, 5) && readBoolean(p + 5)) {
    p = booleanEnd;
  } else return false;
  const sourceLost = boolean;
  if (!textAt(p, ON_HOL, DOVER_, 14) || !readBoolean(p + 14)) return false;
  const onHoldover = boolean;
  if (booleanEnd > end) return false;
  const iface = nameOf(INTERFACE, ifaceStart, <i32>(ifaceEnd - ifaceStart));
  if (iface < 0) return false;
  const flags = inSpec * 4 + sourceLost * 2 + onHoldover;
  writeRecord(DPLL_RECORD, iface, state, date, flags, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, 0, 0, 0, msOfDay);
  return true;
}
