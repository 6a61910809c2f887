import type { LogRecord } from '../../model/log-record.js';
import { notice, type RecordBase } from './record-base.js';

// port.c log_name is "port %d (%s)"; linuxptp < 3 printed "port %d" alone.
const PORT_PREFIX = /^port (\d+)(?: \(([^)]*)\))?: (.*)$/;
// port.c:1392 "%s: %s to %s on %s" (+ " (%s)" fault type); older lines and test fixtures omit "on EVENT".
const PORT_TRANSITION = /^([A-Z_]+) to ([A-Z_]+)(?: on ([A-Z_]+))?(?: \(([A-Z_]+)\))?$/;

/** Notices that concern one port: the message text (after `port N (iface): `) → code. */
const PORT_NOTICES: [RegExp, string][] = [
  [/^send .+ failed/, 'sendFailed'],
  [/^just a bunch of devices/, 'jbod'],
  [/^delay timeout/, 'delayTimeout'],
  [/^(?:master sync|announce) timeout/, 'receiptTimeout'],
  [/^link down/, 'linkDown'],
  [/^link up/, 'linkUp'],
  [/^received \w+ without timestamp/, 'rxWithoutTimestamp'],
  [/^PHC device mismatch/, 'phcDeviceMismatch'],
  [/^Master clock quality received is greater than configured, ignoring master!/, 'clockClassRejected'],
  [/^(?:fault|clockcheck)/, 'fault'],
];

/** Clock-wide ptp4l messages (clock.c, sk.c, clockcheck.c): text → code. */
const CLOCK_NOTICES: [RegExp, string][] = [
  [/^timed out while polling for tx timestamp/, 'txTimestampTimeout'],
  [/^recvmsg tx timestamp failed/, 'txTimestampFailed'],
  [/^increasing tx_timestamp_timeout/, 'txTimestampTimeoutHint'],
  [/^selected \/dev\/ptp\d+ as PTP clock/, 'phcSelected'],
  [/^foreign master not using PTP timescale/, 'foreignTimescale'],
  [/^updating UTC offset to/, 'utcOffsetUpdated'],
  [/^interface reported zero link speed/, 'zeroLinkSpeed'],
  [/^failed to create a clock/, 'clockCreateFailed'],
  [/^Lost connection to peer/, 'peerLost'],
];

export function parsePtp4lMessage(message: string, base: RecordBase): LogRecord | undefined {
  if (message.startsWith('port ')) return parsePortMessage(message, base);
  if (message.startsWith('selected best master clock ')) {
    return { kind: 'bestMaster', clockIdentity: firstWord(message, 27), local: false, ...base };
  }
  if (message.startsWith('selected local clock ')) {
    return { kind: 'bestMaster', clockIdentity: firstWord(message, 21), local: true, ...base };
  }
  if (message.startsWith('clockcheck: ')) {
    if (message.includes('frequency changed')) return { kind: 'clockJump', direction: 'frequency', ...base };
    if (message.includes('jumped forward')) return { kind: 'clockJump', direction: 'forward', ...base };
    if (message.includes('jumped backward')) return { kind: 'clockJump', direction: 'backward', ...base };
  }
  for (const [pattern, code] of CLOCK_NOTICES) {
    if (pattern.test(message)) return notice(base, code, message);
  }
  return undefined;
}

function parsePortMessage(message: string, base: RecordBase): LogRecord | undefined {
  const prefix = PORT_PREFIX.exec(message);
  if (!prefix) return undefined;
  const port = Number(prefix[1]);
  const iface = prefix[2];
  const rest = prefix[3]!.trimEnd();
  const transition = PORT_TRANSITION.exec(rest);
  if (transition) {
    const record: LogRecord = { kind: 'portState', port, from: transition[1]!, to: transition[2]!, ...base };
    if (iface !== undefined) record.iface = iface;
    if (transition[3] !== undefined) record.event = transition[3];
    if (transition[4] !== undefined) record.fault = transition[4];
    return record;
  }
  if (rest === 'assuming the grand master role') {
    const record: LogRecord = { kind: 'grandMasterRole', port, ...base };
    if (iface !== undefined) record.iface = iface;
    return record;
  }
  if (rest.startsWith('new foreign master ')) {
    const record: LogRecord = { kind: 'foreignMaster', port, portIdentity: firstWord(rest, 19), ...base };
    if (iface !== undefined) record.iface = iface;
    return record;
  }
  for (const [pattern, code] of PORT_NOTICES) {
    if (pattern.test(rest)) return notice(base, code, rest, port, iface);
  }
  return undefined;
}

function firstWord(text: string, start: number): string {
  const end = text.indexOf(' ', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}
