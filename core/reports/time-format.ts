import type { LogTime } from '../model/log-record.js';

/** How a time from the data is shown: ISO 8601 when its wall time is known, else only the monotonic seconds. */
export interface PresentedTime {
  time: string | null;
  mono?: number;
}

export function presentTime(time: LogTime | null | undefined): PresentedTime {
  const presented: PresentedTime = {
    time: time?.wall !== undefined ? new Date(time.wall).toISOString() : null,
  };
  if (time?.mono !== undefined) presented.mono = time.mono;
  return presented;
}

/** Replaces an entry's `time: LogTime` by its presented form, keeping every other field. */
export function withPresentedTime<T extends { time: LogTime }>(entry: T): Omit<T, 'time'> & PresentedTime {
  const { time, ...rest } = entry;
  return { ...presentTime(time), ...rest };
}

export function isoOrNull(time: LogTime | null | undefined): string | null {
  return time?.wall !== undefined ? new Date(time.wall).toISOString() : null;
}

function isLogTime(value: object): value is LogTime {
  const keys = Object.keys(value);
  return (
    keys.length <= 2 &&
    keys.every(
      (key) =>
        (key === 'wall' || key === 'mono') && typeof (value as Record<string, unknown>)[key] === 'number',
    )
  );
}

/**
 * Deep copy in which every LogTime (`{wall, mono}`) becomes its ISO string, or null without a wall
 * time; an empty `{}` time is null too. For reports whose times all come from dated cluster data.
 */
export function presentLogTimes<T>(value: T): PresentedTimes<T> {
  return convert(value) as PresentedTimes<T>;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== 'object' || value instanceof Map) return value;
  if (isLogTime(value)) return isoOrNull(value);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, convert(inner)]));
}

/** The type of a value after presentLogTimes: LogTime fields become `string | null`. */
export type PresentedTimes<T> = T extends LogTime
  ? string | null
  : T extends (infer U)[]
    ? PresentedTimes<U>[]
    : T extends object
      ? { [K in keyof T]: PresentedTimes<T[K]> }
      : T;
