import type { Diagnosis } from '../../model/diagnosis.js';
import type { Finding } from '../../model/finding.js';
import type { NodeStatus } from '../../model/node-status.js';
import type { PtpConfig } from '../../model/ptp-config.js';
import { runtimeEvaluations } from '../../rules/facts/runtime-evaluations.js';
import type { NodeFacts } from '../../rules/facts/runtime-fact-schema.js';
import type { ClusterView, NodeRow } from './view-schema.js';

/**
 * The node facts the runtime packs judged (offsets of the process that decides the lock state, the
 * ptpClockThreshold bound): the dashboard shows the numbers the findings were made from.
 */
export function nodeFactsByName(
  diagnosis: Pick<Diagnosis, 'meta' | 'nodes' | 'hierarchy' | 'window'>,
  ptpConfigs: readonly PtpConfig[] = [],
): Map<string, NodeFacts> {
  const evaluations = runtimeEvaluations(diagnosis, ptpConfigs).node ?? [];
  return new Map(
    evaluations.map((evaluation) => [evaluation.subject.node!, evaluation.facts.node as NodeFacts]),
  );
}

/** Every node at a glance, the clock hierarchy and the cluster's own findings. */
export function clusterView(diagnosis: Diagnosis): ClusterView {
  const facts = nodeFactsByName(diagnosis);
  const findingsOf = new Map<string, number>();
  for (const finding of diagnosis.findings) {
    const node = finding.subject.node;
    if (node !== undefined) findingsOf.set(node, (findingsOf.get(node) ?? 0) + 1);
  }
  const health = diagnosis.health.nodes;
  const externals = new Map(diagnosis.hierarchy.externalParents.map((e) => [e.node, e.parentPortIdentity]));
  return {
    kind: 'cluster',
    origin: diagnosis.meta.origin,
    cluster: diagnosis.meta.cluster,
    dataTime: dataTimeOf(diagnosis.meta),
    health: diagnosis.health.cluster,
    partial: diagnosis.meta.partial?.reasons ?? null,
    nodes: diagnosis.nodes.map((node) =>
      nodeRow(node, health[node.node] ?? 'UNKNOWN', facts.get(node.node), findingsOf.get(node.node) ?? 0),
    ),
    hierarchy: diagnosis.hierarchy.links.map((link) => ({
      node: link.node,
      role: link.role,
      health: health[link.node] ?? 'UNKNOWN',
      parentNode: link.parentNode,
      stepsRemoved: link.stepsRemoved,
      gmClockClass: link.gmClockClass,
      ownGrandmaster: link.ownGrandmaster,
      actingGrandmaster: link.actingGrandmaster,
      externalParent: externals.get(link.node) ?? null,
    })),
    clusterFindings: diagnosis.findings.filter((f) => f.subject.node === undefined).map(findingView),
    warnings: diagnosis.warnings.length,
  };
}

export function nodeRow(
  node: NodeStatus,
  health: NodeRow['health'],
  facts: NodeFacts | undefined,
  findings: number,
): NodeRow {
  const holdover = node.episodes.holdover.at(-1);
  return {
    node: node.node,
    health,
    role: node.role,
    state: node.syncState,
    syncSource: node.syncSource,
    grandmaster: node.grandmaster?.identity ?? null,
    grandmasterLocal: node.grandmaster?.local ?? false,
    clockClass: node.clockClass.current,
    offsetAbsNs: facts?.offset?.maxAbs ?? null,
    offsetProcess: facts?.offset?.process ?? null,
    holdover: holdover
      ? { outcome: holdover.outcome, start: holdover.start.wall ?? null, durationMs: holdover.durationMs }
      : null,
    findings,
  };
}

export function findingView(finding: Finding) {
  return {
    severity: finding.severity,
    rule: finding.rule,
    title: finding.title,
    node: finding.subject.node ?? null,
    process: finding.subject.process ?? null,
    message: finding.message,
    evidence: finding.evidence,
    remediation: finding.remediation ?? null,
  };
}

export function dataTimeOf(meta: Diagnosis['meta']) {
  return {
    first: meta.dataRange.first?.wall ?? null,
    last: meta.dataRange.last?.wall ?? null,
    recordedAt: meta.recordedAt,
  };
}
