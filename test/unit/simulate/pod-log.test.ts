import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { podLog } from '../../../simulate/pod-log.js';

const stream = (text: string, pieces = 7) => ({
  name: 'test',
  // Split into small pieces so lines straddle chunks, as they do on the wire.
  open: () =>
    Readable.from(
      Array.from({ length: Math.ceil(text.length / pieces) }, (_, i) =>
        Buffer.from(text.slice(i * pieces, (i + 1) * pieces)),
      ),
    ),
});
const read = async (text: string, query: Parameters<typeof podLog>[1]) => {
  const chunks: Buffer[] = [];
  for await (const chunk of podLog(stream(text), query)) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
};

const PREFIXED = [
  '2026-11-20T08:00:00.100000000Z I1120 08:00:00.100000 1 daemon.go:1] start',
  '2026-11-20T08:00:30.000000000Z ptp4l[100.000]: [ptp4l.0.config:6] master offset 3 s2 freq +1 path delay 500',
  '2026-11-20T08:01:00.000000000Z ptp4l[130.000]: [ptp4l.0.config:6] master offset 4 s2 freq +1 path delay 500',
  '',
].join('\n');
const PLAIN = [
  'I1120 08:00:00.100000 1 daemon.go:1] start',
  'ptp4l[100.000]: [ptp4l.0.config:6] master offset 3 s2 freq +1 path delay 500',
  'ptp4l[130.000]: [ptp4l.0.config:6] master offset 4 s2 freq +1 path delay 500',
  '',
].join('\n');
const NOW = Date.parse('2026-11-20T08:01:00Z');

describe('pod logs as the simulated API server serves them', () => {
  it('keeps or strips the recorded RFC3339 prefixes (timestamps)', async () => {
    expect(await read(PREFIXED, { timestamps: true })).toBe(PREFIXED);
    expect(await read(PREFIXED, { timestamps: false })).toBe(PLAIN);
  });

  it('stamps a log recorded without prefixes with the times the runtime would have written', async () => {
    const stamped = (await read(PLAIN, { timestamps: true, now: NOW })).split('\n');
    expect(stamped[0]).toBe('2026-11-20T08:00:00.100Z I1120 08:00:00.100000 1 daemon.go:1] start');
    // The ptp4l lines come after the klog line: mono 100 s is placed at 08:00:00.100 at the earliest.
    expect(stamped[1]).toMatch(/^2026-11-20T08:00:00\.100Z ptp4l\[100\.000\]/);
    expect(stamped[2]).toMatch(/^2026-11-20T08:00:30\.100Z ptp4l\[130\.000\]/);
  });

  it('leaves out the lines before since, by the line’s own time', async () => {
    const since = Date.parse('2026-11-20T08:00:20Z');
    expect((await read(PREFIXED, { timestamps: true, since })).split('\n').filter(Boolean)).toHaveLength(2);
    expect((await read(PLAIN, { timestamps: false, since, now: NOW })).split('\n').filter(Boolean)).toEqual([
      PLAIN.split('\n')[2],
    ]);
  });

  it('serves the last tailLines and at most limitBytes', async () => {
    expect(await read(PREFIXED, { timestamps: false, tailLines: 1 })).toBe(`${PLAIN.split('\n')[2]}\n`);
    expect(await read(PREFIXED, { timestamps: true, limitBytes: 10 })).toBe('2026-11-20');
  });
});
