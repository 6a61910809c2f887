import type { LogRecord } from '../../model/log-record.js';
import { type RecordBase, servoStateOf } from './record-base.js';

/**
 * The per-update servo line of ptp4l, phc2sys and ts2phc, the bulk of every daemon log, parsed without
 * regular expressions because it decides the throughput of `logs analyze`:
 *   ptp4l:   `master offset -5 s2 freq -1234 path delay 567`
 *   phc2sys: `CLOCK_REALTIME phc offset -11 s2 freq +2728 delay 552` (delay optional)
 *   ts2phc:  `/dev/ptp10 offset 0 s2 freq +0` (4.x, optional ` holdover`), `ens6f0 master offset 0 s2 freq -0` (3.x)
 * Returns undefined for anything else (e.g. `master offset summary:` or daemon state lines).
 */
export function parseOffsetMessage(message: string, base: RecordBase): LogRecord | undefined {
  const at = message.indexOf(' offset ');
  let prefixEnd = at;
  let pos = at + 8;
  if (at < 0) {
    if (!message.startsWith('offset ')) return undefined;
    prefixEnd = 0;
    pos = 7;
  }
  const offset = scanInteger(message, pos);
  if (offset === undefined) return undefined;
  pos = scanEnd;
  if (message.charCodeAt(pos) !== 32) return undefined;
  pos = skipSpaces(message, pos);
  const servo = servoStateOf(message.slice(pos, pos + 2));
  if (servo === undefined || !message.startsWith(' freq ', pos + 2)) return undefined;
  const freq = scanInteger(message, pos + 8);
  if (freq === undefined) return undefined;
  pos = skipSpaces(message, scanEnd);

  let delay: number | undefined;
  let holdover: boolean | undefined;
  if (message.startsWith('path delay ', pos) || message.startsWith('delay ', pos)) {
    delay = scanInteger(message, message.indexOf('delay ', pos) + 6);
    if (delay === undefined) return undefined;
    pos = skipSpaces(message, scanEnd);
  } else if (message.startsWith('holdover', pos)) {
    holdover = true;
    pos = skipSpaces(message, pos + 8);
  }
  if (pos < message.length) return undefined;

  const { clock, source } = splitPrefix(message.slice(0, prefixEnd).trimEnd());
  // One fixed object shape for the hottest record keeps V8 on its fast paths.
  return {
    kind: 'offset',
    line: base.line,
    process: base.process,
    configTag: base.configTag,
    time: base.time,
    clock,
    source,
    offset,
    servo,
    freq,
    delay,
    holdover,
  };
}

/** `master` → source; `CLOCK_REALTIME phc` → clock + source; `/dev/ptp10` → clock (source master, as the daemon labels ts2phc). */
function splitPrefix(prefix: string): { clock?: string; source: string } {
  const space = prefix.lastIndexOf(' ');
  if (space > 0) return { clock: prefix.slice(0, space), source: prefix.slice(space + 1) };
  if (prefix === 'master' || prefix === 'phc' || prefix === 'sys' || prefix === 'pps' || prefix === '') {
    return { source: prefix || 'master' };
  }
  return { clock: prefix, source: 'master' };
}

/** End index of the last scanInteger; a module-level cursor avoids allocating a tuple per number. */
let scanEnd = 0;

/** Skips spaces, then reads an optionally signed decimal integer; undefined if no digit follows. */
function scanInteger(text: string, start: number): number | undefined {
  let pos = skipSpaces(text, start);
  let negative = false;
  const sign = text.charCodeAt(pos);
  if (sign === 45 || sign === 43) {
    negative = sign === 45;
    pos++;
  }
  const digitsStart = pos;
  let value = 0;
  for (let code = text.charCodeAt(pos); code >= 48 && code <= 57; code = text.charCodeAt(++pos)) {
    value = value * 10 + (code - 48);
  }
  if (pos === digitsStart) return undefined;
  scanEnd = pos;
  return negative && value !== 0 ? -value : value;
}

function skipSpaces(text: string, start: number): number {
  let pos = start;
  while (text.charCodeAt(pos) === 32) pos++;
  return pos;
}
