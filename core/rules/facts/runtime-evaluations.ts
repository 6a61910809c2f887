import type { Diagnosis } from '../../model/diagnosis.js';
import type { LogTime, SyncState } from '../../model/log-record.js';
import type { NodeStatus, ProcessStatus } from '../../model/node-status.js';
import { PTP_CLOCK_THRESHOLD_DEFAULTS, type PtpConfig } from '../../model/ptp-config.js';
import type { Evaluation, EvaluationsByScope } from '../rule-engine.js';

const STATE_RANK: Record<SyncState, number> = { LOCKED: 3, HOLDOVER: 2, FREERUN: 1, UNKNOWN: 0 };
/** linuxptp-daemon's holdover timeout when a profile's plugin does not set LocalHoldoverTimeout (dpll.go). */
const DEFAULT_HOLDOVER_TIMEOUT_S = 14_400;

/**
 * The evaluations of a diagnosis for the runtime packs: one per node (`node`), one per process
 * (`process` with its `node`), one for the cluster (`cluster`). Facts are plain numbers, strings and
 * booleans derived from the node status, with times as seconds before the end of the data.
 */
export type DiagnosisFacts = Pick<Diagnosis, 'meta' | 'nodes' | 'hierarchy'>;

export function runtimeEvaluations(
  diagnosis: DiagnosisFacts,
  ptpConfigs: readonly PtpConfig[],
): EvaluationsByScope {
  const cluster = diagnosis.meta.cluster;
  const nodeFacts = diagnosis.nodes.map((node) => ({
    node,
    facts: nodeFactsOf(node, diagnosis, ptpConfigs),
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

/** "Recent" is the last minute of a node's data, as for its recent offsets. */
const RECENT_MS = 60_000;

function secondsBefore(end: LogTime | null, time: LogTime | null | undefined): number | null {
  if (end?.wall === undefined || time?.wall === undefined) return null;
  return Math.max(0, Math.round((end.wall - time.wall) / 1000));
}

function nodeFactsOf(node: NodeStatus, diagnosis: DiagnosisFacts, ptpConfigs: readonly PtpConfig[]) {
  const end = node.timeRange.last;
  const link = diagnosis.hierarchy.links.find((l) => l.node === node.node);
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
  const profiles = node.profiles.flatMap((applied) => {
    const config = ptpConfigs.find((c) => c.metadata.name === applied.ptpConfig);
    const name = applied.name.slice(applied.ptpConfig.length + 1);
    return config?.spec.profile.filter((p) => p.name === name) ?? [];
  });
  const declared = profiles.find((p) => p.ptpClockThreshold)?.ptpClockThreshold;
  const maxOffsetThreshold = declared?.maxOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.maxOffsetThreshold;
  const minOffsetThreshold = declared?.minOffsetThreshold ?? PTP_CLOCK_THRESHOLD_DEFAULTS.minOffsetThreshold;
  const pluginSettings = Object.assign(
    {},
    ...profiles
      .flatMap((p) => Object.values(p.plugins ?? {}))
      .map((plugin) => (plugin as { settings?: object })?.settings ?? {}),
  ) as Record<string, unknown>;
  const primary = ['ptp4l', 'phc2sys', 'ts2phc']
    .map((name) => node.processes.find((p) => p.name === name && p.recent))
    .find(Boolean);
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
    profilesMissing: node.recommendation.missing,
    syncState: node.hasData ? node.syncState : 'UNKNOWN',
    syncSource: node.syncSource,
    upstreamLost:
      (node.role === 'T-BC' || node.role === 'T-TSC') &&
      (link?.ownGrandmaster === true || ongoingLoss.length > 0),
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
      timeoutSec: numberOr(pluginSettings.LocalHoldoverTimeout, DEFAULT_HOLDOVER_TIMEOUT_S),
      configured: numberOr(pluginSettings.LocalHoldoverTimeout, 0) > 0,
    },
    syncLoss: {
      count: node.episodes.syncLoss.length,
      ongoing: ongoingLoss.length > 0,
      ongoingSec:
        ongoingLoss.length > 0
          ? Math.round(Math.max(...ongoingLoss.map((e) => e.durationMs ?? 0)) / 1000)
          : 0,
    },
    faults: { total: node.faults.length + node.faultsOmitted, ...faultCounts },
    /** Faults of the last minute of the node's data: what is still happening. */
    recentFaults: recentFaultCounts,
    ports: {
      count: node.ports.length,
      slave: node.ports.filter((p) => p.state === 'SLAVE').length,
      faulty: node.ports.filter((p) => p.state === 'FAULTY').length,
      faultyNames: node.ports
        .filter((p) => p.state === 'FAULTY')
        .map((p) => p.iface ?? String(p.port))
        .join(', '),
      maxTransitions: Math.max(0, ...node.ports.map((p) => p.transitions)),
    },
    interfaces: interfaceFactsOf(node),
    grandmaster: node.grandmaster
      ? {
          identity: node.grandmaster.identity,
          local: node.grandmaster.local,
          changes: node.grandmaster.changes,
        }
      : null,
    offset: primary?.recent
      ? {
          maxAbs: primary.recent.maxAbs,
          p99Abs: primary.recent.p99Abs,
          from: primary.recent.from,
          process: primary.name,
        }
      : null,
    threshold: {
      maxOffsetThreshold,
      minOffsetThreshold,
      /** The bound an |offset| is compared with. */
      maxAbs: Math.max(maxOffsetThreshold, -minOffsetThreshold),
      declared: declared !== undefined,
    },
    gnss: gnss ? { state: worst('gnss'), fix: gnss.ifaceStates[0]?.values.gnss_status ?? null } : null,
    dpll: dpll
      ? {
          state: worst('dpll'),
          frequencyStatus: dpll.ifaceStates[0]?.values.frequency_status ?? null,
          phaseStatus: dpll.ifaceStates[0]?.values.phase_status ?? null,
        }
      : null,
    processesDown: node.processes
      .filter((p) => p.up === false)
      .map((p) => `${p.name} ${p.configTag ?? ''}`.trim()),
    daemonRestarts: Math.max(0, ...Object.values(node.daemonPod?.restarts ?? {})),
  };
}

function processFactsOf(process: ProcessStatus, node: NodeStatus) {
  return {
    name: process.name,
    configTag: process.configTag,
    state: process.state,
    servo: process.servo,
    up: process.up,
    restarts: process.restarts,
    faults: process.faults,
    samples: process.offset.count,
    stateSinceSec: secondsBefore(node.timeRange.last, process.stateSince),
    offset: process.offset,
    recent: process.recent,
    notices: process.notices,
  };
}

function clusterFactsOf(diagnosis: DiagnosisFacts) {
  const nodes = diagnosis.nodes;
  const grandmasters = nodes.filter((n) => n.role === 'T-GM');
  return {
    name: diagnosis.meta.cluster,
    nodes: nodes.length,
    nodesWithData: nodes.filter((n) => n.hasData).length,
    grandmasters: grandmasters.length,
    lockedGrandmasters: grandmasters.filter((n) => n.syncState === 'LOCKED').length,
    roots: diagnosis.hierarchy.roots.length,
    grandmasterIdentities: new Set(
      diagnosis.hierarchy.links.map((l) => l.grandmasterIdentity).filter(Boolean),
    ).size,
  };
}

function worstState(processes: ProcessStatus[]): SyncState | null {
  const states = processes.flatMap((p) =>
    p.ifaceStates.length > 0 ? p.ifaceStates.map((s) => s.state) : [p.state],
  );
  if (states.length === 0) return null;
  return states.reduce((worst, state) => (STATE_RANK[state] < STATE_RANK[worst] ? state : worst));
}

function numberOr(value: unknown, fallback: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : fallback;
}
