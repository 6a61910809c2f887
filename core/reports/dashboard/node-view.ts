import type { Diagnosis } from '../../model/diagnosis.js';
import { PTP_CLOCK_THRESHOLD_DEFAULTS } from '../../model/ptp-config.js';
import type { Snapshot } from '../../model/snapshot.js';
import { dataTimeOf, findingView, nodeFactsByName, nodeRow } from './cluster-view.js';
import { segments, timelineView } from './timeline-view.js';
import type { Lane, NodeView } from './view-schema.js';

/** Processes whose daemon-reported states are the node's GNSS, DPLL and clock states. */
const STATE_PROCESSES = new Set(['gnss', 'dpll', 'ts2phc', 'T-BC', 'GM', 'T-GM']);

/**
 * One node's page: its row, |offset| of each process over the node's data reduced to `width` columns
 * beside the ptpClockThreshold bound, clock class and states over time, ports, episodes and findings.
 * `snapshot` holds the node (a snapshot of that node alone is enough).
 */
export function nodeView(diagnosis: Diagnosis, snapshot: Snapshot, name: string, width?: number): NodeView {
  const status = diagnosis.nodes.find((n) => n.node === name);
  const recorded = snapshot.nodes.find((n) => n.name === name);
  if (!status || !recorded) throw new Error(`no node "${name}" in ${diagnosis.meta.origin}`);
  const facts = nodeFactsByName({ ...diagnosis, nodes: [status] }, snapshot.cluster.ptpConfigs).get(name);
  const findings = diagnosis.findings.filter((f) => f.subject.node === name);
  const first = status.timeRange.first?.wall;
  const last = status.timeRange.last?.wall;
  const range = first !== undefined && last !== undefined ? { from: first, to: last } : null;
  return {
    kind: 'node',
    origin: diagnosis.meta.origin,
    dataTime: dataTimeOf(diagnosis.meta),
    row: nodeRow(status, diagnosis.health.nodes[name] ?? 'UNKNOWN', facts, findings.length),
    thresholdNs: facts?.threshold.maxAbs ?? PTP_CLOCK_THRESHOLD_DEFAULTS.maxOffsetThreshold,
    thresholdDeclared: facts?.threshold.declared ?? false,
    timeline: timelineView({
      range,
      processes: recorded.logs?.processes ?? [],
      series: recorded.series,
      clockClassChanges: status.clockClass.changes,
      extraLanes: range ? episodeLanes(status, range) : [],
      width,
    }),
    ports: status.ports.map((port) => ({
      configTag: port.configTag,
      port: port.iface ?? `port ${port.port ?? '?'}`,
      state: port.state,
      since: port.since.wall ?? null,
      transitions: port.transitions,
    })),
    states: status.processes
      .filter((p) => STATE_PROCESSES.has(p.name))
      .flatMap((p) =>
        p.ifaceStates.map((s) => ({
          process: p.name,
          iface: s.iface,
          state: s.state,
          since: s.since.wall ?? null,
          values: s.values,
        })),
      ),
    episodes: [
      ...status.episodes.syncLoss.map((e) => ({
        kind: 'sync loss' as const,
        what: `${e.process}${e.configTag ? ` ${e.configTag}` : ''}${e.iface ? ` ${e.iface}` : ''}: ${e.cause}`,
        start: e.start.wall ?? null,
        end: e.end?.wall ?? null,
        durationMs: e.durationMs,
        outcome: e.ongoing ? 'ongoing' : 'recovered',
      })),
      ...status.episodes.holdover.map((e) => ({
        kind: 'holdover' as const,
        what: `${e.source}${e.configTag ? ` ${e.configTag}` : ''}${e.iface ? ` ${e.iface}` : ''}`,
        start: e.start.wall ?? null,
        end: e.end?.wall ?? null,
        durationMs: e.durationMs,
        outcome: e.outcome,
      })),
    ].sort((a, b) => (a.start ?? 0) - (b.start ?? 0)),
    findings: findings.map(findingView),
  };
}

/** Sync-loss and holdover episodes as spans of their own lanes. */
function episodeLanes(status: Diagnosis['nodes'][number], range: { from: number; to: number }): Lane[] {
  const lane = (label: string, spans: { start?: number; end?: number; state: string }[]): Lane[] => {
    const dated = spans.filter((s) => s.start !== undefined);
    if (dated.length === 0) return [];
    return [
      {
        group: 'episode',
        label,
        segments: dated.flatMap((s) =>
          segments([{ time: s.start!, from: null, to: s.state }], {
            from: range.from,
            to: s.end ?? range.to,
          }),
        ),
        marks: [],
      },
    ];
  };
  return [
    ...lane(
      'sync loss',
      status.episodes.syncLoss.map((e) => ({ start: e.start.wall, end: e.end?.wall, state: 'lost' })),
    ),
    ...lane(
      'holdover',
      status.episodes.holdover.map((e) => ({ start: e.start.wall, end: e.end?.wall, state: 'HOLDOVER' })),
    ),
  ];
}
