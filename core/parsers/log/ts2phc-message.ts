import type { LogRecord } from '../../model/log-record.js';
import { notice, type RecordBase } from './record-base.js';

/** ts2phc.c and its NMEA source: text → code. The clock-prefixed ones keep the clock as iface. */
const TS2PHC_NOTICES: [RegExp, string][] = [
  [/^nmea delay: -?\d+ ns/, 'nmeaDelay'],
  [/^source ts not valid/, 'sourceTimestampInvalid'],
  [/^nmea source timed out/, 'nmeaTimeout'],
  [/^nmea: (?:no valid rmc fix|rmc time stamp stale)/, 'nmeaNoFix'],
  [/^UTC-TAI offset not set in system/, 'utcTaiOffsetUnset'],
  [/^adding tstamp /, 'timestampAdded'],
  [/^assuming external reference clock/, 'externalReference'],
  [/^reconfiguring after port state change/, 'reconfiguring'],
];
const CLOCK_NOTICES: [RegExp, string][] = [
  [/^(\S+) extts index \d+ at /, 'extts'],
  [/^(\S+) SKIP extts index/, 'exttsSkipped'],
  [/^(\S+) lost holdover lock/, 'holdoverLost'],
];

export function parseTs2phcMessage(message: string, base: RecordBase): LogRecord | undefined {
  if (message.startsWith('nmea sentence: ')) {
    const sentence = message.slice(15);
    // RMC status field: A = valid fix, V = void (NMEA 0183).
    const valid = /^\$?G[PNLAB]RMC,/.test(sentence) ? sentence.split(',')[2] === 'A' : undefined;
    const record: LogRecord = { kind: 'nmea', sentence, ...base };
    if (valid !== undefined) record.valid = valid;
    return record;
  }
  for (const [pattern, code] of TS2PHC_NOTICES) {
    if (pattern.test(message)) return notice(base, code, message);
  }
  for (const [pattern, code] of CLOCK_NOTICES) {
    const match = pattern.exec(message);
    if (match) return notice(base, code, message, undefined, match[1]);
  }
  return undefined;
}
