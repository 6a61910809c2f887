import type { LogRecord } from '../../model/log-record.js';
import { parseDpllDecision } from './daemon-message.js';
import { notice, type RecordBase, syncStateOf } from './record-base.js';

// linuxptp-daemon's T-BC state machine (pkg/event/event_tbc.go).
const BC_FSM = /^BC FSM: ([A-Z]+) to ([A-Z]+)/;
const HOLDOVER_PROGRESS = /^\((\S+)\) time since holdover start [\d.]+, offset -?\d+ nanosecond/;
// linuxptp-daemon's T-GM state, once a second (pkg/event/event.go updateGMState, release-4.14 .. main:
// "dpll State %s, gnss State %s, tsphc state %s, gm state %s,"; 2023 builds wrote "ts2phc state"). The
// only GM state older logs carry: they print no T-GM-STATUS line.
// What the daemon tells a T-BC's controlled ptp4l to announce (pkg/daemon/pmc.go, seen in the corpus T-BC
// logs: `Sending pmc -u -b 0 -f /var/run/ptp4l.0.config SET EXTERNAL_GRANDMASTER_PROPERTIES_NP gmIdentity
// 507c6f.fffe.1fb16c  stepsRemoved        1 `). A line without a config file or identity says nothing.
const EGP_SET =
  /^Sending pmc .* -f \/var\/run\/(ptp4l\.\d+\.config) SET EXTERNAL_GRANDMASTER_PROPERTIES_NP gmIdentity ([0-9a-f]{6}\.[0-9a-f]{4}\.[0-9a-f]{6})\s+stepsRemoved\s+(\d+)/;
const GM_STATE = /^dpll State (s\d), gnss State (s\d), ts2?phc state (s\d), gm state (s\d),/;

/** The klog messages of linuxptp-daemon that carry PTP state; the rest stay plain messages. */
export function parseKlogMessage(message: string, base: RecordBase): LogRecord | undefined {
  const fsm = BC_FSM.exec(message);
  if (fsm) return { kind: 'fsmTransition', machine: 'T-BC', from: fsm[1]!, to: fsm[2]!, ...base };
  if (message.startsWith('BC FSM: HOLDOVER sub-state')) return notice(base, 'holdoverOutOfSpec', message);
  const gm = GM_STATE.exec(message);
  if (gm) {
    const values = {
      dpll: Number(gm[1]!.slice(1)),
      gnss: Number(gm[2]!.slice(1)),
      ts2phc: Number(gm[3]!.slice(1)),
    };
    return { kind: 'syncState', state: syncStateOf(gm[4]!), values, ...base, process: 'GM' };
  }
  const egp = message.startsWith('Sending pmc') ? EGP_SET.exec(message) : null;
  if (egp) {
    const [, configTag, gmIdentity, steps] = egp;
    return {
      kind: 'externalGrandmaster',
      gmIdentity: gmIdentity!,
      stepsRemoved: Number(steps),
      ...base,
      process: 'ptp4l',
      configTag: configTag!,
    };
  }
  const progress = HOLDOVER_PROGRESS.exec(message);
  if (progress) return notice(base, 'holdoverProgress', message, undefined, progress[1]);
  if (message.includes('decision: Status ') || message.startsWith('dpll event sent for (')) {
    return parseDpllDecision(message, base);
  }
  return undefined;
}
