/**
 * The line reader of the log analyzer, in AssemblyScript, built to line-scan.wasm by `npm run build`.
 * A few shapes make up nearly all of a daemon log: servo lines (three quarters of it), the daemon's klog
 * chatter, its repeated state lines (the T-GM's klog summary too), DPLL events and holdover progress,
 * ts2phc's pulse and NMEA delay notices and config items, ptp4l's rms statistics, and the lines without any
 * header that continue a daemon message (the ethtool output it echoes). Every byte of them must
 * be read, and WebAssembly with 16-byte SIMD compares reads them several times faster than JavaScript.
 *
 * scan() reads the lines of a window of the log, from a start, as long as they have one of these shapes
 * (also behind an `oc logs --timestamps` prefix), and writes one record of numbers per line; it stops at
 * the first other line, which the analyzer reads in JavaScript. Each reader accepts only what it is sure
 * of: the general parser (parseLogLine) gives the same result for every line it takes, which
 * test/unit/parsers/log/line-scanner.test.ts holds it to. See line-scanner.ts for the JavaScript side.
 */
import { at, find, isDigit } from './bytes';
import { configItem } from './config-item';
import { grandMasterRole } from './grand-master-role';
import { klogLine } from './klog-line';
import { clearRecords, END, INPUT, recordsFull } from './layout';
import { prefixWall, readPrefix } from './prefix';
import { plainLine } from './plain-line';
import { readProcessHead } from './process-line';
import { rmsSummary } from './rms-summary';
import { servoMessage } from './servo-message';
import { stateLine } from './state-line';
import { tstampNotice } from './ts2phc-notice';

export { INPUT_CAPACITY, MAX_NAMES, MAX_RECORDS, NAME_SIZE, NAMES, RECORDS, recordsWritten } from './layout';
export { forgetNames, namesKnown } from './names';

/** Why scan() stopped: the end of the window, a full record table, a line of another shape, a cut line. */
const STOP_END: i32 = 0;
const STOP_FULL: i32 = 1;
const STOP_OTHER_LINE: i32 = 2;
const STOP_CUT_LINE: i32 = 3;

/** Longer lines are cut by the JavaScript side (MAX_LINE_LENGTH of line-splitter.ts): left to it. */
const MAX_LINE_LENGTH: usize = 64 * 1024;

let stopReason: i32 = STOP_END;

export function stoppedBy(): i32 {
  return stopReason;
}

export function inputAddress(): i32 {
  return <i32>INPUT;
}

/** Grows the memory to the layout; once, before anything else. */
export function init(): void {
  const pages = <i32>((END + 0xffff) >> 16);
  if (pages > memory.size()) memory.grow(pages - memory.size());
}

/** A line of a frequent shape, written as a record; false for any other. */
function frequentLine(start: usize, end: usize): bool {
  let from = start;
  let wall: f64 = NaN;
  if (isDigit(at(start))) {
    from = readPrefix(start, end);
    if (from == 0) return false;
    wall = prefixWall;
  }
  const message = readProcessHead(from, end);
  if (message != 0)
    return (
      servoMessage(start, message, end, wall) ||
      rmsSummary(start, message, end, wall) ||
      tstampNotice(start, message, end, wall) ||
      grandMasterRole(start, message, end, wall) ||
      configItem(start, message, end, wall)
    );
  // A state line's time is its Unix seconds; behind a prefix, the prefix' time (as parseLogLine dates it).
  if (klogLine(start, from, end, wall) || stateLine(start, from, end, wall)) return true;
  return plainLine(start, from, end, wall);
}

/**
 * Reads the lines of the window's bytes [from, length) into records, up to the first line of another
 * shape. `whole`: the window ends where the lines end (else a line cut by its end is left for the next
 * window). Returns where it stopped; see stoppedBy().
 */
export function scan(from: i32, length: i32, whole: bool): i32 {
  clearRecords();
  const stop = INPUT + <usize>length;
  let lineStart = INPUT + <usize>from;
  while (lineStart < stop) {
    if (recordsFull()) {
      stopReason = STOP_FULL;
      return <i32>(lineStart - INPUT);
    }
    const newline = find(10, lineStart, stop);
    if (newline >= stop && !whole) {
      stopReason = STOP_CUT_LINE;
      return <i32>(lineStart - INPUT);
    }
    const end = newline > lineStart && at(newline - 1) == 13 ? newline - 1 : newline;
    if (end - lineStart > MAX_LINE_LENGTH || !frequentLine(lineStart, end)) {
      stopReason = STOP_OTHER_LINE;
      return <i32>(lineStart - INPUT);
    }
    lineStart = newline + 1;
  }
  stopReason = STOP_END;
  return length;
}
