import type { ClockRole, ClockSpec } from './topology-spec.js';

/**
 * Lines every lab ptp4l shares: software time stamps and L2 (a veth has no PHC), and short intervals so
 * states change within seconds: 8 Syncs and 4 Announces a second, a master lost after 3 missed Announces
 * (750 ms; 375 ms risks false time-outs on a loaded machine), one offset line per Sync
 * (summary_interval = logSyncInterval).
 */
const COMMON = {
  time_stamping: 'software',
  network_transport: 'L2',
  logSyncInterval: -3,
  logAnnounceInterval: -2,
  announceReceiptTimeout: 3,
  summary_interval: -3,
};

/**
 * Not segment 0, which gpsd feeds and chrony/ntpd read (`refclock SHM 0`); each ptp4l also runs in its own
 * IPC namespace (lab.ts), so no NTP daemon of this machine can see the lab's segment at all.
 */
const NTPSHM_SEGMENT = 117;

/**
 * Per role: the grandmaster runs free (`free_running 1`: it never adjusts its clock) with class 6 and
 * priority1 10; every other clock hands its offsets to the NTP SHM servo (`clock_servo ntpshm`), which
 * never adjusts a clock either, so nothing in the lab touches this machine's time. linuxptp 3.1.1's ntpshm
 * servo always reports s0, so a receiving port stays UNCALIBRATED (fixtures/lab/README.md).
 */
const ROLE: Record<ClockRole, Record<string, string | number>> = {
  'T-GM': { free_running: 1, priority1: 10, clockClass: 6 },
  'T-BC': { clock_servo: 'ntpshm', ntpshm_segment: NTPSHM_SEGMENT },
  'T-TSC': { clock_servo: 'ntpshm', ntpshm_segment: NTPSHM_SEGMENT, slaveOnly: 1 },
};

/** The ptp4l config of one clock; `index` numbers it among its node's ptp4l instances (ptp4l.N.config). */
export function renderPtp4lConfig(
  clock: ClockSpec,
  context: { domain: number; index: number; udsPath: string },
): string {
  const global = {
    ...COMMON,
    domainNumber: context.domain,
    ...ROLE[clock.role],
    ...clock.options,
    uds_address: context.udsPath,
    message_tag: `[ptp4l.${context.index}.config]`,
  };
  const lines = ['[global]', ...Object.entries(global).map(([key, value]) => `${key} ${value}`)];
  for (const iface of clock.ifaces) {
    lines.push(`[${iface}]`);
    for (const [key, value] of Object.entries(clock.portOptions[iface] ?? {})) lines.push(`${key} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
