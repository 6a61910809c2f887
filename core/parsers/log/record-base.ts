import type { LogRecord, LogTime, ServoState, SyncState } from '../../model/log-record.js';

/**
 * The fields every record of one line shares; message parsers add the kind and its fields. Records are
 * written `{ kind, …fields, ...base }`: on Node 20 a spread *followed* by properties costs ~100× more.
 */
export interface RecordBase {
  line: number;
  process: string;
  configTag: string | null;
  time: LogTime;
}

export type MessageParser = (message: string, base: RecordBase) => LogRecord | undefined;

export function notice(
  base: RecordBase,
  code: string,
  text: string,
  port?: number,
  iface?: string,
): LogRecord {
  const record: LogRecord = { kind: 'notice', code, text, ...base };
  if (port !== undefined) record.port = port;
  if (iface !== undefined) record.iface = iface;
  return record;
}

export function servoStateOf(token: string): ServoState | undefined {
  return token === 's0' || token === 's1' || token === 's2' || token === 's3' ? token : undefined;
}

/** In linuxptp-daemon's own lines sN is its PTPState: s0 FREERUN, s1 HOLDOVER, s2 LOCKED (event.go). */
export function syncStateOf(token: string): SyncState {
  if (token === 's2') return 'LOCKED';
  if (token === 's1') return 'HOLDOVER';
  if (token === 's0') return 'FREERUN';
  return 'UNKNOWN';
}
