import type { LogRecord } from '../../model/log-record.js';
import { type RecordBase, syncStateOf } from './record-base.js';

// Both DPLL decision formats of linuxptp-daemon (dpll.go): older `[iface-]dpll decision: Status 3, Offset 0,
// In spec true, Source [GNSS ]lost false, On holdover false` and newer `dpll event sent for (ens4f0): state s2,
// Offset 0, In spec true, Source ptp4l lost false, On holdover false`.
const DPLL_DECISION =
  /(?:^|[\s-])(?:dpll )?decision: Status (-?\d+), Offset (-?\d+), In spec (true|false), Source (?:\S+ )?lost (true|false), On holdover (true|false)/;
const DPLL_EVENT =
  /^dpll event sent for \(([^)]+)\): state (s-?\d), Offset (-?\d+), In spec (true|false), Source (?:\S+ )?lost (true|false), On holdover (true|false)/;
const DPLL_DECISION_IFACE = /^(\S+)-dpll decision:/;
const STATUS_MARKERS = new Set(['T-GM-STATUS', 'T-BC-STATUS']);

/**
 * Lines linuxptp-daemon synthesizes for its own state (event.go formatPTPLogData and friends):
 * `CLOCK_CLASS_CHANGE 135`, `PTP_PROCESS_STATUS:1`, and `<iface> k v … sN` state lines of dpll, gnss,
 * ts2phc, GM (T-GM-STATUS), T-BC (T-BC-STATUS) and synce4l.
 */
export function parseDaemonMessage(message: string, base: RecordBase): LogRecord | undefined {
  if (message.startsWith('CLOCK_CLASS_CHANGE ')) {
    const clockClass = Number(message.slice(19).trim());
    return Number.isNaN(clockClass) ? undefined : { kind: 'clockClass', clockClass, ...base };
  }
  if (message.startsWith('PTP_PROCESS_STATUS:')) {
    const status = message.slice(19).trim();
    return status === '0' || status === '1'
      ? { kind: 'processStatus', up: status === '1', ...base }
      : undefined;
  }
  return parseDpllDecision(message, base) ?? parseStateLine(message, base);
}

export function parseDpllDecision(message: string, base: RecordBase): LogRecord | undefined {
  const event = DPLL_EVENT.exec(message);
  if (event) {
    return {
      kind: 'dpllDecision',
      iface: event[1]!,
      state: syncStateOf(event[2]!),
      offset: Number(event[3]),
      inSpec: event[4] === 'true',
      sourceLost: event[5] === 'true',
      onHoldover: event[6] === 'true',
      ...base,
    };
  }
  const decision = DPLL_DECISION.exec(message);
  if (!decision) return undefined;
  const record: LogRecord = {
    kind: 'dpllDecision',
    status: Number(decision[1]),
    offset: Number(decision[2]),
    inSpec: decision[3] === 'true',
    sourceLost: decision[4] === 'true',
    onHoldover: decision[5] === 'true',
    ...base,
  };
  const iface = DPLL_DECISION_IFACE.exec(message)?.[1];
  if (iface !== undefined) record.iface = iface;
  return record;
}

/** `<iface> (key value)* [T-GM-STATUS|T-BC-STATUS] sN`: numbers go to values, words to attributes. */
function parseStateLine(message: string, base: RecordBase): LogRecord | undefined {
  if (!endsWithStateToken(message)) return undefined;
  const tokens = message.split(/\s+/);
  const stateToken = tokens[tokens.length - 1]!;
  if (tokens.length < 3 || !/^s-?\d$/.test(stateToken)) return undefined;
  const values: Record<string, number> = {};
  const attributes: Record<string, string> = {};
  let marker = false;
  let i = 1;
  while (i < tokens.length - 1) {
    const key = tokens[i]!;
    if (STATUS_MARKERS.has(key)) {
      marker = true;
      i++;
      continue;
    }
    const value = tokens[i + 1];
    if (value === undefined || i + 1 >= tokens.length - 1) return undefined;
    const number = Number(value);
    if (value !== '' && !Number.isNaN(number) && !/^0x/i.test(value)) values[key] = number;
    else attributes[key] = value;
    i += 2;
  }
  if (!marker && Object.keys(values).length + Object.keys(attributes).length === 0) return undefined;
  const record: LogRecord = {
    kind: 'syncState',
    iface: tokens[0]!,
    state: syncStateOf(stateToken),
    values,
    ...base,
  };
  if (values.offset !== undefined) record.offset = values.offset;
  if (Object.keys(attributes).length > 0) record.attributes = attributes;
  return record;
}

/** Cheap test for the `… s2` ending of state lines, to spare the tokenizer on every other line. */
function endsWithStateToken(message: string): boolean {
  const n = message.length;
  const last = message.charCodeAt(n - 1);
  if (last < 48 || last > 57) return false;
  const before = message.charCodeAt(n - 2);
  return before === 115 /* s */ || (before === 45 /* - */ && message.charCodeAt(n - 3) === 115);
}
