/**
 * The questions issue 15 found misunderstood or answered without their value, and the sentence each
 * answer must open with on the demo (whose data ends at 08:04:59): the value, its source, the time.
 */
export const ISSUE_QUESTIONS: [question: string, tool: string, firstLine: string][] = [
  ['list the ptp configs', 'get_ptp_configs', 'PtpConfig t-gm: profile(s) tgm (get_ptp_configs)'],
  [
    'what state are the ports of bc-1 in',
    'get_port_status',
    'bc-1 ens2f0 is MASTER since 08:00:04 (ptp4l.0.config, 2 change(s); get_port_status, data to 08:04:59)',
  ],
  [
    'show me the clock class of bc-1',
    'diagnose',
    'bc-1 announces clock class 6 (PARENT_DATA_SET of ptp4l.0.config, 08:04:59)',
  ],
  [
    'is gnss ok on gm-1',
    'get_gnss_status',
    'gm-1 GNSS is LOCKED (gnss_status fix 3, since 08:00:05), DPLL LOCKED, ts2phc LOCKED (get_gnss_status, data to 08:04:59)',
  ],
  [
    'who is the grandmaster for worker-3',
    'get_grandmaster_status',
    'worker-3 follows grandmaster bc-2 (40a6b7.fffe.d89238), clock class 135, 1 step(s) away, since 08:03:05 (ptp4l.0.config, data to 08:04:59)',
  ],
];
