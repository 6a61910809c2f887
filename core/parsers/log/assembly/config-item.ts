import { at, bytesAre, isDigit } from './bytes';
import { INPUT, MESSAGE_RECORD, writeRecord } from './layout';
import { nameOf, TS2PHC } from './names';
import { headKind, headMono, headTagLength, headTagStart } from './process-line';

const CONFIG_I: u64 = 0x69206769666e6f63; // 'config i'
const TEM_: u64 = 0x206d6574; // 'tem '
const _OFFSET_: u64 = 0x2074657366666f20; // ' offset '
const DECISION: u64 = 0x6e6f697369636564; // 'decision'

/**
 * ts2phc's configuration as it starts, `config item (null).domainNumber is 24` (its head read by
 * readProcessHead), as a record of a plain message: aux = where the message starts. Only what the parser
 * surely keeps as a plain message: printable ASCII, no ` offset ` (a servo line), no `decision` (a DPLL
 * decision), not ending like a state line (`… s2`), no trailing space; false for anything else.
 */
export function configItem(lineStart: usize, from: usize, end: usize, wall: f64): bool {
  if (headKind != TS2PHC || end - from < 12 || !bytesAre(from, CONFIG_I, 8) || !bytesAre(from + 8, TEM_, 4))
    return false;
  for (let p = from; p < end; p++) {
    const code = at(p);
    if (code - 32 >= 95) return false;
    if (code == 32 && p + 8 <= end && bytesAre(p, _OFFSET_, 8)) return false;
    if (code == 100 && p + 8 <= end && bytesAre(p, DECISION, 8)) return false;
  }
  const last = at(end - 1);
  if (last == 32) return false;
  if (isDigit(last) && (at(end - 2) == 115 || at(end - 2) == 45)) return false;
  const name = nameOf(TS2PHC, headTagStart, headTagLength);
  if (name < 0) return false;
  writeRecord(MESSAGE_RECORD, name, 0, <i32>(from - INPUT), 0, <i32>(lineStart - INPUT), <i32>(end - INPUT), wall, headMono, 0, 0, 0);
  return true;
}
