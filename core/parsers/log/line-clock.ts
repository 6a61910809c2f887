/**
 * The time fields a single line carries, before the timeline resolves them. Every field comes from the
 * line's own text; which ones are present depends on who wrote the line.
 */
export interface LineClock {
  /** Epoch ms from a full date: an `oc logs --timestamps` RFC3339 prefix or a journald ISO date. */
  wall?: number;
  /** A date without a year (klog `I0908 10:12:04.085236`, classic syslog `Sep  8 10:12:04`). */
  yearless?: { month: number; day: number; msOfDay: number };
  /** Integer Unix seconds of linuxptp-daemon's own lines (`dpll[1757601712]:`), 1 s resolution. */
  unix?: number;
  /** CLOCK_MONOTONIC seconds of linuxptp's `ptp4l[1306975.704]:` prefix. */
  mono?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthFromAbbreviation(text: string): number | undefined {
  const index = MONTHS.indexOf(text);
  return index < 0 ? undefined : index + 1;
}

/**
 * `hh:mm:ss[.frac]` starting at `start` → milliseconds of the day, or undefined when malformed. Read by
 * hand because every klog line has one.
 */
export function msOfDay(text: string, start = 0, end = text.length): number | undefined {
  if (end - start < 8 || text.charCodeAt(start + 2) !== 58 || text.charCodeAt(start + 5) !== 58)
    return undefined;
  const hh = twoDigits(text, start);
  const mm = twoDigits(text, start + 3);
  const ss = twoDigits(text, start + 6);
  if (hh < 0 || mm < 0 || ss < 0) return undefined;
  const ms = ((hh * 60 + mm) * 60 + ss) * 1000;
  if (end - start === 8) return ms;
  if (text.charCodeAt(start + 8) !== 46) return undefined;
  // The fraction as whole microseconds (klog prints six digits), so 14:41:53.794135 is exactly 794.135 ms.
  let micros = 0;
  let digits = 0;
  for (let pos = start + 9; pos < end; pos++) {
    const digit = text.charCodeAt(pos) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (digits++ < 6) micros = micros * 10 + digit;
  }
  for (; digits < 6; digits++) micros *= 10;
  return ms + micros / 1000;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
