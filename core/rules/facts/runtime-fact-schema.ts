import { z } from 'zod';
import { ServoState, SyncState } from '../../model/log-record.js';
import { NodeRole, ProcessStatus } from '../../model/node-status.js';
import { OffsetSummary } from '../../model/process-timeline.js';

/**
 * What a runtime pack's rules read (runtime-evaluations.ts builds them, typed by these): fact `node`,
 * `process` and `cluster`. Times are seconds before the end of the data; counts are over the window.
 */

const seconds = z.number().nullable();
/** Counts by fault kind (a linuxptp notice code, portFaulty, clockJump, processDown …): a kind absent is 0. */
const FaultCounts = z.record(z.string(), z.number());

const HoldoverFacts = z.object({
  active: z.boolean().describe('the last holdover episode is still going on'),
  durationSec: seconds.describe('length of the last holdover episode'),
  count: z.number().describe('holdover episodes in the data'),
  lastOutcome: z.string().nullable().describe('how the last episode ended (ongoing, locked, freerun …)'),
  timeoutSec: z.number().describe('LocalHoldoverTimeout (s)'),
  maxInSpecOffsetNs: z.number().describe('MaxInSpecOffset (ns)'),
  maxHoldoverOffsetNs: z.number().describe('LocalMaxHoldoverOffSet (ns)'),
  inSpecTimerSec: z.number().describe('MaxInSpecOffset / slope, as dpll.go CalculateTimer'),
  budgetSec: z
    .number()
    .describe('min(inSpecTimer, LocalHoldoverTimeout): the --ts2phc.holdover the daemon passes'),
  declared: z.boolean().describe('a profile of the node sets one of the holdover settings itself'),
  budgetUsedPct: z.number().nullable().describe('how much of the budget the last holdover used, %'),
});

const ComponentState = {
  state: SyncState.nullable().describe('the worst state of its lines'),
  text: z.string().describe('its status values in words'),
};

export const NodeFacts = z.object({
  name: z.string().describe('the node name'),
  role: NodeRole.describe('T-GM, T-BC, T-TSC or unknown, from its profiles'),
  hasData: z.boolean().describe('some line of its daemon log was read'),
  hasProfiles: z.boolean().describe('a PtpConfig profile applies to it'),
  daemonRunning: z.boolean().describe('its linuxptp-daemon pod runs and is ready'),
  noData: z
    .string()
    .describe('what the source lacks of a node without data, in words (daemon pod, or pmc and log)'),
  unread: z.object({
    count: z.number().describe('what of the node could not be read'),
    text: z.string().describe('the reasons, joined'),
    effect: z.string().describe('what that means for its judgment'),
  }),
  profilesMissing: z.array(z.string()).describe('profiles its recommendation names that no PtpConfig has'),
  syncState: SyncState.describe('the PTP lock-state (UNKNOWN without data)'),
  syncSource: z.string().nullable().describe('what the node synchronizes to'),
  upstreamLost: z.boolean().describe('a T-BC/T-TSC without a time-receiver port now'),
  unheard: z
    .object({
      configs: z.string().describe('its ptp4l that should follow a master and follow none (pmc)'),
      domains: z.string().describe('the domainNumber(s) they listen on'),
      transports: z.string().describe('the network_transport(s) of their ports'),
      servedBy: z.string().describe('the other nodes with a port serving time (MASTER)'),
      servedDomains: z.string().describe('the domainNumber(s) those ports serve'),
      servedTransports: z.string().describe('the network_transport(s) of those ports'),
      domainUnserved: z.boolean().describe('others serve, none on the domainNumber it listens on'),
      transportUnserved: z.boolean().describe('others serve, none over the transport it listens on'),
    })
    .describe('why its clocks hear no master, as far as the other nodes of the snapshot tell'),
  clockClass: z.object({
    current: z.number().nullable().describe('the clock class announced last'),
    source: z.enum(['logs', 'metrics', 'pmc', 'none']),
    sinceSec: seconds.describe('since the last clock class change'),
    transitions: z
      .array(z.object({ from: z.number(), to: z.number() }))
      .describe('clock class changes, in order'),
    transitionsText: z.string().describe('the transitions as "6→7, 7→248"'),
  }),
  holdover: HoldoverFacts,
  syncLoss: z.object({
    count: z.number().describe('sync-loss episodes'),
    ongoing: z.boolean().describe('one is still going on'),
    ongoingSec: z.number().describe('length of the longest ongoing one'),
    since: z.string().describe('since when the clock has had no upstream, in words'),
  }),
  faults: z
    .object({ total: z.number().describe('every fault, the omitted ones included') })
    .catchall(z.number())
    .describe('counts by fault kind (portFaulty, clockJump, txTimestampTimeout, a notice code …)'),
  txTimestampFaults: z.object({
    count: z.number().describe('tx timestamp time-outs and failures'),
    example: z.string().nullable().describe('the text of one that occurred'),
  }),
  clockClassThreshold: z.object({
    value: z
      .number()
      .nullable()
      .describe("the lowest clock_class_threshold of the node's time-receiver profiles"),
    profiles: z.string().describe('the profiles that set it'),
    text: z.string(),
  }),
  recentFaults: FaultCounts.describe('fault counts of the last minute of the data, by kind'),
  ports: z.object({
    count: z.number(),
    slave: z.number(),
    faulty: z.number(),
    master: z.number(),
    masterNames: z.string(),
    faultyNames: z.string(),
    maxTransitions: z.number().describe('the most state transitions of one port'),
    lastFault: z.string().describe('the last FAULTY transition, with the lines ptp4l printed before it'),
    switchPhcWithoutPhc: z
      .number()
      .describe(
        'port faults FT_SWITCH_PHC after failing to open /dev/ptp-1: boundary_clock_jbod 1 without a PHC',
      ),
  }),
  interfaces: z.object({
    configured: z.number().describe('PTP interfaces the configs name'),
    ethtoolRead: z.boolean().describe('ethtool answered for the node'),
    absent: z.array(z.string()).describe('interfaces ethtool does not know'),
    softwareOnly: z.array(z.string()).describe('interfaces without hardware time stamping'),
  }),
  nic: z
    .object({
      profiles: z.string().describe('the NIC profiles of its PTP interfaces, by id (plugins/nic/vendors)'),
      config: z.string().nullable().describe('the ptp4l config furthest below what its NICs need'),
      txTimestampTimeoutMs: z
        .number()
        .nullable()
        .describe("that config's tx_timestamp_timeout (ms; linuxptp's 10 when unset)"),
      txTimestampTimeoutNeedMs: z
        .number()
        .nullable()
        .describe('the largest tx_timestamp_timeout its NICs’ profiles name (ms)'),
      drivers: z.string().describe('the drivers whose profiles name that need'),
    })
    .describe("its NICs' profiles against its ptp4l configs"),
  grandmaster: z
    .object({ identity: z.string(), local: z.boolean(), changes: z.number() })
    .nullable()
    .describe('the grandmaster it follows'),
  offset: z
    .object({
      maxAbs: z.number().nullable().describe('max |offset| (ns) in the last minute'),
      p99Abs: z.number().nullable().describe('99th percentile of |offset| (ns) in the last minute'),
      from: z.enum(['offsets', 'summaries']),
      process: z.string().describe('the process whose offsets decide the PTP lock-state'),
    })
    .nullable()
    .describe('offsets that decide the PTP lock-state; null when that process is silent'),
  osClockOffset: z
    .object({
      maxAbs: z.number().nullable(),
      p99Abs: z.number().nullable(),
      configTag: z.string().nullable(),
    })
    .nullable()
    .describe("phc2sys's offsets (the os-clock-sync-state)"),
  threshold: z.object({
    maxOffsetThreshold: z.number(),
    minOffsetThreshold: z.number(),
    maxAbs: z.number().describe('the bound an |offset| is compared with'),
    declared: z.boolean().describe('a profile declares ptpClockThreshold'),
    effect: z.string().describe('what an |offset| beyond it means on this node, for messages'),
    osClockEffect: z.string().describe("what phc2sys's |offset| beyond it means on this node, for messages"),
  }),
  gnss: z.object({ ...ComponentState, fix: z.number().nullable().describe('gnss_status') }).nullable(),
  dpll: z
    .object({ ...ComponentState, frequencyStatus: z.number().nullable(), phaseStatus: z.number().nullable() })
    .nullable(),
  processesDown: z.array(z.string()).describe('processes reported down, with their config tag'),
  daemonRestarts: z.number().describe("the most restarts of a container of the daemon's pod"),
});
export type NodeFacts = z.infer<typeof NodeFacts>;

export const ProcessFacts = z.object({
  name: z.string().describe('ptp4l, phc2sys, ts2phc, gnss, dpll …'),
  configTag: z.string().nullable(),
  state: SyncState,
  servo: ServoState.nullable(),
  up: z.boolean().nullable().describe('from PTP_PROCESS_STATUS lines; null when the log never says'),
  downDetail: z.string().nullable(),
  restarts: z.number(),
  faults: z.number(),
  samples: z.number().describe('offset samples'),
  stateSinceSec: seconds.describe('since the current state began'),
  offset: OffsetSummary.describe('offsets over the window'),
  recent: ProcessStatus.shape.recent.describe('|offset| over the last minute of the data'),
  notices: z
    .record(z.string(), z.number())
    .describe('notice counts by code (waitingForPtp4l, nmeaTimeout …)'),
});
export type ProcessFacts = z.infer<typeof ProcessFacts>;

export const ClusterFacts = z.object({
  name: z.string(),
  nodes: z.number(),
  nodesWithData: z.number(),
  grandmasters: z.number(),
  lockedGrandmasters: z.number(),
  grandmastersUnread: z.number().describe('T-GMs of which nothing of their state was read'),
  roots: z.number().describe('roots of the clock hierarchy'),
  grandmasterIdentities: z.number().describe('distinct grandmaster identities'),
});
export type ClusterFacts = z.infer<typeof ClusterFacts>;
