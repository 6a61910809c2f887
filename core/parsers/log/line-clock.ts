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

/** `hh:mm:ss[.frac]` → milliseconds of the day, or undefined when malformed. */
export function msOfDay(text: string): number | undefined {
  const match = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, hh, mm, ss, frac = ''] = match;
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  return ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + ms;
}
