import { at, isDigit, twoDigits } from './bytes';

/** The time of the last prefix read, in ms since 1970. */
export let prefixWall: f64 = NaN;

/** Days since 1970-01-01 of a Gregorian date; days past a month's end roll over, as with Date.UTC. */
function daysFromCivil(year: i32, month: i32, day: i32): i32 {
  const y = month <= 2 ? year - 1 : year;
  const era = (y >= 0 ? y : y - 399) / 400;
  const yearOfEra = y - era * 400;
  const dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Reads a UTC RFC3339 prefix `2026-11-20T08:00:00.400861942Z ` as the kubelet writes it (milliseconds
 * kept, as Date.parse keeps them); returns where the line goes on, or 0 for any other shape.
 */
export function readPrefix(start: usize, end: usize): usize {
  if (end - start < 21 || at(start + 4) != 45 || at(start + 7) != 45 || at(start + 10) != 84) return 0;
  if (at(start + 13) != 58 || at(start + 16) != 58) return 0;
  const century = twoDigits(start);
  const year = century * 100 + twoDigits(start + 2);
  const month = twoDigits(start + 5);
  const day = twoDigits(start + 8);
  const hh = twoDigits(start + 11);
  const mm = twoDigits(start + 14);
  const ss = twoDigits(start + 17);
  // Date.UTC reads years before 100 otherwise: such lines are left to the general parser.
  if (century < 1 || twoDigits(start + 2) < 0 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return 0;
  let p = start + 19;
  let ms = 0;
  if (at(p) == 46) {
    let digits = 0;
    for (p++; p < end && isDigit(at(p)); p++, digits++) if (digits < 3) ms = ms * 10 + <i32>(at(p) - 48);
    if (digits == 0) return 0;
    for (; digits < 3; digits++) ms *= 10;
  }
  if (at(p) != 90 || at(p + 1) != 32) return 0;
  prefixWall = <f64>daysFromCivil(year, month, day) * 86400000 + <f64>(((hh * 60 + mm) * 60 + ss) * 1000 + ms);
  return p + 2;
}
