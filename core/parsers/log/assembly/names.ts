import { MAX_NAME_LENGTH, MAX_NAMES, NAME_SIZE, NAMES } from './layout';
import { sameBytes } from './bytes';

/** Kinds of names: the process of a servo line, of a daemon state line, or an interface. */
export const PTP4L: i32 = 0;
export const PHC2SYS: i32 = 1;
export const TS2PHC: i32 = 2;
/** dpll, T-BC, GM, gnss, ts2phc state lines: STATE_PROCESSES + their index. */
export const STATE_PROCESSES: i32 = 3;
export const INTERFACE: i32 = 8;

let nameCount: i32 = 0;

export function namesKnown(): i32 {
  return nameCount;
}

/** Empties the table: the scanner starts on another log (whose names may be others). */
export function forgetNames(): void {
  nameCount = 0;
}

/** Printable ASCII only: the JavaScript side decodes names as Latin-1, the general parser as UTF-8. */
function printable(start: usize, length: i32): bool {
  for (let i: i32 = 0; i < length; i++) {
    const code = load<u8>(start + <usize>i);
    if (code <= 32 || code >= 127) return false;
  }
  return true;
}

/**
 * The number of a (kind, bytes) pair, the same for every line that names it; a new one is added to the
 * table, which the JavaScript side decodes once. -1 when the table is full, or the name too long or not
 * printable ASCII.
 * length -1: no name (a process line without a config tag).
 */
export function nameOf(kind: i32, start: usize, length: i32): i32 {
  for (let name = 0; name < nameCount; name++) {
    const entry = NAMES + <usize>name * NAME_SIZE;
    if (load<i32>(entry) == kind && load<i32>(entry + 4) == length && sameBytes(entry + 8, start, length))
      return name;
  }
  if (nameCount >= MAX_NAMES || length > MAX_NAME_LENGTH || !printable(start, length)) return -1;
  const entry = NAMES + <usize>nameCount * NAME_SIZE;
  store<i32>(entry, kind);
  store<i32>(entry + 4, length);
  if (length > 0) memory.copy(entry + 8, start, length);
  return nameCount++;
}
