import { at, bytesAre, find, isDigit, isWordByte, skipSpaces, twoDigits } from './bytes';
import { dpllEvent, isDpllEvent } from './dpll-event';
import { isHoldoverProgress } from './holdover-progress';
import { GM_STATE_RECORD, HOLDOVER_RECORD, INPUT, KLOG_RECORD, writeRecord } from './layout';

const DECISION: u64 = 0x6e6f697369636564; // 'decision'
const _STATUS: u64 = 0x737574617453203a; // ': Status'
const DPLL_STA: u64 = 0x617453206c6c7064; // 'dpll Sta'
const TE_S: u64 = 0x73206574; // 'te s'
const CONF_: u64 = 0x203a666e6f43; // 'Conf: '
const IN_: u64 = 0x206e69; // 'in '
const _GNSS_S: u64 = 0x532073736e67202c; // ', gnss S'
const TATE_S: u64 = 0x732065746174; // 'tate s'
const _TSPHC_: u64 = 0x206368707374202c; // ', tsphc '
const _TS2PHC: u64 = 0x636870327374202c; // ', ts2phc'
const STATE_S: u64 = 0x73206574617473; // 'state s'
const _GM_STA: u64 = 0x617473206d67202c; // ', gm sta'
const SENDING_: u64 = 0x20676e69646e6553; // 'Sending '
const PMC_: u64 = 0x20636d70; // 'pmc '

/**
 * The T-BC's state summary of event_tbc.go, `dpll State s2, tsphc state s2, BC state s2, BC offset 3`, is
 * chatter; the T-GM's of event.go, `dpll State s2, gnss State s2, …, gm state s2,`, carries its state.
 */
function isBcSummary(start: usize, end: usize): bool {
  return (
    end - start > 16 &&
    bytesAre(start, DPLL_STA, 8) &&
    bytesAre(start + 8, TE_S, 4) &&
    isDigit(at(start + 12)) &&
    at(start + 13) == 44 &&
    at(start + 14) == 32 &&
    at(start + 15) == 116 // `t` of tsphc
  );
}

/**
 * The T-GM's state of event.go (updateGMState), `dpll State s2, gnss State s2, tsphc state s2, gm state s2,`
 * (2023 builds wrote `ts2phc state`), as klog-message.ts's GM_STATE reads it: the gm state's digit when it
 * is s0, s1 or s2, else -1 (another state, or another message: left to the parser).
 */
function gmState(start: usize, end: usize): i32 {
  if (end - start < 58 || !bytesAre(start, DPLL_STA, 8) || !bytesAre(start + 8, TE_S, 4)) return -1;
  if (!isDigit(at(start + 12)) || !bytesAre(start + 13, _GNSS_S, 8) || !bytesAre(start + 21, TATE_S, 6)) return -1;
  let p = start + 28;
  if (!isDigit(at(start + 27))) return -1;
  if (bytesAre(p, _TSPHC_, 8)) p += 8;
  else if (bytesAre(p, _TS2PHC, 8) && at(p + 8) == 32) p += 9;
  else return -1;
  if (p + 22 > end || !bytesAre(p, STATE_S, 7) || !isDigit(at(p + 7))) return -1;
  if (!bytesAre(p + 8, _GM_STA, 8) || !bytesAre(p + 16, TE_S, 4) || at(p + 21) != 44) return -1;
  const state = <i32>at(p + 20) - 48;
  return state >= 0 && state <= 2 ? state : -1;
}

@inline function isNameByte(code: u32): bool {
  return isWordByte(code) || code == 45;
}

/**
 * The messages around a config the daemon prints (core/analysis/daemon-configs.ts): its command line
 * (`/bin/chrt … /usr/sbin/ptp4l -f …` or `/usr/sbin/…`), printNodeProfile's dashes and `<Process>Conf: `
 * lines, and `in applyNodePTPProfiles`.
 */
function tellsConfigs(start: usize, end: usize): bool {
  const first = at(start);
  if (first == 47 /* / */ || first == 45 /* - */) return true;
  if (end - start > 3 && bytesAre(start, IN_, 3)) return true;
  for (let p = start + 4; p <= start + 7 && p + 6 <= end; p++) if (bytesAre(p, CONF_, 6)) return true;
  return false;
}

/**
 * Whether a klog message carries state (BC FSM, DPLL decisions and events, holdover progress, the pmc SETs
 * the daemon sends: klog-message.ts EGP_SET) or wraps a process line: those are read by the general parser.
 */
function messageMatters(start: usize, end: usize): bool {
  const first = at(start);
  if (tellsConfigs(start, end)) return true;
  if (first == 83 /* S */ && end - start > 12 && bytesAre(start, SENDING_, 8) && bytesAre(start + 8, PMC_, 4))
    return true;
  if (first == 66 /* B */ || first == 40 /* ( */ || (first == 100 /* d */ && !isBcSummary(start, end))) return true;
  // A wrapped process line: `name[` followed by a digit.
  let p = start;
  while (p < end && p < start + 24 && isNameByte(at(p))) p++;
  if (p > start && at(p) == 91 && isDigit(at(p + 1))) return true;
  for (let d = find(100, start, end); d + 16 <= end; d = find(100, d + 1, end)) {
    if (bytesAre(d, DECISION, 8) && bytesAre(d + 8, _STATUS, 8)) return true;
  }
  return false;
}

/**
 * A klog line of linuxptp-daemon, as a record: its chatter, a message that matters to no analysis, as a
 * record of its date (`I0911 14:41:53.794135  871479 event_tbc.go:161] Largest offset 3`), its DPLL
 * events (dpll-event.ts), the DPLL's holdover progress (holdover-progress.ts) and the T-GM's state
 * (gmState). false for anything else.
 */
export function klogLine(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  const severity = at(from);
  if (!(severity == 73 || severity == 87 || severity == 69 || severity == 70) || end - from < 24) return false;
  const month = twoDigits(from + 1);
  const day = twoDigits(from + 3);
  if (month < 1 || month > 12 || day < 1 || at(from + 5) != 32) return false;
  const hh = twoDigits(from + 6);
  const mm = twoDigits(from + 9);
  const ss = twoDigits(from + 12);
  if (hh < 0 || mm < 0 || ss < 0 || at(from + 8) != 58 || at(from + 11) != 58 || at(from + 14) != 46) return false;
  let micros = 0;
  let p = from + 15;
  for (; p < from + 21; p++) {
    if (!isDigit(at(p))) return false;
    micros = micros * 10 + <i32>(at(p) - 48);
  }
  if (at(p) != 32) return false;
  p = skipSpaces(p, end);
  const threadStart = p;
  while (p < end && isDigit(at(p))) p++;
  if (p == threadStart || at(p) != 32) return false;
  // `file.go:123] `: the first `] ` within a short header.
  const limit = min(end, p + 80);
  let close = find(93, p + 1, limit);
  while (close < limit && at(close + 1) != 32) close = find(93, close + 1, limit);
  if (close >= limit) return false;
  // The general parser wants a `:` (of `file.go:123`) after the thread id, up to the message's first byte.
  let colon = close + 2;
  while (colon > p && at(colon) != 58) colon--;
  if (colon == p) return false;
  const msOfDay = <f64>(((hh * 60 + mm) * 60 + ss) * 1000) + <f64>micros / 1000;
  const date = (month << 8) | day;
  const message = close + 2;
  if (isDpllEvent(message)) return dpllEvent(lineStart, message, end, wall, date, msOfDay);
  const gm = gmState(message, end);
  if (gm >= 0) {
    writeRecord(GM_STATE_RECORD, -1, gm, date, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, 0, 0, 0, msOfDay);
    return true;
  }
  const kind = isHoldoverProgress(message, end) ? HOLDOVER_RECORD : KLOG_RECORD;
  if (kind == KLOG_RECORD && messageMatters(message, end)) return false;
  writeRecord(kind, -1, 0, date, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, 0, 0, 0, msOfDay);
  return true;
}
