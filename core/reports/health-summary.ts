import type { Diagnosis } from '../model/diagnosis.js';

/**
 * The cluster's health in words, with how many nodes are unknown (no line of their daemon log could be
 * read): `MODERATE`, `UNKNOWN, 6 of 6 nodes unknown`. One wording for the CLI and the MCP tools.
 */
export function healthSummary(diagnosis: {
  health: Diagnosis['health'];
  nodes: readonly unknown[];
  meta: Pick<Diagnosis['meta'], 'partial'>;
}): string {
  const { partial } = diagnosis.meta;
  // Data read with --partial: the health of what could be read, not of the whole deployment.
  const cluster = `${diagnosis.health.cluster}${partial ? ` (partial data: ${partial.reasons.length} part(s) of the snapshot could not be read)` : ''}`;
  const { unknown } = diagnosis.health;
  if (unknown.length === 0) return cluster;
  return `${cluster}, ${unknown.length} of ${diagnosis.nodes.length} node(s) unknown (no line of their daemon log could be read: ${unknown.join(', ')})`;
}

/** How long the source took to read, for a report's header: `read in 12.3 s`. */
export function readTime(diagnosis: Pick<Diagnosis, 'readMs'>): string {
  return `read in ${(diagnosis.readMs / 1000).toFixed(1)} s`;
}
