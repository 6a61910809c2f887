import { describe, expect, it } from 'vitest';
import { lineTime, mergedLogStream } from '../../../../core/sources/merged-log.js';
import type { TextStream } from '../../../../core/sources/raw-cluster.js';

const stream = (name: string, text: string, chunk = 7): TextStream => ({
  name,
  async *open() {
    // Small chunks: lines cross chunk boundaries.
    for (let i = 0; i < text.length; i += chunk) yield Buffer.from(text.slice(i, i + chunk));
  },
});

async function read(merged: TextStream): Promise<string> {
  let text = '';
  for await (const chunk of merged.open()) text += Buffer.from(chunk).toString('utf8');
  return text;
}

describe('merged host logs', () => {
  it('interleaves ptp4l -m and phc2sys -m lines by their monotonic seconds (linuxptp print.c)', async () => {
    const ptp4l = 'ptp4l[10.000]: a\nptp4l[12.000]: c\n';
    const phc2sys = 'phc2sys[11.000]: b\nphc2sys[13.000]: d';
    const text = await read(mergedLogStream('host', [stream('p', ptp4l), stream('q', phc2sys)]));
    expect(text).toBe('ptp4l[10.000]: a\nphc2sys[11.000]: b\nptp4l[12.000]: c\nphc2sys[13.000]: d\n');
  });

  it('places monotonic lines among dated journal lines with the anchor; untimed lines keep their place', async () => {
    const anchor = { mono: 100, wallMs: Date.parse('2026-01-01T00:01:40Z') };
    const journal = '2026-01-01T00:00:05+0000 h ptp4l[1]: x\n2026-01-01T00:00:20+0000 h ptp4l[1]: z\n';
    const file = 'ptp4l[10.000]: y\n  continued\n';
    const text = await read(mergedLogStream('host', [stream('j', journal), stream('f', file)], anchor));
    expect(text.split('\n').filter(Boolean)).toEqual([
      '2026-01-01T00:00:05+0000 h ptp4l[1]: x',
      'ptp4l[10.000]: y',
      '  continued',
      '2026-01-01T00:00:20+0000 h ptp4l[1]: z',
    ]);
  });

  it('keeps the order given when times cannot be compared (monotonic against dated, no anchor)', async () => {
    const text = await read(
      mergedLogStream('host', [
        stream('f', 'ptp4l[10.000]: y\n'),
        stream('j', '2026-01-01T00:00:05Z h: x\n'),
      ]),
    );
    expect(text).toBe('ptp4l[10.000]: y\n2026-01-01T00:00:05Z h: x\n');
  });

  it('reads the times of short-iso, RFC 3339 and syslog-style monotonic stamps', () => {
    expect(lineTime('2026-01-01T00:00:05+0000 host ptp4l[9]: [5.5] x')).toEqual({
      wall: Date.parse('2026-01-01T00:00:05Z'),
    });
    expect(lineTime('2026-01-01T01:00:05.250+01:00 x')).toEqual({
      wall: Date.parse('2026-01-01T00:00:05.250Z'),
    });
    expect(lineTime('Jan  1 00:00:05 host ptp4l: [1306902.532] port 1: x')).toEqual({ mono: 1306902.532 });
    expect(lineTime('ptp4l[2.5]: x', { mono: 1, wallMs: 1000 })).toEqual({ mono: 2.5, wall: 2500 });
    expect(lineTime('no time here')).toBeUndefined();
  });

  it('is the one log itself when there is only one', () => {
    const only = stream('only', 'x\n');
    expect(mergedLogStream('host', [only])).toBe(only);
  });
});
