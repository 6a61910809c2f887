import type { MetricSample, PtpMetric } from '../model/metrics.js';

const PREFIX = 'openshift_ptp_';

const SYNC_STATE = ['FREERUN', 'LOCKED', 'HOLDOVER', 'UNKNOWN'];
const DPLL_STATUS: Record<number, string> = {
  [-1]: 'UNKNOWN',
  0: 'INVALID',
  1: 'FREERUN',
  2: 'LOCKED',
  3: 'LOCKED_HO_ACQ',
  4: 'HOLDOVER',
};
const AVAILABILITY = ['UNAVAILABLE', 'AVAILABLE'];

/** Enumerated metrics and their meanings (linuxptp-daemon metrics.go, cloud-event-proxy registry.go). */
const ENUMS: Record<string, Record<number, string>> = {
  clock_state: { ...SYNC_STATE },
  interface_role: { 0: 'PASSIVE', 1: 'SLAVE', 2: 'MASTER', 3: 'FAULTY', 4: 'UNKNOWN', 5: 'LISTENING' },
  process_status: { 0: 'DOWN', 1: 'UP' },
  nmea_status: { ...AVAILABILITY },
  pps_status: { ...AVAILABILITY },
  ha_profile_status: { 0: 'INACTIVE', 1: 'ACTIVE' },
  frequency_status: DPLL_STATUS,
  phase_status: DPLL_STATUS,
  gnss_status: {
    0: 'NOFIX',
    1: 'DEAD_RECKONING',
    2: '2D_FIX',
    3: '3D_FIX',
    4: 'GPS_DEAD_RECKONING',
    5: 'TIME_ONLY',
  },
  clock_class: {
    6: 'T-GM LOCKED',
    7: 'T-GM HOLDOVER IN SPEC',
    135: 'T-BC HOLDOVER IN SPEC',
    140: 'T-GM HOLDOVER OUT OF SPEC',
    150: 'T-GM HOLDOVER OUT OF SPEC',
    160: 'T-GM HOLDOVER OUT OF SPEC',
    165: 'T-BC HOLDOVER OUT OF SPEC',
    248: 'FREERUN',
    255: 'SLAVE ONLY',
  },
};

/** Values the daemon and the sidecar write as markers (ptp-formats.md §1.6). */
const SENTINELS: Record<number, string> = {
  999999: 'faulty port (daemon writes 999999 when the slave port is FAULTY)',
  99999999999: 'FREERUN (DPLL / T-BC faulty phase offset)',
  // cloud-event-proxy's FreeRunOffsetValue -9999999999999999, which a float64 holds (and prints) as -1e16.
  [-1e16]: 'process down (cloud-event-proxy)',
};
const OFFSET_METRICS = new Set(['offset_ns', 'max_offset_ns']);

/** The `openshift_ptp_*` samples of a scrape, each with its enumerated meaning and sentinel decoded. */
export function decodePtpMetrics(samples: readonly MetricSample[]): PtpMetric[] {
  return samples
    .filter((sample) => sample.name.startsWith(PREFIX))
    .map((sample) => {
      const metric = sample.name.slice(PREFIX.length);
      const decoded = ENUMS[metric]?.[sample.value] ?? null;
      return {
        metric,
        node: sample.labels.node ?? null,
        process: sample.labels.process ?? null,
        iface: sample.labels.iface ?? null,
        labels: sample.labels,
        value: sample.value,
        decoded,
        sentinel: OFFSET_METRICS.has(metric) ? (SENTINELS[sample.value] ?? null) : null,
      };
    });
}
