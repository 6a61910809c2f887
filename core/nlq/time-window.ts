/**
 * A time window found in a question, and where it is. `duration` is what the tools' `last` takes
 * (`30m`, `2h15m`); `since` the start asked for, in ISO 8601 (a bare time of day, `T08:00:00Z`, when
 * neither the question nor `now` gives the date).
 */
export interface FoundWindow {
  start: number;
  end: number;
  duration?: string;
  since?: string;
  /** The end asked for ("between 08:00 and 08:01"), in ISO 8601 like `since`. */
  until?: string;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty five': 45,
  'forty-five': 45,
  fortyfive: 45,
  sixty: 60,
  ninety: 90,
  couple: 2,
  'couple of': 2,
  half: 0.5,
  'half a': 0.5,
  'half an': 0.5,
};

const NUMBER = `\\d+(?:\\.\\d+)?|${Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;
const UNIT = 'seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w';

/** `over the last 30 minutes`, `past 2h`, `in the last hour`, `previous half hour`. */
const RECENT = new RegExp(
  `\\b(?:(?:over|in|during|within|for|from)\\s+)?(?:the\\s+)?(?:last|past|previous)\\s+(?:(${NUMBER})\\s*)?(${UNIT})\\b`,
  'g',
);
/** `10 minutes ago`, `since 2 hours ago`. */
const AGO = new RegExp(`\\b(?:(?:since|from)\\s+)?(${NUMBER})\\s*(${UNIT})\\s+ago\\b`, 'g');
/** `since 2025-03-04 08:00`, `from 2025-03-04T08:00:00Z`, `since 2025-03-04`. */
const SINCE_DATE =
  /\b(?:since|from|after)\s+(\d{4}-\d{2}-\d{2})(?:(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:z|utc|gmt)\b|z)?/g;
/** `since 08:00`, `since 8am`, `from 14:30 utc`, `since midnight`. */
const SINCE_TIME =
  /\b(?:since|from|after)\s+(?:(midnight)|(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?)(?:\s*(?:z|utc|gmt)\b)?/g;
const TIME_OF_DAY = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?';
/** `between 08:00 and 08:01`, `from 08:00:30 to 08:02 utc`: a stretch of one day. */
const RANGE = new RegExp(
  `\\b(?:between|from)\\s+${TIME_OF_DAY}\\s*(?:and|to|until|till|-)\\s*${TIME_OF_DAY}(?:\\s*(?:z|utc|gmt)\\b)?`,
  'g',
);
/** `today`, `yesterday`, `since yesterday`: from the start of that day (UTC) of the data. */
const DAY = /\b(?:(?:since|from)\s+)?(today|yesterday)\b/g;

const UNIT_SECONDS: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * The first time window in `text` (lower case). Durations keep the unit asked (`last 90 minutes` → 90m),
 * fractions become a smaller unit (`last 1.5 hours` → 90m). A start ("since 08:00") becomes a duration
 * only against `now` (the end of the data the tools read); a time of day is placed on the last day not
 * after `now`, in UTC. `today` and `yesterday` start at that day's midnight (UTC) before `now`, and run
 * to the end of the data: the tools count back from it. Without `now` they are no window.
 */
export function findTimeWindow(text: string, now?: Date): FoundWindow | undefined {
  const found: FoundWindow[] = [];
  const span = (m: RegExpMatchArray) => ({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(RANGE)) {
    const [start, end] = [timeOfDay(m.slice(1, 4), now), timeOfDay(m.slice(4, 7), now)];
    if (start && end) found.push({ ...span(m), since: start, until: end });
  }
  for (const m of text.matchAll(RECENT)) found.push({ ...span(m), duration: duration(m[1] ?? '1', m[2]!) });
  for (const m of text.matchAll(AGO)) found.push({ ...span(m), duration: duration(m[1]!, m[2]!) });
  for (const m of text.matchAll(SINCE_DATE)) {
    const [, date, hour = '0', minute = '00', second = '00'] = m;
    const time = Date.parse(`${date}T${clock(Number(hour), Number(minute), Number(second))}Z`);
    if (!Number.isNaN(time) && Number(hour) < 24) found.push({ ...span(m), ...since(time, now) });
  }
  for (const m of text.matchAll(SINCE_TIME)) {
    const [, midnight, hourText, minuteText, secondText, meridiem] = m;
    // "from 2 nodes" is not a time: a time of day needs minutes or am/pm.
    if (!midnight && minuteText === undefined && !meridiem) continue;
    let hour = midnight ? 0 : Number(hourText);
    if (meridiem) hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    const [minute, second] = [Number(minuteText ?? 0), Number(secondText ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) continue;
    if (!now) {
      found.push({ ...span(m), since: `T${clock(hour, minute, second)}Z` });
      continue;
    }
    const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute, second);
    found.push({ ...span(m), ...since(day > now.getTime() ? day - 86_400_000 : day, now) });
  }
  for (const m of now ? text.matchAll(DAY) : []) {
    const midnight = Date.UTC(now!.getUTCFullYear(), now!.getUTCMonth(), now!.getUTCDate());
    found.push({ ...span(m), ...since(m[1] === 'today' ? midnight : midnight - 86_400_000, now) });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end)[0];
}

/**
 * A clock time (hour, minute, second texts) in ISO 8601: on the day of `now` when known (the day
 * before if it is later than `now`), else the bare time of day.
 */
function timeOfDay(
  [hourText, minuteText, secondText]: (string | undefined)[],
  now?: Date,
): string | undefined {
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (!now) return `T${clock(hour, minute, second)}Z`;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute, second);
  return new Date(day > now.getTime() ? day - 86_400_000 : day).toISOString().replace('.000Z', 'Z');
}

/** A start, and the duration from it to `now` when that is known and positive. */
function since(time: number, now?: Date): { since: string; duration?: string } {
  const start = { since: new Date(time).toISOString().replace('.000Z', 'Z') };
  const seconds = now ? Math.floor((now.getTime() - time) / 1000) : 0;
  return seconds > 0 ? { ...start, duration: compound(seconds) } : start;
}

/** 8100 s → `2h15m`: the form of the tools' `last`. */
function compound(seconds: number): string {
  let rest = seconds;
  let text = '';
  for (const [name, size] of UNIT_SECONDS) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${name}`;
      rest %= size;
    }
  }
  return text;
}

function duration(amountText: string, unitText: string): string {
  const amount = WORD_NUMBERS[amountText.replace(/\s+/g, ' ')] ?? Number(amountText);
  const unit = unitText[0]!;
  if (Number.isInteger(amount) && unit !== 'w') return `${amount}${unit}`;
  const seconds = amount * (unit === 'w' ? 7 * 86_400 : UNIT_SECONDS.find(([u]) => u === unit)![1]);
  const [name, size] = UNIT_SECONDS.find(([, size]) => seconds % size === 0)!;
  return `${seconds / size}${name}`;
}

function clock(hour: number, minute: number, second: number): string {
  return [hour, minute, second].map((n) => String(n).padStart(2, '0')).join(':');
}
