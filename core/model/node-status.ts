import { z } from 'zod';
import { PtpInstance } from './clock-hierarchy.js';
import { HoldoverEpisode, SyncLossEpisode } from './episode.js';
import { LogTime, ServoState, SyncState } from './log-record.js';
import { ClockClassChange, FaultEvent, FreqSummary, OffsetSummary, RmsSummary } from './process-timeline.js';
import { DaemonPod } from './snapshot.js';

export const NodeRole = z.enum(['T-GM', 'T-BC', 'T-TSC', 'unknown']);

export const ProfileStatus = z.object({
  name: z.string(),
  ptpConfig: z.string(),
  type: z.enum(['GM', 'BC', 'OC']),
  ports: z.array(z.string()),
  hasSlave: z.boolean(),
  usesTs2phc: z.boolean(),
});

export const IfaceState = z.object({
  iface: z.string(),
  state: SyncState,
  offset: z.number().optional(),
  values: z.record(z.string(), z.number()),
  since: LogTime,
});

/** The state of one process instance at the end of the data, and its offsets over the window. */
export const ProcessStatus = z.object({
  name: z.string(),
  configTag: z.string().nullable(),
  /** LOCKED when the servo is s2/s3 or the daemon reports LOCKED; HOLDOVER/FREERUN likewise. */
  state: SyncState,
  servo: ServoState.nullable(),
  lastSeen: LogTime.nullable(),
  /** When the current state began (the last servo or state change). */
  stateSince: LogTime.nullable(),
  /** Notice counts by code (waitingForPtp4l, nmeaTimeout …). */
  notices: z.record(z.string(), z.number()),
  /** From PTP_PROCESS_STATUS lines: null when the log never says. */
  up: z.boolean().nullable(),
  /** When down: how the log reports it, with what the process printed right before (its cause). */
  downDetail: z.string().nullable(),
  restarts: z.number().int(),
  offset: OffsetSummary,
  /** The window statistics are computed from thinned samples (a very long log). */
  offsetEstimated: z.boolean(),
  /** The servo's frequency adjustment over the whole log (ppb). */
  freq: FreqSummary,
  lastOffset: z.object({ time: LogTime, offset: z.number(), servo: ServoState }).nullable(),
  rms: RmsSummary.nullable(),
  /**
   * |offset| over the last minute of the node's data: the current quality. From per-update offsets, or
   * from the max of each rms summary line when the process prints summaries.
   */
  recent: z
    .object({
      windowMs: z.number(),
      from: z.enum(['offsets', 'summaries']),
      count: z.number().int(),
      maxAbs: z.number().nullable(),
      p99Abs: z.number().nullable(),
    })
    .nullable(),
  ifaceStates: z.array(IfaceState),
  faults: z.number().int(),
});
export type ProcessStatus = z.infer<typeof ProcessStatus>;

export const PortStatus = z.object({
  configTag: z.string().nullable(),
  port: z.number().int().optional(),
  iface: z.string().optional(),
  state: z.string(),
  since: LogTime,
  transitions: z.number().int(),
});
export type PortStatus = z.infer<typeof PortStatus>;

export const GrandmasterView = z.object({
  identity: z.string(),
  /** The node's own clock is the grandmaster. */
  local: z.boolean(),
  since: LogTime,
  configTag: z.string().nullable(),
  changes: z.number().int(),
});

/** Facts about one node derived from its snapshot: what a diagnosis (and the rule packs) reason about. */
export const NodeStatus = z.object({
  node: z.string(),
  role: NodeRole,
  profiles: z.array(ProfileStatus),
  recommendation: z.object({ priority: z.number().nullable(), missing: z.array(z.string()) }),
  daemonPod: DaemonPod.nullable(),
  /** A plain linuxptp host (`--source host`): its data are its pmc answers and logs, not a daemon pod's. */
  plainHost: z.boolean(),
  /**
   * A line of the node's daemon log was read (the source of its faults, ports, offsets and episodes).
   * Without one its health is at least UNKNOWN, whatever its metrics say.
   */
  hasData: z.boolean(),
  /** What of the node the source tried and could not read, and why, one line each. */
  unread: z.array(z.string()),
  /** The node's own synchronization state and which process says it (T-BC/T-GM status, else the ptp4l follower). */
  syncState: SyncState,
  syncSource: z.string().nullable(),
  timeRange: z.object({ first: LogTime.nullable(), last: LogTime.nullable() }),
  processes: z.array(ProcessStatus),
  ports: z.array(PortStatus),
  grandmaster: GrandmasterView.nullable(),
  /** The ptp4l instances as pmc describes them (identity, parent, grandmaster, stepsRemoved). */
  ptpInstances: z.array(PtpInstance),
  /** The last `new foreign master` of the ptp4l port that is SLAVE: the upstream the logs name. */
  upstreamFromLogs: z.object({ portIdentity: z.string(), configTag: z.string().nullable() }).nullable(),
  /**
   * The clock class: from the daemon's CLOCK_CLASS_CHANGE lines, else its clock_class metric, else (a plain
   * host) the class its ptp4l announces as pmc read it.
   */
  clockClass: z.object({
    current: z.number().nullable(),
    source: z.enum(['logs', 'metrics', 'pmc', 'none']),
    changes: z.array(ClockClassChange),
  }),
  nics: z.array(
    z.object({
      iface: z.string(),
      driver: z.string().nullable(),
      firmware: z.string().nullable(),
      phcIndex: z.number().nullable(),
      hardwareTimestamping: z.boolean().nullable(),
    }),
  ),
  /** The interfaces the node's rendered configs use, and what ethtool -T says of their time stamping. */
  interfaces: z.array(
    z.object({
      iface: z.string(),
      configs: z.array(z.string()),
      support: z.enum(['hardware', 'software', 'none', 'unknown']),
    }),
  ),
  episodes: z.object({ syncLoss: z.array(SyncLossEpisode), holdover: z.array(HoldoverEpisode) }),
  faults: z.array(FaultEvent.extend({ process: z.string(), configTag: z.string().nullable() })),
  faultsOmitted: z.number().int(),
});
export type NodeStatus = z.infer<typeof NodeStatus>;
