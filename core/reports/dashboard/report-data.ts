import type { Diagnosis } from '../../model/diagnosis.js';
import type { Snapshot } from '../../model/snapshot.js';
import { clusterView } from './cluster-view.js';
import { nodeView } from './node-view.js';
import type { ReportData } from './view-schema.js';

/**
 * What `diagnose --format html` embeds: the cluster view and every node's page, so the one file shows
 * what the dashboard would; `snapshot` is the reading the diagnosis was made from (its offset samples).
 */
export function diagnosisReportData(diagnosis: Diagnosis, snapshot: Snapshot, width?: number): ReportData {
  const recorded = new Set(snapshot.nodes.map((n) => n.name));
  return {
    kind: 'diagnosis',
    cluster: clusterView(diagnosis),
    nodes: Object.fromEntries(
      diagnosis.nodes
        .filter((n) => recorded.has(n.node))
        .map((n) => [n.node, nodeView(diagnosis, snapshot, n.node, width)]),
    ),
  };
}
