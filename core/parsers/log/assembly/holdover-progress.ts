import { at, bytesAre, isDigit, textAt } from './bytes';

const TIME_SIN: u64 = 0x6e697320656d6974; // 'time sin'
const CE_HOLDO: u64 = 0x6f646c6f68206563; // 'ce holdo'
const VER_STAR: u64 = 0x7261747320726576; // 'ver star'
const T_: u64 = 0x2074; // 't '
const _OFFSET: u64 = 0x74657366666f202c; // ', offset'
const _NANOSEC: u64 = 0x6365736f6e616e20; // ' nanosec'
const OND: u64 = 0x646e6f; // 'ond'

/**
 * Whether a klog message is the DPLL's holdover progress (dpll.go), as klog-message.ts HOLDOVER_PROGRESS
 * reads it: `(ens4f0) time since holdover start 1.000094, offset 0 nanosecond holdover true`. The name in
 * brackets is accepted in visible ASCII only (the parser's `\S+` also takes other bytes: those lines are
 * left to it).
 */
export function isHoldoverProgress(from: usize, end: usize): bool {
  if (at(from) != 40 /* ( */) return false;
  let p = from + 1;
  while (p < end && at(p) - 33 < 94) p++;
  if (p - from < 3 || p >= end || at(p) != 32 || at(p - 1) != 41 /* ) */) return false;
  p++;
  if (p + 26 > end || !textAt(p, TIME_SIN, CE_HOLDO, 16) || !textAt(p + 16, VER_STAR, T_, 10)) return false;
  p += 26;
  const seconds = p;
  while (p < end && (isDigit(at(p)) || at(p) == 46)) p++;
  if (p == seconds || p + 9 > end || !bytesAre(p, _OFFSET, 8) || at(p + 8) != 32) return false;
  p += 9;
  if (p < end && at(p) == 45) p++;
  const digits = p;
  while (p < end && isDigit(at(p))) p++;
  return p > digits && p + 11 <= end && bytesAre(p, _NANOSEC, 8) && bytesAre(p + 8, OND, 3);
}
