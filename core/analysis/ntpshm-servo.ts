import type { LinuxptpConfig } from '../model/linuxptp-config.js';
import type { SyncState } from '../model/log-record.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import { findOption } from '../parsers/linuxptp-config-lookup.js';

/** Port states in which a ptp4l follows a master (port.c: a time receiver, or calibrating to become one). */
export const TRACKING_PORT_STATES: ReadonlySet<string> = new Set(['SLAVE', 'UNCALIBRATED']);

/** A ptp4l config on `clock_servo ntpshm`: its servo never locks, so UNCALIBRATED is how it tracks. */
export function isNtpshmServo(config: LinuxptpConfig): boolean {
  return findOption(config, 'clock_servo')?.value === 'ntpshm';
}

/**
 * The sync state of a ptp4l on the ntpshm servo, or undefined for any other servo. That servo hands each
 * offset to chrony/ntpd through NTP shared memory and steers nothing, and always answers SERVO_UNLOCKED
 * (linuxptp ntpshm.c ntpshm_sample), so ptp4l prints s0 forever and its port never leaves UNCALIBRATED
 * (port.c moves to SLAVE on MASTER_CLOCK_SELECTED, when a servo locks): real ptp4l 3.1.1 in
 * fixtures/lab. Its s0 is not free-run: while a port follows a master the clock is fed (LOCKED for the
 * node's state), and it is FREERUN only when no port does. `free_running 1` is not this case: nothing
 * steers such a clock at all.
 */
export function ntpshmServoState(timeline: ProcessTimeline, node: NodeSnapshot): SyncState | undefined {
  if (timeline.name !== 'ptp4l' || timeline.lastOffset === null) return undefined;
  const config = node.configs.find((c) => c.program === 'ptp4l' && c.file === timeline.configTag);
  if (!config || !isNtpshmServo(config.config)) return undefined;
  const lastByPort = new Map<number | string, string>();
  for (const transition of timeline.portTransitions)
    lastByPort.set(transition.port ?? transition.iface ?? '', transition.to);
  return [...lastByPort.values()].some((state) => TRACKING_PORT_STATES.has(state)) ? 'LOCKED' : 'FREERUN';
}
