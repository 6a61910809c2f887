/** A time window found in a question: where it is, and its value (`30m`, `2h`, or an ISO start). */
export interface FoundWindow {
  start: number;
  end: number;
  value: string;
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

const UNIT_SECONDS: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * The first time window in `text` (lower case). Durations keep the unit asked (`last 90 minutes` → 90m),
 * fractions become a smaller unit (`last 1.5 hours` → 90m). A time of day is resolved against `now`
 * (the latest such time not after it, UTC) when given, else left as `T08:00:00Z` for the tool to place
 * on its data's last day. Relative days ("yesterday") are not understood.
 */
export function findTimeWindow(text: string, now?: Date): FoundWindow | undefined {
  const found: FoundWindow[] = [];
  for (const m of text.matchAll(RECENT)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: duration(m[1] ?? '1', m[2]!) });
  }
  for (const m of text.matchAll(AGO)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: duration(m[1]!, m[2]!) });
  }
  for (const m of text.matchAll(SINCE_DATE)) {
    const [, date, hour = '0', minute = '00', second = '00'] = m;
    const value = isoStart(date!, Number(hour), Number(minute), Number(second));
    if (value) found.push({ start: m.index, end: m.index + m[0].length, value });
  }
  for (const m of text.matchAll(SINCE_TIME)) {
    const [, midnight, hourText, minute, second, meridiem] = m;
    // "from 2 nodes" is not a time: a time of day needs minutes or am/pm.
    if (!midnight && minute === undefined && !meridiem) continue;
    let hour = midnight ? 0 : Number(hourText);
    if (meridiem) hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    const value = timeOfDay(hour, Number(minute ?? 0), Number(second ?? 0), now);
    if (value) found.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end)[0];
}

function duration(amountText: string, unitText: string): string {
  const amount = WORD_NUMBERS[amountText.replace(/\s+/g, ' ')] ?? Number(amountText);
  const unit = unitText[0]!;
  if (Number.isInteger(amount) && unit !== 'w') return `${amount}${unit}`;
  const seconds = amount * (unit === 'w' ? 7 * 86_400 : UNIT_SECONDS.find(([u]) => u === unit)![1]);
  const [name, size] = UNIT_SECONDS.find(([, size]) => seconds % size === 0)!;
  return `${seconds / size}${name}`;
}

function isoStart(date: string, hour: number, minute: number, second: number): string | undefined {
  const time = Date.parse(`${date}T${clock(hour, minute, second)}Z`);
  return Number.isNaN(time) || hour > 23 ? undefined : iso(time);
}

function timeOfDay(hour: number, minute: number, second: number, now?: Date): string | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (!now) return `T${clock(hour, minute, second)}Z`;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute, second);
  return iso(day > now.getTime() ? day - 86_400_000 : day);
}

function clock(hour: number, minute: number, second: number): string {
  return [hour, minute, second].map((n) => String(n).padStart(2, '0')).join(':');
}

function iso(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}
