import { at, isDigit, isWordByte } from './bytes';
import { BLANK_RECORD, INPUT, PLAIN_RECORD, writeRecord } from './layout';

const TIME_QUOTE: u64 = 0x223d656d6974; // 'time="'

@inline function isBlankByte(code: u32): bool {
  return code == 32 || code - 9 < 5; // space, \t \n \v \f \r: what String.prototype.trim removes of ASCII
}

@inline function isLower(code: u32): bool {
  return code - 97 < 26;
}

/**
 * A line with no envelope at all, as a record: a blank line (ASCII white space only), or a line that
 * parseLogLine finds no header in, which the analyzer counts as the continuation of a multi-line daemon
 * message (the output of ethtool, a rendered config, pmc) when one came before. Only what is surely no
 * header: not a digit first (an `oc logs` prefix; a prefix was read before `from`), no logrus `time="`,
 * no klog severity and date, no syslog month, no `name[` of a process line, and behind a prefix no `[` at
 * all (journald's `host ident[pid]: `); and some visible ASCII, so that trim() cannot make it blank.
 * `from` is where the body starts (after a prefix, whose time is `wall`); false for any other line.
 */
export function plainLine(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  const prefixed = from != lineStart;
  let visible = false;
  let bracket = false;
  for (let p = from; p < end; p++) {
    const code = at(p);
    if (code - 33 < 94) {
      visible = true;
      if (code == 91) bracket = true;
    }
  }
  if (!visible) {
    if (prefixed) return false;
    for (let p = from; p < end; p++) if (!isBlankByte(at(p))) return false;
    writeRecord(BLANK_RECORD, -1, 0, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), NaN, 0, 0, 0, 0);
    return true;
  }
  if (prefixed && bracket) return false;
  const lead = at(from);
  if (isDigit(lead)) return false;
  if (lead == 116 && end - from >= 6 && (load<u64>(from) & 0xffffffffffff) == TIME_QUOTE) return false;
  if ((lead == 73 || lead == 87 || lead == 69 || lead == 70) && isDigit(at(from + 1))) return false;
  if (lead - 65 < 26 && isLower(at(from + 1)) && isLower(at(from + 2)) && at(from + 3) == 32) return false;
  let p = from;
  while (p < end && (isWordByte(at(p)) || at(p) == 45)) p++;
  // A `[` first starts no process line (the section headers of a rendered config, `[global]`).
  if (p > from && p < end && at(p) == 91) return false;
  writeRecord(PLAIN_RECORD, -1, 0, 0, 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, 0, 0, 0, 0);
  return true;
}
