import type { LogTime, SyncState } from '../model/log-record.js';
import type { NodeStatus, PortStatus, ProcessStatus } from '../model/node-status.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import type { NodeSnapshot, Snapshot } from '../model/snapshot.js';
import { seriesKey } from '../model/snapshot.js';
import { naturalCompare } from '../natural-compare.js';
import { nodeRole, profileClock } from './clock-type.js';
import { holdoverEpisodes, syncLossEpisodes } from './episodes.js';
import { hostClocks } from './host-clocks.js';
import { loggedInstances } from './logged-instances.js';
import { ntpshmServoState } from './ntpshm-servo.js';
import {
  type PmcClock,
  pmcClockClass,
  pmcClocks,
  pmcGrandmaster,
  pmcSyncState,
  withPmcPorts,
} from './pmc-status.js';
import { ptpInstance } from './ptp-instances.js';
import { configuredInterfaces, timestampingSupport } from './ptp-interfaces.js';
import { AbsQuantileSketch, absQuantile, boundedAbsQuantile, RunningStats } from './statistics.js';

/**
 * The part of the data a diagnosis looks at (epoch ms; open ends allowed): offsets, faults, port
 * transitions and episodes outside it are left out; states are those at its end.
 */
export interface AnalysisWindow {
  from?: number;
  to?: number;
}

const MAX_FAULTS = 50;
/** "Recently": the last minute of the data. */
const RECENT_MS = 60_000;
/** Processes whose own lines carry a daemon state per interface rather than a servo. */
const STATE_PROCESSES = new Set(['dpll', 'gnss', 'GM', 'T-BC', 'synce4l']);
const STATE_RANK: Record<SyncState, number> = { LOCKED: 3, HOLDOVER: 2, FREERUN: 1, UNKNOWN: 0 };

/** Derives the facts of one node: role, per-process state and offsets, ports, GM, clock class, episodes. */
export function nodeStatus(node: NodeSnapshot, snapshot: Snapshot, window: AnalysisWindow = {}): NodeStatus {
  const applied = node.recommendation.applied.flatMap((applied) => {
    const config = snapshot.cluster.ptpConfigs.find((c) => c.metadata.name === applied.ptpConfig);
    const profile = config?.spec.profile.find((p) => p.name === applied.name);
    return profile
      ? [{ ...profileClock(profile), name: applied.qualifiedName, ptpConfig: applied.ptpConfig }]
      : [];
  });
  // A plain host has no profiles: its clocks come from its ptp4l configs and what pmc and its logs say.
  const plainHost =
    applied.length === 0 && node.daemonPod === null && snapshot.cluster.ptpConfigs.length === 0;
  const profiles = plainHost ? hostClocks(node) : applied;
  const timelines = node.logs?.processes ?? [];
  // pmc was read at the end of a plain host's data: its answers are the states then (pmc-status.ts).
  const readAt = plainHost ? node.pmcReadAt : undefined;
  const pmc = plainHost && pmcInWindow(readAt, window) ? pmcClocks(node) : [];
  const timeRange = hostTimeRange(node, readAt);
  const dataEnd = timeRange.last;
  const processes = timelines.filter((t) => t.name !== 'daemon').map((t) => processStatus(t, node, window));
  const onePtp4l = node.configs.filter((config) => config.program === 'ptp4l').length === 1;
  const ports = withPmcPorts(portStatuses(timelines, window), pmc, readAt, onePtp4l);
  const sync = pmcSyncState(pmc) ?? primarySyncState(processes, ports, node);
  const clockClass = clockClassOf(timelines, node, pmc);
  // The sidecar's own faults (its errors) join the daemon's.
  const faults = [...timelines, ...(node.proxyLogs?.processes ?? [])]
    .flatMap((t) => t.faults.map((fault) => ({ ...fault, process: t.name, configTag: t.configTag })))
    .filter((fault) => inWindow(fault.time, window))
    .sort((a, b) => timeKey(a.time) - timeKey(b.time));
  return {
    node: node.name,
    role: nodeRole(profiles),
    profiles: profiles.map(({ name, ptpConfig, type, ports, hasSlave, usesTs2phc }) => ({
      name,
      ptpConfig,
      type,
      ports,
      hasSlave,
      usesTs2phc,
    })),
    recommendation: { priority: node.recommendation.priority, missing: node.recommendation.missing },
    daemonPod: node.daemonPod,
    plainHost,
    hasData: hasStateData(node) || pmc.length > 0,
    unread: node.unread,
    syncState: sync.state,
    syncSource: sync.source,
    timeRange,
    processes,
    ports,
    grandmaster: pmcGrandmaster(grandmasterOf(timelines), pmc, readAt),
    ptpInstances: [
      ...node.pmc.map((entry) => ptpInstance(entry.configFile, entry.output)),
      ...loggedInstances(node, timelines, ports, clockClass.current),
    ].sort((a, b) => naturalCompare(a.configFile, b.configFile)),
    upstreamFromLogs: upstreamFromLogs(timelines, ports),
    clockClass,
    nics: node.nics.map((nic) => ({
      iface: nic.iface,
      driver: nic.driverInfo?.driver ?? null,
      firmware: nic.driverInfo?.firmwareVersion ?? null,
      phcIndex: nic.timestamping?.phcIndex ?? null,
      hardwareTimestamping: nic.timestamping?.hardwareTimestamping ?? (nic.listedPtpDevice ? true : null),
    })),
    interfaces: [...configuredInterfaces(node)].map(([iface, configs]) => ({
      iface,
      configs,
      support: timestampingSupport(node.nics.find((nic) => nic.iface === iface)),
    })),
    episodes: {
      syncLoss: timelines.flatMap((t) => syncLossEpisodes(t, dataEnd)).filter((e) => overlaps(e, window)),
      holdover: holdoverEpisodes(timelines, dataEnd).filter((e) => overlaps(e, window)),
    },
    faults: faults.slice(-MAX_FAULTS),
    faultsOmitted: Math.max(0, faults.length - MAX_FAULTS),
  };
}

/**
 * A line of the node's daemon log was read: the faults, ports, offsets and episodes that judge a node
 * come from it, so metrics or events alone do not make a node judged. A log that exists but gave no line
 * (a read refused at once, an empty file) says nothing of the node.
 */
function hasStateData(node: NodeSnapshot): boolean {
  return (node.logs ? node.logs.lines.total - node.logs.lines.blank : 0) > 0;
}

function processStatus(timeline: ProcessTimeline, node: NodeSnapshot, window: AnalysisWindow): ProcessStatus {
  const ifaceStates = currentIfaceStates(timeline);
  const servo = timeline.lastOffset?.servo ?? null;
  const lastStatus = timeline.statusChanges.at(-1);
  const { offset, estimated } = windowOffsets(timeline, node, window);
  return {
    name: timeline.name,
    configTag: timeline.configTag,
    state: stateOf(
      timeline,
      ifaceStates.map((s) => s.state),
      node,
    ),
    servo,
    lastSeen: timeline.lastTime,
    stateSince: stateSinceOf(timeline),
    notices: Object.fromEntries(
      Object.entries(timeline.notices).map(([code, notice]) => [code, notice.count]),
    ),
    up: lastStatus ? lastStatus.up : null,
    downDetail:
      lastStatus?.up === false
        ? (timeline.faults.findLast((f) => f.kind === 'processDown')?.detail ?? 'PTP_PROCESS_STATUS:0')
        : null,
    restarts: Math.max(0, timeline.statusChanges.filter((s) => s.up).length - 1),
    offset,
    offsetEstimated: estimated,
    freq: timeline.freq,
    lastOffset: timeline.lastOffset && {
      time: timeline.lastOffset.time,
      offset: timeline.lastOffset.offset,
      servo: timeline.lastOffset.servo,
    },
    rms: timeline.rms,
    recent: recentOffsets(timeline, node),
    ifaceStates,
    faults: timeline.faults.length + (timeline.omitted.faults ?? 0),
  };
}

/** Servo s2/s3 is LOCKED and s0/s1 FREERUN (as the daemon maps them); ts2phc's holdover suffix is HOLDOVER. */
function stateOf(timeline: ProcessTimeline, ifaceStates: SyncState[], node: NodeSnapshot): SyncState {
  const ntpshm = ntpshmServoState(timeline, node);
  if (ntpshm) return ntpshm;
  if (STATE_PROCESSES.has(timeline.name) || (timeline.lastOffset === null && ifaceStates.length > 0)) {
    if (ifaceStates.length === 0) return 'UNKNOWN';
    return ifaceStates.reduce((worst, state) => (STATE_RANK[state] < STATE_RANK[worst] ? state : worst));
  }
  const last = timeline.lastOffset;
  if (!last) return 'UNKNOWN';
  return last.servo === 's2' || last.servo === 's3' ? 'LOCKED' : 'FREERUN';
}

function stateSinceOf(timeline: ProcessTimeline): LogTime | null {
  const times = [timeline.servoChanges.at(-1)?.time, timeline.stateChanges.at(-1)?.time].filter(
    (time): time is LogTime => time !== undefined,
  );
  return times.sort((a, b) => timeKey(b) - timeKey(a))[0] ?? null;
}

function currentIfaceStates(timeline: ProcessTimeline): ProcessStatus['ifaceStates'] {
  const byIface = new Map<string, ProcessStatus['ifaceStates'][number]>();
  for (const change of timeline.stateChanges) {
    const entry: ProcessStatus['ifaceStates'][number] = {
      iface: change.iface ?? '',
      state: change.to,
      values: change.values,
      since: change.time,
    };
    if (change.offset !== undefined) entry.offset = change.offset;
    byIface.set(entry.iface, entry);
  }
  return [...byIface.values()];
}

function windowOffsets(timeline: ProcessTimeline, node: NodeSnapshot, window: AnalysisWindow) {
  const series = node.series.get(seriesKey(timeline.name, timeline.configTag));
  if (!series || (window.from === undefined && window.to === undefined && !series.decimated)) {
    return { offset: timeline.offset, estimated: false };
  }
  const stats = new RunningStats();
  const sketch = new AbsQuantileSketch();
  for (const offset of series.offsetsBetween(window.from, window.to).offsets) {
    stats.push(offset);
    sketch.push(offset);
  }
  const summary = stats.summary();
  return {
    offset: { ...summary, p99Abs: boundedAbsQuantile(sketch, 0.99, summary) },
    estimated: series.decimated,
  };
}

/** |offset| over the last RECENT_MS of the node's data (never of the clock: the data's own end). */
function recentOffsets(timeline: ProcessTimeline, node: NodeSnapshot): ProcessStatus['recent'] {
  const end = node.logs?.timeRange.last?.wall;
  if (end === undefined) return null;
  for (const from of ['offsets', 'summaries'] as const) {
    const series = node.series.get(
      seriesKey(timeline.name, timeline.configTag, from === 'offsets' ? 'offset' : 'rms'),
    );
    if (!series) continue;
    const { offsets } = series.offsetsBetween(end - RECENT_MS, end);
    if (offsets.length === 0) continue;
    const magnitudes = offsets.map(Math.abs);
    return {
      windowMs: RECENT_MS,
      from,
      count: offsets.length,
      maxAbs: Math.max(...magnitudes),
      p99Abs: absQuantile(offsets, 0.99),
    };
  }
  return null;
}

/** Times without a wall clock cannot be placed against the window and are kept. */
function inWindow(time: LogTime, window: AnalysisWindow): boolean {
  if (time.wall === undefined) return true;
  return (
    (window.from === undefined || time.wall >= window.from) &&
    (window.to === undefined || time.wall <= window.to)
  );
}

function overlaps(episode: { start: LogTime; durationMs: number | null }, window: AnalysisWindow): boolean {
  const start = episode.start.wall;
  if (start === undefined) return true;
  const end = episode.durationMs === null ? undefined : start + episode.durationMs;
  return (
    (window.to === undefined || start <= window.to) &&
    (window.from === undefined || end === undefined || end >= window.from)
  );
}

function portStatuses(timelines: readonly ProcessTimeline[], window: AnalysisWindow): PortStatus[] {
  const ports: PortStatus[] = [];
  for (const timeline of timelines) {
    const byPort = new Map<string, PortStatus>();
    for (const transition of timeline.portTransitions) {
      // UDS pseudo-ports (port 0, /var/run/…) are management endpoints, not network ports.
      if (transition.port === 0 || transition.iface?.startsWith('/')) continue;
      if (window.to !== undefined && (transition.time.wall ?? -Infinity) > window.to) continue;
      const counted = inWindow(transition.time, window) ? 1 : 0;
      const key = `${transition.port ?? ''}|${transition.iface ?? ''}`;
      const previous = byPort.get(key);
      const status: PortStatus = {
        configTag: timeline.configTag,
        state: transition.to,
        since: transition.time,
        transitions: (previous?.transitions ?? 0) + counted,
      };
      if (transition.port !== undefined) status.port = transition.port;
      if (transition.iface !== undefined) status.iface = transition.iface;
      byPort.set(key, status);
    }
    ports.push(...byPort.values());
  }
  return ports;
}

/** The grandmaster the node follows: seen by the ptp4l instance that has a slave port, else by any. */
function grandmasterOf(timelines: readonly ProcessTimeline[]): NodeStatus['grandmaster'] {
  const ptp4l = timelines.filter((t) => t.gmChanges.length > 0);
  const follower = ptp4l.find((t) => t.portTransitions.some((p) => p.to === 'SLAVE')) ?? ptp4l[0];
  const last = follower?.gmChanges.at(-1);
  if (!follower || !last) return null;
  return {
    identity: last.gmIdentity,
    local: last.local,
    since: last.time,
    configTag: follower.configTag,
    changes: follower.gmChanges.length + (follower.omitted.gmChanges ?? 0),
  };
}

function clockClassOf(
  timelines: readonly ProcessTimeline[],
  node: NodeSnapshot,
  pmc: readonly PmcClock[],
): NodeStatus['clockClass'] {
  const changes = timelines
    .flatMap((t) => t.clockClassChanges)
    .sort((a, b) => timeKey(a.time) - timeKey(b.time));
  const logged = changes.at(-1)?.clockClass;
  if (logged !== undefined) return { current: logged, source: 'logs', changes };
  const metric = node.metrics?.find((m) => m.metric === 'clock_class');
  if (metric) return { current: metric.value, source: 'metrics', changes };
  const announced = pmcClockClass(pmc);
  return announced === null
    ? { current: null, source: 'none', changes }
    : { current: announced, source: 'pmc', changes };
}

/** A plain host's data runs from its first log line to its last, or to when pmc was read if later. */
function hostTimeRange(node: NodeSnapshot, readAt: LogTime | undefined): NodeStatus['timeRange'] {
  const { first, last } = node.logs?.timeRange ?? { first: null, last: null };
  if (readAt === undefined) return { first, last };
  return { first: first ?? readAt, last: last === null || timeKey(last) < timeKey(readAt) ? readAt : last };
}

/** pmc's answers are the states at its read time: a window that ends before it does not see them. */
function pmcInWindow(readAt: LogTime | undefined, window: AnalysisWindow): boolean {
  return window.to === undefined || (readAt?.wall !== undefined && readAt.wall <= window.to);
}

/** The upstream port the logs name: the last foreign master heard on the port that is SLAVE now. */
function upstreamFromLogs(
  timelines: readonly ProcessTimeline[],
  ports: PortStatus[],
): NodeStatus['upstreamFromLogs'] {
  for (const port of ports.filter((p) => p.state === 'SLAVE')) {
    const timeline = timelines.find((t) => t.name === 'ptp4l' && t.configTag === port.configTag);
    const heard = timeline?.foreignMasters.findLast(
      (f) => f.port === port.port || (f.iface !== undefined && f.iface === port.iface),
    );
    if (heard) return { portIdentity: heard.portIdentity, configTag: port.configTag };
  }
  return null;
}

/**
 * Which state speaks for the node. The daemon's own word first, as it is what O-RAN consumers and the
 * metrics see: its T-BC or T-GM aggregate lines (T-BC-STATUS, T-GM-STATUS: pkg/event event.go
 * updateGMState, event_tbc.go updateBCState); else its `openshift_ptp_clock_state` gauge (0 FREERUN,
 * 1 LOCKED, 2 HOLDOVER) for the GM/T-BC aggregate, then for the follower ptp4l (cloud-event-proxy
 * plugins/ptp_operator/metrics/metrics.go: the ptp4l state is decided by comparing each offset with
 * ptpClockThreshold in GenPTPEvent, so a servo at s2 with offsets beyond it is FREERUN); else the last
 * lock-state event the sidecar published for the node. Only without any of those is the state inferred:
 * the ptp4l instance with a slave port (FREERUN when that port is no longer SLAVE); otherwise any ptp4l.
 */
function primarySyncState(
  processes: ProcessStatus[],
  ports: PortStatus[],
  node: NodeSnapshot,
): { state: SyncState; source: string | null } {
  // A T-GM-STATUS/T-BC-STATUS instance (with its config) before the glog `gm state` line (without one).
  const aggregate = processes
    .filter((p) => p.name === 'T-BC' || p.name === 'GM')
    .sort((a, b) => Number(a.configTag === null) - Number(b.configTag === null))[0];
  if (aggregate)
    return { state: aggregate.state, source: `${aggregate.name} ${aggregate.configTag ?? ''}`.trim() };
  const reported = daemonReportedState(node);
  if (reported) return reported;
  const follower = processes.find(
    (p) =>
      p.name === 'ptp4l' && ports.some((port) => port.configTag === p.configTag && port.state !== 'MASTER'),
  );
  const ptp4l = follower ?? processes.find((p) => p.name === 'ptp4l');
  if (!ptp4l) return { state: 'UNKNOWN', source: null };
  const own = ports.filter((port) => port.configTag === ptp4l.configTag);
  const slave = own.some((port) => port.state === 'SLAVE');
  const lostSlave = own.length > 0 && !slave && !own.some((port) => port.state === 'MASTER');
  // With summary_interval above the sync interval ptp4l prints rms lines, no servo state: a SLAVE port it is.
  const state = lostSlave ? 'FREERUN' : ptp4l.state === 'UNKNOWN' && slave ? 'LOCKED' : ptp4l.state;
  return { state, source: `ptp4l ${ptp4l.configTag ?? ''}`.trim() };
}

const DAEMON_STATES = new Set<string>(['LOCKED', 'HOLDOVER', 'FREERUN']);
/** The processes whose clock_state gauge is the node's PTP state, in order (not phc2sys: the OS clock). */
const STATE_METRIC_PROCESSES = ['GM', 'T-BC', 'ptp4l'];

/** The state the daemon (metrics) or its sidecar (lock-state events) reports for the node's PTP clock. */
function daemonReportedState(node: NodeSnapshot): { state: SyncState; source: string } | null {
  for (const process of STATE_METRIC_PROCESSES) {
    const gauges = (node.metrics ?? []).filter(
      (m) => m.metric === 'clock_state' && m.process === process && DAEMON_STATES.has(m.decoded ?? ''),
    );
    if (gauges.length === 0) continue;
    const worst = gauges.reduce((a, b) =>
      STATE_RANK[b.decoded as SyncState] < STATE_RANK[a.decoded as SyncState] ? b : a,
    );
    return {
      state: worst.decoded as SyncState,
      source: `openshift_ptp_clock_state ${process}${worst.iface ? ` ${worst.iface}` : ''}`,
    };
  }
  const lockStates = node.cloudEvents.filter(
    (e) => e.kind === 'lock-state' && DAEMON_STATES.has(e.state ?? ''),
  );
  const last = lockStates.reduce<(typeof lockStates)[number] | null>(
    (latest, e) => (latest === null || (e.time ?? '') >= (latest.time ?? '') ? e : latest),
    null,
  );
  if (last) return { state: last.state as SyncState, source: 'lock-state event (cloud-event-proxy)' };
  return null;
}

function timeKey(time: LogTime): number {
  return time.wall ?? (time.mono ?? 0) * 1000;
}
