import { describe, expect, it } from 'vitest';
import { findTimeWindow } from '../../../core/nlq/time-window.js';

const window = (text: string, now?: Date) => {
  const found = findTimeWindow(text, now);
  return found && { duration: found.duration, since: found.since };
};

describe('findTimeWindow', () => {
  it.each([
    ['over the last 30 minutes', '30m'],
    ['in the last 30m', '30m'],
    ['last 30min', '30m'],
    ['past 2h', '2h'],
    ['for the past 2 hrs', '2h'],
    ['in the last hour', '1h'],
    ['during the last minute', '1m'],
    ['the previous 90 seconds', '90s'],
    ['the last half hour', '30m'],
    ['past half an hour', '30m'],
    ['in the last 1.5 hours', '90m'],
    ['the last couple of hours', '2h'],
    ['the last two hours', '2h'],
    ['the last fifteen minutes', '15m'],
    ['over the past day', '1d'],
    ['from last week', '7d'],
    ['10 minutes ago', '10m'],
    ['since 2 hours ago', '2h'],
  ])('%s → %s', (text, duration) => {
    expect(window(text)).toEqual({ duration, since: undefined });
  });

  it.each([
    ['since 08:00', 'T08:00:00Z'],
    ['since 8am', 'T08:00:00Z'],
    ['since 8:30 pm', 'T20:30:00Z'],
    ['since 12am', 'T00:00:00Z'],
    ['since midnight', 'T00:00:00Z'],
    ['from 14:00 utc', 'T14:00:00Z'],
    ['after 06:15:30', 'T06:15:30Z'],
    ['since 2025-03-04', '2025-03-04T00:00:00Z'],
    ['since 2025-03-04 06:30', '2025-03-04T06:30:00Z'],
    ['since 2025-03-04t08:00:00z', '2025-03-04T08:00:00Z'],
  ])('%s → since %s: without the end of the data, a start only', (text, since) => {
    expect(window(text)).toEqual({ duration: undefined, since });
  });

  it('with the end of the data (now), a start is also a duration back from it', () => {
    const now = new Date('2025-03-04T10:15:00Z');
    expect(window('since 08:00', now)).toEqual({ since: '2025-03-04T08:00:00Z', duration: '2h15m' });
    // 08:00 has not come yet that day: the day before.
    expect(window('since 08:00', new Date('2025-03-04T07:00:00Z'))).toEqual({
      since: '2025-03-03T08:00:00Z',
      duration: '23h',
    });
    expect(window('since 2025-03-01 08:00', now)).toEqual({
      since: '2025-03-01T08:00:00Z',
      duration: '3d2h15m',
    });
    // Days of the data (UTC), to its end; without the end, no window.
    expect(window('what happened yesterday', now)).toEqual({
      since: '2025-03-03T00:00:00Z',
      duration: '1d10h15m',
    });
    expect(window('faults since yesterday', now)).toEqual({
      since: '2025-03-03T00:00:00Z',
      duration: '1d10h15m',
    });
    expect(window('any holdover today?', now)).toEqual({ since: '2025-03-04T00:00:00Z', duration: '10h15m' });
    expect(window('what happened yesterday')).toBeUndefined();
    // A start after the end of the data gives no duration to count back.
    expect(window('since 2025-03-05', now)).toEqual({ since: '2025-03-05T00:00:00Z', duration: undefined });
  });

  it('gives where the window is, for the matcher to mask it', () => {
    expect(findTimeWindow('offsets on bc-1 over the last 30 minutes please')).toEqual({
      start: 16,
      end: 40,
      duration: '30m',
    });
  });

  it.each([
    'yesterday',
    'last night',
    'in the last few minutes',
    'from 2 nodes',
    'since 25:00',
    'since 2025-13-40',
    'when did bc-1 last lose lock?',
  ])('%s: no window', (text) => {
    expect(findTimeWindow(text)).toBeUndefined();
  });
});
