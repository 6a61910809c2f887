import { at, bytesAre, find, isDigit } from './bytes';
import { PHC2SYS, PTP4L, TS2PHC } from './names';

const PTP4L_: u64 = 0x5b6c34707470; // 'ptp4l['
const PHC2SYS_: u64 = 0x5b73797332636870; // 'phc2sys['
const TS2PHC_: u64 = 0x5b636870327374; // 'ts2phc['
const MONO_END: u64 = 0x203a5d; // ']: '

const POWERS_OF_TEN: StaticArray<f64> = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
  1e19, 1e20, 1e21, 1e22,
];

// What readProcessHead read.
export let headKind: i32 = 0;
export let headMono: f64 = 0;
export let headTagStart: usize = 0;
/** -1: no tag. */
export let headTagLength: i32 = -1;

/**
 * The head of a ptp4l, phc2sys or ts2phc line, `ptp4l[1306975.704]: [ptp4l.1.config:6] `: the process,
 * its monotonic seconds and the config tag (without the syslog level). Returns where the message starts,
 * or 0 for any other line.
 */
export function readProcessHead(from: usize, end: usize): usize {
  let p = from;
  if (bytesAre(p, PTP4L_, 6)) {
    headKind = PTP4L;
    p += 6;
  } else if (bytesAre(p, PHC2SYS_, 8)) {
    headKind = PHC2SYS;
    p += 8;
  } else if (bytesAre(p, TS2PHC_, 7)) {
    headKind = TS2PHC;
    p += 7;
  } else return 0;

  // Monotonic seconds `digits.digits]: `
  let whole: f64 = 0;
  let decimals = 0;
  let point = false;
  for (; p < end; p++) {
    const code = at(p);
    if (isDigit(code)) {
      whole = whole * 10 + <f64>(code - 48);
      if (point) decimals++;
    } else if (code == 46 && !point) point = true;
    else break;
  }
  if (!point || decimals == 0 || decimals > 22 || !bytesAre(p, MONO_END, 3)) return 0;
  headMono = whole / unchecked(POWERS_OF_TEN[decimals]);
  p += 3;

  // Optional `[tag]` or `[tag:N]`
  headTagLength = -1;
  if (at(p) == 91) {
    const close = find(93, p + 1, end);
    if (close >= end || at(close + 1) != 32) return 0;
    headTagStart = p + 1;
    let tagEnd = close;
    if (at(close - 2) == 58 && isDigit(at(close - 1))) tagEnd = close - 2;
    else if (at(close - 1) == 125) return 0; // `:{level}`: rare, the general way
    headTagLength = <i32>(tagEnd - headTagStart);
    p = close + 2;
  }
  return p;
}
