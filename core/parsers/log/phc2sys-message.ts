import type { LogRecord } from '../../model/log-record.js';
import { notice, type RecordBase } from './record-base.js';

/** phc2sys.c automatic-mode and start-up messages: text → code. */
const PHC2SYS_NOTICES: [RegExp, string][] = [
  [/^Waiting for ptp4l/, 'waitingForPtp4l'],
  [/^port \S+ changed state/, 'portChanged'],
  [/^reconfiguring after port state change/, 'reconfiguring'],
  [/^selecting \S+ for synchronization/, 'sinkSelected'],
  [/^selecting \S+ as (?:the master|domain source clock|out-of-domain source clock)/, 'sourceSelected'],
  [/^failed to open/, 'openFailed'],
  [/^(?:uds|poll|recv|send)\b.*failed/, 'ipcFailed'],
];

// linuxptp-daemon's HA line: `ptp_ha_profile <profile> state <0|1>` (daemon.go:2161).
const HA_PROFILE = /^ptp_ha_profile (\S+) state (\d)/;

export function parsePhc2sysMessage(message: string, base: RecordBase): LogRecord | undefined {
  const ha = HA_PROFILE.exec(message);
  if (ha) return { kind: 'haProfile', profile: ha[1]!, active: ha[2] === '1', ...base };
  for (const [pattern, code] of PHC2SYS_NOTICES) {
    if (pattern.test(message)) return notice(base, code, message);
  }
  return undefined;
}
