import type { Finding } from '../model/finding.js';

/**
 * Findings by the node they are about (undefined: the cluster's), in their order, grouped once: a filter
 * per node is quadratic in a cluster of thousands of nodes.
 */
export function findingsByNode(findings: readonly Finding[]): Map<string | undefined, Finding[]> {
  const byNode = new Map<string | undefined, Finding[]>();
  for (const finding of findings) {
    const list = byNode.get(finding.subject.node);
    if (list) list.push(finding);
    else byNode.set(finding.subject.node, [finding]);
  }
  return byNode;
}
