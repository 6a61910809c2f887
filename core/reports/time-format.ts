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

/** The type of a value after `present` (presented-schema.ts): LogTime fields become `string | null`. */
export type PresentedTimes<T> = T extends LogTime
  ? // Exactly LogTime: a map of strings also extends {wall?, mono?}, but LogTime does not extend it.
    LogTime extends T
    ? string | null
    : { [K in keyof T]: PresentedTimes<T[K]> }
  : T extends (infer U)[]
    ? PresentedTimes<U>[]
    : T extends object
      ? { [K in keyof T]: PresentedTimes<T[K]> }
      : T;
