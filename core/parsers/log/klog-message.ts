import type { LogRecord } from '../../model/log-record.js';
import { parseDpllDecision } from './daemon-message.js';
import { notice, type RecordBase } from './record-base.js';

// linuxptp-daemon's T-BC state machine (pkg/event/event_tbc.go).
const BC_FSM = /^BC FSM: ([A-Z]+) to ([A-Z]+)/;
const HOLDOVER_PROGRESS = /^\((\S+)\) time since holdover start [\d.]+, offset -?\d+ nanosecond/;

/** The klog messages of linuxptp-daemon that carry PTP state; the rest stay plain messages. */
export function parseKlogMessage(message: string, base: RecordBase): LogRecord | undefined {
  const fsm = BC_FSM.exec(message);
  if (fsm) return { kind: 'fsmTransition', machine: 'T-BC', from: fsm[1]!, to: fsm[2]!, ...base };
  if (message.startsWith('BC FSM: HOLDOVER sub-state')) return notice(base, 'holdoverOutOfSpec', message);
  const progress = HOLDOVER_PROGRESS.exec(message);
  if (progress) return notice(base, 'holdoverProgress', message, undefined, progress[1]);
  if (message.includes('decision: Status ') || message.startsWith('dpll event sent for (')) {
    return parseDpllDecision(message, base);
  }
  return undefined;
}
