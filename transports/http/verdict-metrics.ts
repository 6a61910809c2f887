import { Gauge, Registry } from 'prom-client';
import type { DiagnosisCache } from '../../core/diagnosis-cache.js';
import type { Diagnosis } from '../../core/model/diagnosis.js';
import { HEALTH_STATES } from '../../core/model/finding.js';
import { SyncState } from '../../core/model/log-record.js';

/**
 * The verdicts of the server's default source as Prometheus gauges (docs/metrics.md): node and cluster
 * health, findings by severity and rule, clock class, sync state, |offset| p99 of the last window and
 * holdover. Read from the diagnosis the tools share (DiagnosisCache), so a scrape costs no new reading of
 * the source while one is fresh; every judgment is the rule packs', these only report it.
 */
export async function verdictMetrics(cache: DiagnosisCache, source: string): Promise<string> {
  const registry = new Registry();
  const success = gauge(
    registry,
    'ptp_mcp_diagnosis_success',
    'The diagnosis behind these metrics succeeded (1) or failed (0).',
    [],
  );
  let diagnosis: Diagnosis;
  try {
    diagnosis = await cache.diagnose({ source });
  } catch {
    // The source could not be read at all (no node's log): the failure is this gauge, the reason the tools'.
    success.set(0);
    return registry.metrics();
  }
  success.set(1);
  fill(registry, diagnosis);
  return registry.metrics();
}

/** The gauges of one diagnosis, each scrape on a registry of its own (concurrent scrapes never mix). */
function fill(registry: Registry, diagnosis: Diagnosis): void {
  const cluster = diagnosis.meta.cluster;
  const nodeHealth = gauge(
    registry,
    'ptp_mcp_node_health',
    'Health of each node: 1 for its state, 0 for the others (the worst severity among its findings).',
    ['cluster', 'node', 'state'],
  );
  for (const [node, health] of Object.entries(diagnosis.health.nodes))
    for (const state of HEALTH_STATES) nodeHealth.set({ cluster, node, state }, state === health ? 1 : 0);
  const clusterHealth = gauge(
    registry,
    'ptp_mcp_cluster_health',
    'Health of the cluster: 1 for its state, 0 for the others.',
    ['cluster', 'state'],
  );
  for (const state of HEALTH_STATES)
    clusterHealth.set({ cluster, state }, state === diagnosis.health.cluster ? 1 : 0);

  const findings = gauge(
    registry,
    'ptp_mcp_findings',
    'Findings of the rule packs (suppressed ones apart), by node ("" for the cluster), severity and rule.',
    ['cluster', 'node', 'severity', 'rule'],
  );
  for (const finding of diagnosis.findings)
    findings.inc({
      cluster,
      node: finding.subject.node ?? '',
      severity: finding.severity,
      rule: finding.rule,
    });

  const clockClass = gauge(
    registry,
    'ptp_mcp_node_clock_class',
    'The clock class of each node at the end of its data (absent when unknown).',
    ['cluster', 'node'],
  );
  const syncState = gauge(
    registry,
    'ptp_mcp_node_sync_state',
    "Each node's synchronization state: 1 for its state, 0 for the others.",
    ['cluster', 'node', 'state'],
  );
  const offset = gauge(
    registry,
    'ptp_mcp_offset_abs_p99_ns',
    "p99 of |offset| (ns) over the last window of each process' data (the last minute).",
    ['cluster', 'node', 'process', 'config'],
  );
  const holdover = gauge(
    registry,
    'ptp_mcp_holdover_seconds',
    'How long the ongoing holdover has lasted at the end of the data (0 when not in holdover).',
    ['cluster', 'node'],
  );
  for (const status of diagnosis.nodes) {
    const node = status.node;
    if (status.clockClass.current !== null) clockClass.set({ cluster, node }, status.clockClass.current);
    for (const state of SyncState.options)
      syncState.set({ cluster, node, state }, state === status.syncState ? 1 : 0);
    for (const process of status.processes) {
      const p99 = process.recent?.p99Abs;
      if (p99 !== null && p99 !== undefined)
        offset.set({ cluster, node, process: process.name, config: process.configTag ?? '' }, p99);
    }
    const ongoing = status.episodes.holdover
      .filter((e) => e.outcome === 'ongoing')
      .map((e) => e.durationMs ?? 0);
    holdover.set({ cluster, node }, Math.max(0, ...ongoing) / 1000);
  }
  const end = diagnosis.meta.dataRange.last?.wall;
  if (end !== undefined)
    gauge(
      registry,
      'ptp_mcp_data_end_timestamp_seconds',
      'The latest time found in the data (the end every verdict is measured to).',
      ['cluster'],
    ).set({ cluster }, end / 1000);
}

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]): Gauge<L> {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}
