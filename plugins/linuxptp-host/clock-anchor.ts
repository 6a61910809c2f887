import type { ClockAnchor } from '../../core/model/host-record.js';

/**
 * The host's CLOCK_MONOTONIC and CLOCK_REALTIME, read back to back (microseconds apart): the pair that
 * dates the monotonic seconds of `ptp4l -m` lines (linuxptp print.c). process.hrtime is libuv's
 * uv_hrtime, CLOCK_MONOTONIC on Linux; Date.now is CLOCK_REALTIME. This is data about the host, recorded
 * with it, not a "now" stamped on the data: a replay years later dates the lines the same way.
 */
export function readClockAnchor(): ClockAnchor {
  const mono = process.hrtime.bigint();
  const wall = Date.now();
  return { monotonic: Number(mono / 1000n) / 1e6, realtime: new Date(wall).toISOString() };
}
