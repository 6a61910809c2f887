import { at, bytesAre, isDigit, textAt } from './bytes';
import { COUNT_RECORD, INPUT, writeRecord } from './layout';
import { nameOf, PTP4L } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

const PORT_: u64 = 0x2074726f70; // 'port '
const ASSUMING: u64 = 0x676e696d75737361; // 'assuming'
const _THE_GRA: u64 = 0x6172672065687420; // ' the gra'
const ND_MASTE: u64 = 0x657473616d20646e; // 'nd maste'
const R_ROLE: u64 = 0x656c6f722072; // 'r role'

/**
 * ptp4l's `port 1 (ens4f0): assuming the grand master role` (linuxptp 3.1 `port 1: …`; clock.c
 * handle_state_decision_event, at every state decision that keeps the port a grandmaster's, in 3.1 and 4.x;
 * its head read by readProcessHead), as a record that only counts the line for its process, as ptp4l-message.ts's
 * grandMasterRole does: `port N`, an optional ` (iface)` without `)` in it, `: `, the words, and nothing
 * after them but spaces. False for anything else.
 */
export function grandMasterRole(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  if (headKind != PTP4L || from + 5 > end || !bytesAre(from, PORT_, 5)) return false;
  let p = from + 5;
  const digits = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == digits) return false;
  if (p + 2 <= end && at(p) == 32 && at(p + 1) == 40) {
    p += 2;
    while (p < end && at(p) != 41) p++;
    if (p == end) return false;
    p++;
  }
  if (p + 2 + 30 > end || at(p) != 58 || at(p + 1) != 32) return false;
  p += 2;
  if (!textAt(p, ASSUMING, _THE_GRA, 16) || !textAt(p + 16, ND_MASTE, R_ROLE, 14)) return false;
  for (p += 30; p < end; p++) if (at(p) != 32) return false;
  const name = nameOf(PTP4L, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(COUNT_RECORD, name, 0, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}
