import type { LogRecord } from '../../model/log-record.js';
import type { RecordBase } from './record-base.js';

// ptp4l clock.c / phc2sys.c summary_interval statistics; the clock prefix is phc2sys' (or an old tag).
const RMS =
  /^(?:(\S+) +)?rms +(\d+) +max +(\d+) +freq +([+-]?\d+) +\+\/- +(\d+)(?: +delay +(\d+) +\+\/- +(\d+))?$/;
// linuxptp-daemon logReduce "enhanced" (pkg/logfilter/logfilter.go).
const OFFSET_SUMMARY =
  /^(?:\S+ )?(?:master|phc|sys) offset summary: cnt=(\d+), min=(-?\d+), max=(-?\d+), avg=(-?[\d.]+), SD=([\d.]+)$/;

export function parseSummaryMessage(message: string, base: RecordBase): LogRecord | undefined {
  const rms = RMS.exec(message);
  if (rms) {
    const record: LogRecord = {
      kind: 'rms',
      rms: Number(rms[2]),
      max: Number(rms[3]),
      freq: Number(rms[4]),
      freqStddev: Number(rms[5]),
      ...base,
    };
    if (rms[1] !== undefined) record.clock = rms[1];
    if (rms[6] !== undefined) {
      record.delay = Number(rms[6]);
      record.delayStddev = Number(rms[7]);
    }
    return record;
  }
  const summary = OFFSET_SUMMARY.exec(message);
  if (summary) {
    return {
      kind: 'offsetSummary',
      count: Number(summary[1]),
      min: Number(summary[2]),
      max: Number(summary[3]),
      mean: Number(summary[4]),
      stddev: Number(summary[5]),
      ...base,
    };
  }
  return undefined;
}
