import { holdoverBudget } from '../../analysis/holdover-budget.js';
import {
  type ListeningClock,
  servingIndex,
  type UnheardFacts,
  unheardFacts,
} from '../../analysis/unheard-clocks.js';
import type { HierarchyLink } from '../../model/clock-hierarchy.js';
import type { Diagnosis } from '../../model/diagnosis.js';
import type { LogTime, SyncState } from '../../model/log-record.js';
import type { NodeStatus, ProcessStatus } from '../../model/node-status.js';
import { PTP_CLOCK_THRESHOLD_DEFAULTS, type PtpConfig, type PtpProfile } from '../../model/ptp-config.js';
import type { NodeNicFacts } from '../../nic/nic-facts.js';
import { parseLinuxptpConfig } from '../../parsers/linuxptp-config.js';
import { findOption } from '../../parsers/linuxptp-config-lookup.js';
import type { Evaluation, EvaluationsByScope } from '../rule-engine.js';
import type { ClusterFacts, NodeFacts, ProcessFacts } from './runtime-fact-schema.js';

const STATE_RANK: Record<SyncState, number> = { LOCKED: 3, HOLDOVER: 2, FREERUN: 1, UNKNOWN: 0 };

/**
 * The evaluations of a diagnosis for the runtime packs: one per node (`node`), one per process
 * (`process` with its `node`), one for the cluster (`cluster`). Facts are plain numbers, strings and
 * booleans derived from the node status, with times as seconds before the end of the data.
 */
export type DiagnosisFacts = Pick<Diagnosis, 'meta' | 'nodes' | 'hierarchy'> &
  Partial<Pick<Diagnosis, 'window'>>;

export function runtimeEvaluations(
  diagnosis: DiagnosisFacts,
  ptpConfigs: readonly PtpConfig[],
  /** Every node's ptp4l with pmc answers (analysis/unheard-clocks.ts): what each listens on and serves. */
  listening: readonly ListeningClock[] = [],
  /** Each node's rendered ptp4l configs against its NICs' profiles (core/nic/nic-facts.ts), by node. */
  nics: ReadonlyMap<string, NodeNicFacts> = new Map(),
): EvaluationsByScope {
  const cluster = diagnosis.meta.cluster;
  // A window with nothing in it (`--last 0s`, or one the data does not reach) holds nothing to judge: a
  // finding there would judge states and counts from outside the window asked for.
  const window = diagnosis.window;
  if (window && window.from !== null && window.to !== null && window.to <= window.from) {
    return { node: [], process: [], cluster: [] };
  }
  const observed = diagnosis.nodes.filter((node) => observedIn(node, window));
  if (window && (window.from !== null || window.to !== null) && observed.length === 0) {
    return { node: [], process: [], cluster: [] };
  }
  // Each node's link found once: a search of all links per node would be quadratic in a fleet.
  const links = new Map(diagnosis.hierarchy.links.map((link) => [link.node, link]));
  const serving = servingIndex(listening);
  const nodeFacts = observed.map((node) => ({
    node,
    facts: nodeFactsOf(
      node,
      links.get(node.node),
      ptpConfigs,
      unheardFacts(node.node, serving),
      nics.get(node.node),
    ),
  }));
  const nodes: Evaluation[] = nodeFacts.map(({ node, facts }) => ({
    facts: { node: facts },
    subject: { cluster, node: node.node },
  }));
  const processes: Evaluation[] = nodeFacts.flatMap(({ node, facts }) =>
    node.processes.map((process) => ({
      facts: { process: processFactsOf(process, node), node: facts },
      subject: {
        cluster,
        node: node.node,
        process: process.name,
        ...(process.configTag ? { profile: process.configTag } : {}),
      },
    })),
  );
  return {
    node: nodes,
    process: processes,
    cluster: [{ facts: { cluster: clusterFactsOf(diagnosis) }, subject: { cluster } }],
  };
}

/**
 * The configured PTP interfaces as ethtool sees them. An interface is absent only when ethtool answered
 * for others of the node: a source that read no ethtool at all (a recording without exec) says nothing.
 */
function interfaceFactsOf(node: NodeStatus) {
  const ethtoolRead = node.nics.length > 0;
  const names = (support: readonly string[]) =>
    node.interfaces.filter((i) => support.includes(i.support)).map((i) => i.iface);
  return {
    configured: node.interfaces.length,
    ethtoolRead,
    absent: ethtoolRead ? names(['unknown']) : [],
    softwareOnly: names(['software', 'none']),
  };
}

/**
 * Sync-loss episodes, and in words since when the clock has had no upstream: a clock whose ports were
 * never SLAVE in the data (one that hears no Announce) lost nothing, so no "lost N s ago" for it.
 */
function syncLossFacts(node: NodeStatus, ongoingLoss: NodeStatus['episodes']['syncLoss']) {
  const ongoingSec =
    ongoingLoss.length > 0 ? Math.round(Math.max(...ongoingLoss.map((e) => e.durationMs ?? 0)) / 1000) : 0;
  return {
    count: node.episodes.syncLoss.length,
    ongoing: ongoingLoss.length > 0,
    ongoingSec,
    since:
      ongoingLoss.length > 0
        ? `lost ${ongoingSec} s ago, as far as the logs show`
        : 'no port of it was SLAVE anywhere in the data',
  };
}

/**
 * What of the node could not be read. A node without a daemon log line whose daemon pod runs was not read
 * though it could have been: without a reason from the source, that its daemon log is not in the source.
 */
function unreadFacts(node: NodeStatus) {
  const daemonRunning = node.daemonPod !== null && node.daemonPod.ready !== false;
  const reasons =
    node.unread.length === 0 && !node.hasData && daemonRunning
      ? ['its daemon log: not in the source, or empty']
      : node.unread;
  return {
    count: reasons.length,
    text: reasons.join('; '),
    effect: node.hasData
      ? 'the node is judged on what was read'
      : node.plainHost
        ? 'no pmc answer and no log line of it was read: its health is UNKNOWN'
        : 'no line of its daemon log was read: its health is UNKNOWN',
  };
}

/**
 * What crossing the threshold means, for messages: on a cluster the cloud-event-proxy sidecar reports
 * FREERUN by it (metrics.go ExtractMetrics → manager.go GenPTPEvent); a plain host has no daemon and no
 * sidecar, and is only judged by the operator's default bound.
 */
function thresholdEffects(node: NodeStatus) {
  return node.plainHost
    ? {
        effect:
          "ptp-mcp applies the PTP operator's default there; no daemon runs on a plain host, so nothing reports FREERUN by it",
        osClockEffect:
          "ptp-mcp applies the PTP operator's default to CLOCK_REALTIME there (the PTP clock itself is judged by its own offsets)",
      }
    : {
        effect: 'the sidecar reports the PTP lock-state FREERUN while it stays there',
        osClockEffect:
          'the sidecar reports os-clock-sync-state FREERUN for CLOCK_REALTIME (the PTP clock itself is judged by its own offsets)',
      };
}

/** The node has data inside the window (any when no window is asked for). */
function observedIn(node: NodeStatus, window: DiagnosisFacts['window']): boolean {
  if (!window || (window.from === null && window.to === null)) return true;
  const { first, last } = node.timeRange;
  if (first?.wall === undefined || last?.wall === undefined) return node.hasData || node.profiles.length > 0;
  return (
    (window.to === null || first.wall <= window.to) && (window.from === null || last.wall >= window.from)
  );
}

/**
 * A port fault FT_SWITCH_PHC right after "Switching PHC, failed to open /dev/ptp-1": clock_switch_phc was
 * asked for phc_index -1, which only port.c bc_dispatch does, for a port with boundary_clock_jbod 1 on a
 * clock without a PHC (time_stamping software or legacy, or free_running: clock.c clock_create); the
 * other caller, port_link_status, switches only to a PHC index ≥ 0 (linuxptp v3.1.1; 4.0 skips -1).
 */
function switchPhcWithoutPhc(fault: NodeStatus['faults'][number]): boolean {
  return (
    fault.kind === 'portFaulty' &&
    fault.detail.includes('(FT_SWITCH_PHC)') &&
    fault.detail.includes('/dev/ptp-1:')
  );
}

/** "Recent" is the last minute of a node's data, as for its recent offsets. */
const RECENT_MS = 60_000;

function secondsBefore(end: LogTime | null, time: LogTime | null | undefined): number | null {
  if (end?.wall === undefined || time?.wall === undefined) return null;
  return Math.max(0, Math.round((end.wall - time.wall) / 1000));
}

/** A node without profiled NICs (or a diagnosis made without profiles). */
const NO_NIC_FACTS: NodeNicFacts = {
  profiles: '',
  config: null,
  txTimestampTimeoutMs: null,
  txTimestampTimeoutNeedMs: null,
  drivers: '',
};

function nodeFactsOf(
  node: NodeStatus,
  link: HierarchyLink | undefined,
  ptpConfigs: readonly PtpConfig[],
  unheard: UnheardFacts,
  nic: NodeNicFacts = NO_NIC_FACTS,
): NodeFacts {
  const end = node.timeRange.last;
  const faultCounts: Record<string, number> = {};
  const recentFaultCounts: Record<string, number> = {};
  const recentFrom = end?.wall === undefined ? undefined : end.wall - RECENT_MS;
  for (const fault of node.faults) {
    faultCounts[fault.kind] = (faultCounts[fault.kind] ?? 0) + 1;
    if (recentFrom !== undefined && (fault.time.wall ?? -Infinity) >= recentFrom)
      recentFaultCounts[fault.kind] = (recentFaultCounts[fault.kind] ?? 0) + 1;
  }
  const holdover = node.episodes.holdover.at(-1);
  const ongoingLoss = node.episodes.syncLoss.filter((e) => e.ongoing);
  const applied = node.profiles.flatMap((applied) => {
    const config = ptpConfigs.find((c) => c.metadata.name === applied.ptpConfig);
    const name = applied.name.slice(applied.ptpConfig.length + 1);
    return (config?.spec.profile.filter((p) => p.name === name) ?? []).map((profile) => ({
      profile,
      hasSlave: applied.hasSlave,
    }));
  });
  const profiles = applied.map((a) => a.profile);
  const declared = profiles.find((p) => p.ptpClockThreshold)?.ptpClockThreshold;
  const maxOffsetThreshold = declared?.maxOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.maxOffsetThreshold;
  const minOffsetThreshold = declared?.minOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.minOffsetThreshold;
  const budget = holdoverBudget(profiles);
  const primary = lockStateProcess(node);
  const osClock = node.processes.find((p) => p.name === 'phc2sys' && p.recent);
  const worst = (name: string) => worstState(node.processes.filter((p) => p.name === name));
  const dpll = node.processes.find((p) => p.name === 'dpll');
  const gnss = node.processes.find((p) => p.name === 'gnss');
  const transitions = node.clockClass.changes
    .filter((c) => c.previous !== null)
    .map((c) => ({ from: c.previous!, to: c.clockClass }));
  const lastClassChange = node.clockClass.changes.at(-1);
  return {
    name: node.node,
    role: node.role,
    hasData: node.hasData,
    hasProfiles: node.profiles.length > 0,
    daemonRunning: node.daemonPod !== null && node.daemonPod.ready !== false,
    noData: node.plainHost
      ? `no pmc answer and no log line of it: ${node.unread.join('; ') || 'nothing was read'}`
      : 'no linuxptp-daemon data of it: no daemon pod, or the pod is not ready',
    unread: unreadFacts(node),
    profilesMissing: node.recommendation.missing,
    syncState: node.hasData ? node.syncState : 'UNKNOWN',
    syncSource: node.syncSource,
    // A port that is SLAVE now has an upstream, whatever an older pmc answer says.
    upstreamLost:
      (node.role === 'T-BC' || node.role === 'T-TSC') &&
      (ongoingLoss.length > 0 ||
        (link?.ownGrandmaster === true && !node.ports.some((p) => p.state === 'SLAVE'))),
    unheard,
    clockClass: {
      current: node.clockClass.current,
      source: node.clockClass.source,
      sinceSec: secondsBefore(end, lastClassChange?.time),
      transitions,
      transitionsText: transitions.map((t) => `${t.from}→${t.to}`).join(', ') || 'none',
    },
    holdover: {
      active: holdover?.outcome === 'ongoing',
      durationSec:
        holdover?.durationMs === null || holdover === undefined
          ? null
          : Math.round(holdover.durationMs / 1000),
      count: node.episodes.holdover.length,
      lastOutcome: holdover?.outcome ?? null,
      ...budget,
      /** How much of the budget (min of the in-spec timer and LocalHoldoverTimeout) the holdover used, %. */
      budgetUsedPct:
        holdover?.durationMs === null || holdover === undefined || budget.budgetSec <= 0
          ? null
          : Math.round((holdover.durationMs / 1000 / budget.budgetSec) * 100),
    },
    syncLoss: syncLossFacts(node, ongoingLoss),
    faults: { total: node.faults.length + node.faultsOmitted, ...faultCounts },
    /** Transmit time stamp faults, with the text of one that occurred (never a message that did not). */
    txTimestampFaults: {
      count: (faultCounts.txTimestampTimeout ?? 0) + (faultCounts.txTimestampFailed ?? 0),
      example:
        node.faults.findLast((f) => f.kind === 'txTimestampTimeout' || f.kind === 'txTimestampFailed')
          ?.detail ?? null,
    },
    clockClassThreshold: clockClassThresholdOf(applied.filter((a) => a.hasSlave).map((a) => a.profile)),
    /** Faults of the last minute of the node's data: what is still happening. */
    recentFaults: recentFaultCounts,
    ports: {
      count: node.ports.length,
      slave: node.ports.filter((p) => p.state === 'SLAVE').length,
      faulty: node.ports.filter((p) => p.state === 'FAULTY').length,
      master: node.ports.filter((p) => p.state === 'MASTER').length,
      masterNames: node.ports
        .filter((p) => p.state === 'MASTER')
        .map((p) => p.iface ?? String(p.port))
        .join(', '),
      faultyNames: node.ports
        .filter((p) => p.state === 'FAULTY')
        .map((p) => p.iface ?? String(p.port))
        .join(', '),
      maxTransitions: Math.max(0, ...node.ports.map((p) => p.transitions)),
      /** The last FAULTY transition as logged, with the lines ptp4l printed just before it (its cause). */
      lastFault:
        node.faults.findLast((f) => f.kind === 'portFaulty')?.detail ??
        'the FAULTY transition itself is outside the data read',
      switchPhcWithoutPhc: node.faults.filter(switchPhcWithoutPhc).length,
    },
    interfaces: interfaceFactsOf(node),
    nic,
    grandmaster: node.grandmaster
      ? {
          identity: node.grandmaster.identity,
          local: node.grandmaster.local,
          changes: node.grandmaster.changes,
        }
      : null,
    /** The offsets that decide the PTP lock-state (see lockStateProcess); null when that process is silent. */
    offset: primary?.recent
      ? {
          maxAbs: primary.recent.maxAbs,
          p99Abs: primary.recent.p99Abs,
          from: primary.recent.from,
          process: primary.name,
        }
      : null,
    /** phc2sys's offsets: they decide the os-clock-sync-state of CLOCK_REALTIME, not the PTP lock-state. */
    osClockOffset: osClock?.recent
      ? { maxAbs: osClock.recent.maxAbs, p99Abs: osClock.recent.p99Abs, configTag: osClock.configTag }
      : null,
    threshold: {
      maxOffsetThreshold,
      minOffsetThreshold,
      /** The bound an |offset| is compared with. */
      maxAbs: Math.max(maxOffsetThreshold, -minOffsetThreshold),
      declared: declared !== undefined,
      ...thresholdEffects(node),
    },
    gnss: gnss ? gnssFacts(worst('gnss'), gnss.ifaceStates[0]?.values.gnss_status ?? null) : null,
    dpll: dpll
      ? dpllFacts(
          worst('dpll'),
          dpll.ifaceStates[0]?.values.frequency_status ?? null,
          dpll.ifaceStates[0]?.values.phase_status ?? null,
        )
      : null,
    processesDown: node.processes
      .filter((p) => p.up === false)
      .map((p) => `${p.name} ${p.configTag ?? ''}`.trim()),
    daemonRestarts: Math.max(0, ...Object.values(node.daemonPod?.restarts ?? {})),
  };
}

function processFactsOf(process: ProcessStatus, node: NodeStatus): ProcessFacts {
  return {
    name: process.name,
    configTag: process.configTag,
    state: process.state,
    servo: process.servo,
    up: process.up,
    downDetail: process.downDetail,
    restarts: process.restarts,
    faults: process.faults,
    samples: process.offset.count,
    stateSinceSec: secondsBefore(node.timeRange.last, process.stateSince),
    offset: process.offset,
    recent: process.recent,
    notices: process.notices,
  };
}

function clusterFactsOf(diagnosis: DiagnosisFacts): ClusterFacts {
  const nodes = diagnosis.nodes;
  const grandmasters = nodes.filter((n) => n.role === 'T-GM');
  return {
    name: diagnosis.meta.cluster,
    nodes: nodes.length,
    nodesWithData: nodes.filter((n) => n.hasData).length,
    grandmasters: grandmasters.length,
    lockedGrandmasters: grandmasters.filter((n) => n.syncState === 'LOCKED').length,
    /** T-GMs of which nothing of their state was read (their health UNKNOWN). */
    grandmastersUnread: grandmasters.filter((n) => !n.hasData).length,
    roots: diagnosis.hierarchy.roots.length,
    grandmasterIdentities: new Set(
      diagnosis.hierarchy.links.map((l) => l.grandmasterIdentity).filter(Boolean),
    ).size,
  };
}

/**
 * The process whose offsets the daemon and cloud-event-proxy hold to ptpClockThreshold for the PTP
 * lock-state (plugins/ptp_operator/metrics/metrics.go ExtractMetrics → GenPTPEvent, and manager.go
 * GenPTPEvent): ptp4l's `master offset` on an ordinary or boundary clock; on a T-GM ts2phc's offsets
 * (ptp4l serves time and prints none; the GM state checks ts2phc against the same threshold, and
 * linuxptp-daemon pkg/daemon/daemon.go gives its dpll/gnss the profile's ptpClockThreshold as GMThreshold).
 * phc2sys's offsets go to os-clock-sync-state (OsClockSyncStateChange) only: never the node's PTP offset.
 * A T-BC whose ptp4l is silent (its upstream lost, in holdover) has no lock-state offset: its state is the
 * daemon's T-BC state machine's, judged by the holdover rules. Nor has a T-BC run by that machine (its
 * T-BC-STATUS lines, release-4.20 and main): metrics.go takes a TBC profile's ptp4l state from the log's
 * servo state, not from ptpClockThreshold, and event_tbc.go decides LOCKED/FREERUN with its own
 * in-sync and free-run thresholds.
 */
function lockStateProcess(node: NodeStatus): ProcessStatus | undefined {
  if (node.role === 'T-BC' && node.processes.some((p) => p.name === 'T-BC')) return undefined;
  const names = node.role === 'T-GM' ? ['ts2phc'] : node.role === 'unknown' ? ['ptp4l', 'ts2phc'] : ['ptp4l'];
  return names.map((name) => node.processes.find((p) => p.name === name && p.recent)).find(Boolean);
}

/** The GNSS state with its fix as the daemon's gnss line gives it (`text` never shows a missing value). */
function gnssFacts(state: SyncState | null, fix: number | null) {
  return { state, fix, text: fix === null ? 'no gnss_status in its lines' : `gnss_status ${fix}` };
}

function dpllFacts(state: SyncState | null, frequencyStatus: number | null, phaseStatus: number | null) {
  const parts = [
    frequencyStatus === null ? null : `frequency status ${frequencyStatus}`,
    phaseStatus === null ? null : `phase status ${phaseStatus}`,
  ].filter(Boolean);
  return { state, frequencyStatus, phaseStatus, text: parts.join(', ') || 'no status values in its lines' };
}

/** linuxptp's default clock_class_threshold (ds.h CLOCK_CLASS_THRESHOLD_DEFAULT, config.c). */
const CLOCK_CLASS_THRESHOLD_DEFAULT = 248;

/** The lowest clock_class_threshold among the node's time-receiver profiles, and the profiles that set it. */
function clockClassThresholdOf(profiles: readonly PtpProfile[]) {
  const values = profiles.map((profile) => {
    const entry = findOption(parseLinuxptpConfig(profile.ptp4lConf ?? ''), 'clock_class_threshold');
    const value = Number(entry?.value.trim());
    return { name: profile.name, value: Number.isInteger(value) ? value : CLOCK_CLASS_THRESHOLD_DEFAULT };
  });
  if (values.length === 0)
    return { value: null, profiles: '', text: 'not known: no time-receiver profile of the node in the data' };
  const lowest = Math.min(...values.map((v) => v.value));
  const names = values
    .filter((v) => v.value === lowest)
    .map((v) => v.name)
    .join(', ');
  return { value: lowest, profiles: names, text: `${lowest} (${names})` };
}

function worstState(processes: ProcessStatus[]): SyncState | null {
  const states = processes.flatMap((p) =>
    p.ifaceStates.length > 0 ? p.ifaceStates.map((s) => s.state) : [p.state],
  );
  if (states.length === 0) return null;
  return states.reduce((worst, state) => (STATE_RANK[state] < STATE_RANK[worst] ? state : worst));
}
