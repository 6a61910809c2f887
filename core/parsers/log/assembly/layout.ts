/**
 * The module's memory, at fixed addresses (the JavaScript side reads them from the exports of index.ts):
 * the window of log bytes with slack for SIMD reads past its end, the records as one array per field, and
 * the table of names met so far.
 */

export const INPUT: usize = 65536;
export const INPUT_CAPACITY: i32 = 256 * 1024;
/** SIMD and 8-byte reads go up to this far past the end of a window. */
const SLACK: usize = 64;

export const MAX_RECORDS: i32 = 4096;
export const RECORDS: usize = INPUT + <usize>INPUT_CAPACITY + SLACK;
const F64_FIELDS: usize = 5;
const I32_FIELDS: usize = 7;

export const NAMES: usize = RECORDS + <usize>MAX_RECORDS * (F64_FIELDS * 8 + I32_FIELDS * 4);
export const MAX_NAMES: i32 = 128;
/** A name: its kind (i32), its length (i32; -1: a line without a tag), its bytes. */
export const NAME_SIZE: usize = 64;
export const MAX_NAME_LENGTH: i32 = <i32>NAME_SIZE - 8;

export const END: usize = NAMES + <usize>MAX_NAMES * NAME_SIZE + SLACK;

/** The record fields, in the order of their arrays after RECORDS: those of f64, then those of i32. */
enum F64Field { Mono, Wall, Offset, Freq, Time }
enum I32Field { Kind, Name, State, Aux, Flags, LineStart, LineEnd }

@inline function f64Field(field: F64Field, record: usize): usize {
  return RECORDS + (<usize>field * <usize>MAX_RECORDS + record) * 8;
}

@inline function i32Field(field: I32Field, record: usize): usize {
  return RECORDS + F64_FIELDS * <usize>MAX_RECORDS * 8 + (<usize>field * <usize>MAX_RECORDS + record) * 4;
}

/** Record kinds. */
export const SERVO_RECORD: i32 = 0;
export const KLOG_RECORD: i32 = 1;
export const STATE_RECORD: i32 = 2;
export const NOTICE_RECORD: i32 = 3;
export const DPLL_RECORD: i32 = 4;
export const PLAIN_RECORD: i32 = 5;
export const BLANK_RECORD: i32 = 6;
export const HOLDOVER_RECORD: i32 = 7;
export const MESSAGE_RECORD: i32 = 8;
export const RMS_RECORD: i32 = 9;
export const GM_STATE_RECORD: i32 = 10;
export const COUNT_RECORD: i32 = 11;

let recordCount: i32 = 0;

export function recordsWritten(): i32 {
  return recordCount;
}

export function clearRecords(): void {
  recordCount = 0;
}

export function recordsFull(): bool {
  return recordCount >= MAX_RECORDS;
}

/**
 * Appends a record; wall is the `--timestamps` prefix' time in ms, NaN without one.
 *   servo: name = process instance, state = servo 0..3, mono, offset, freq;
 *   klog chatter: aux = month × 256 + day, time = ms of the day;
 *   daemon state line: name = process instance, aux = interface name, state 0..2, time = Unix seconds;
 *   ts2phc notice `adding tstamp`: name = process instance, mono;
 *   DPLL event (a klog line): name = interface name, aux and time as klog, state 0..2, flags = in spec × 4
 *   + source lost × 2 + on holdover;
 *   a line without any header (plain-line.ts): nothing but where it is, and a prefix' time; a blank line;
 *   the DPLL's holdover progress notice (a klog line): aux and time as klog;
 *   a plain message of a process (config-item.ts): name = process instance, aux = where the message
 *   starts, mono;
 *   a line that only counts for its process (grand-master-role.ts): name = process instance, mono.
 */
export function writeRecord(
  kind: i32,
  name: i32,
  state: i32,
  aux: i32,
  flags: i32,
  lineStart: i32,
  lineEnd: i32,
  wall: f64,
  mono: f64,
  offset: f64,
  freq: f64,
  time: f64,
): void {
  const r = <usize>recordCount;
  recordCount++;
  store<f64>(f64Field(F64Field.Mono, r), mono);
  store<f64>(f64Field(F64Field.Wall, r), wall);
  store<f64>(f64Field(F64Field.Offset, r), offset);
  store<f64>(f64Field(F64Field.Freq, r), freq);
  store<f64>(f64Field(F64Field.Time, r), time);
  store<i32>(i32Field(I32Field.Kind, r), kind);
  store<i32>(i32Field(I32Field.Name, r), name);
  store<i32>(i32Field(I32Field.State, r), state);
  store<i32>(i32Field(I32Field.Aux, r), aux);
  store<i32>(i32Field(I32Field.Flags, r), flags);
  store<i32>(i32Field(I32Field.LineStart, r), lineStart);
  store<i32>(i32Field(I32Field.LineEnd, r), lineEnd);
}
