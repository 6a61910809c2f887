import { describe, expect, it } from 'vitest';
import { LogTimeline } from '../../../../core/parsers/log/log-timeline.js';

const SEPT_11_2025 = Date.UTC(2025, 8, 11);

describe('LogTimeline', () => {
  it('keeps full dates as they are and learns their year', () => {
    const timeline = new LogTimeline();
    const wall = Date.UTC(2023, 8, 12, 20, 45, 30, 577);
    timeline.learn({ wall, mono: 357138.013 });
    expect(timeline.resolve({ wall, mono: 357138.013 })).toEqual({ wall, mono: 357138.013 });
    expect(timeline.needsLookahead({ yearless: { month: 9, day: 12, msOfDay: 0 } })).toBe(false);
  });

  it('dates klog lines with the year of a daemon line’s Unix seconds', () => {
    const timeline = new LogTimeline();
    const klog = { yearless: { month: 9, day: 11, msOfDay: 3_600_000 } };
    expect(timeline.needsLookahead(klog)).toBe(true);
    timeline.learn(klog);
    timeline.learn({ unix: 1757601712 });
    expect(timeline.resolve(klog)).toEqual({ wall: SEPT_11_2025 + 3_600_000 });
  });

  it('leaves yearless dates undated (and counts them) when the data holds no year', () => {
    const timeline = new LogTimeline();
    expect(timeline.resolve({ yearless: { month: 1, day: 2, msOfDay: 0 } })).toEqual({});
    expect(timeline.yearlessUnresolved).toBe(1);
  });

  it('takes the year a user gives', () => {
    const timeline = new LogTimeline({ year: 2024 });
    expect(timeline.resolve({ yearless: { month: 2, day: 29, msOfDay: 1 } })).toEqual({
      wall: Date.UTC(2024, 1, 29) + 1,
    });
  });

  it('moves to the next year when dates run over New Year', () => {
    const timeline = new LogTimeline({ year: 2025 });
    expect(timeline.resolve({ yearless: { month: 12, day: 31, msOfDay: 86_399_000 } }).wall).toBe(
      Date.UTC(2025, 11, 31, 23, 59, 59),
    );
    expect(timeline.resolve({ yearless: { month: 1, day: 1, msOfDay: 1000 } }).wall).toBe(
      Date.UTC(2026, 0, 1, 0, 0, 1),
    );
  });

  it('dates monotonic seconds by the tightest "process line, then dated line" bound', () => {
    const timeline = new LogTimeline({ year: 2025 });
    const at = (ms: number) => ({ yearless: { month: 9, day: 11, msOfDay: ms } });
    timeline.learn({ mono: 1000.0 });
    timeline.learn(at(50_500)); // printed 500 ms after the event at most: offset ≤ 49 500 ms
    timeline.learn({ mono: 1001.0 });
    timeline.learn(at(50_020)); // 20 ms: offset ≤ 49 020 ms, tighter
    timeline.learn({ mono: 1002.0 });
    timeline.learn(at(51_100)); // looser again, ignored
    expect(timeline.resolve({ mono: 1001.0 })).toEqual({ wall: SEPT_11_2025 + 50_020, mono: 1001.0 });
  });

  it('counts integer Unix seconds as the end of their second', () => {
    const timeline = new LogTimeline();
    timeline.learn({ mono: 10.25 });
    timeline.learn({ unix: 1757601712 });
    expect(timeline.resolve({ mono: 10.25 }).wall).toBe(1757601712_999);
  });

  it('forgets the offset when the monotonic clock goes back (a reboot)', () => {
    const timeline = new LogTimeline({ year: 2025 });
    timeline.learn({ mono: 5000 });
    timeline.learn({ yearless: { month: 9, day: 11, msOfDay: 10_000 } });
    expect(timeline.needsLookahead({ mono: 5001 })).toBe(false);
    timeline.learn({ mono: 12.5 });
    expect(timeline.needsLookahead({ mono: 13 })).toBe(true);
    expect(timeline.resolve({ mono: 13 })).toEqual({ mono: 13 });
  });
});
