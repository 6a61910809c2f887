import { z } from 'zod';
import type { Diagnosis } from '../model/diagnosis.js';
import { Health, healthRank, SEVERITIES } from '../model/finding.js';
import { findingsByNode } from '../reports/findings-by-node.js';

/** How many of a cluster's nodes a fleet answer names: the worst, with their worst findings. */
export const WORST_NODES = 5;

/** One cluster of a fleet as an answer shows it: its health, its worst nodes, its grandmasters. */
export const ClusterHealth = z.object({
  /** The kubeconfig context it was read through. */
  context: z.string(),
  health: Health,
  nodes: z.number().int(),
  /** Nodes of which no line of their daemon log could be read. */
  unknown: z.number().int(),
  bySeverity: z.record(z.string(), z.number().int()),
  worstNodes: z.array(z.object({ node: z.string(), health: Health, worst: z.array(z.string()) })),
  /** The grandmasters the cluster's clocks follow: identity, the node that is it (if in the cluster), followers. */
  grandmasters: z.array(
    z.object({
      identity: z.string(),
      node: z.string().nullable(),
      syncState: z.string().nullable(),
      clockClass: z.number().nullable(),
      followers: z.number().int(),
    }),
  ),
  /** What of the cluster could not be read (the rest was diagnosed). */
  warnings: z.number().int(),
  readMs: z.number(),
});
export type ClusterHealth = z.infer<typeof ClusterHealth>;

/** A cluster's diagnosis made small: a fleet holds fifty of these, never fifty diagnoses. */
export function clusterHealth(context: string, diagnosis: Diagnosis): ClusterHealth {
  const findingsOf = findingsByNode(diagnosis.findings);
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding of diagnosis.findings) bySeverity[finding.severity]!++;
  const healthOfNode = (node: string) => diagnosis.health.nodes[node] ?? 'UNKNOWN';
  const worstNodes = diagnosis.nodes
    .map((n) => ({ node: n.node, health: healthOfNode(n.node), findings: findingsOf.get(n.node) ?? [] }))
    .filter((n) => n.health !== 'HEALTHY')
    .sort(
      (a, b) =>
        healthRank(b.health) - healthRank(a.health) ||
        b.findings.length - a.findings.length ||
        a.node.localeCompare(b.node),
    )
    .slice(0, WORST_NODES)
    .map((n) => ({
      node: n.node,
      health: n.health,
      // Findings come worst first: the node's first ones are its worst.
      worst: n.findings.slice(0, 2).map((f) => `${f.rule}: ${f.message}`),
    }));
  return {
    context,
    health: diagnosis.health.cluster,
    nodes: diagnosis.nodes.length,
    unknown: diagnosis.health.unknown.length,
    bySeverity,
    worstNodes,
    grandmasters: grandmastersOf(diagnosis),
    warnings: diagnosis.warnings.length,
    readMs: diagnosis.readMs,
  };
}

function grandmastersOf(diagnosis: Diagnosis): ClusterHealth['grandmasters'] {
  const followers = new Map<string, number>();
  const own = new Map<string, Diagnosis['nodes'][number]>();
  for (const node of diagnosis.nodes) {
    const identity = node.grandmaster?.identity;
    if (identity === undefined) continue;
    if (node.grandmaster!.local) own.set(identity, node);
    else followers.set(identity, (followers.get(identity) ?? 0) + 1);
  }
  const identities = [...new Set([...own.keys(), ...followers.keys()])].sort();
  return identities.map((identity) => {
    const node = own.get(identity);
    return {
      identity,
      node: node?.node ?? null,
      syncState: node?.syncState ?? null,
      clockClass: node?.clockClass.current ?? null,
      followers: followers.get(identity) ?? 0,
    };
  });
}
