import type { FleetHealth } from '../../../core/fleet/fleet-health.js';
import { renderTable } from './table.js';

/** The human form of a fleet's diagnosis: one line per cluster, its worst nodes, then the warnings. */
export function renderFleet(fleet: FleetHealth): string {
  const out: string[] = [];
  const unread = fleet.warnings.length > 0 ? `, ${fleet.warnings.length} could not be read` : '';
  out.push(
    `PTP health of a fleet of ${fleet.clusters.length + fleet.warnings.length} cluster(s)${unread}: ${fleet.health}, ${fleet.nodes} node(s) read in ${(fleet.readMs / 1000).toFixed(1)} s`,
  );
  out.push('');
  out.push(
    renderTable(
      ['CONTEXT', 'HEALTH', 'NODES', 'UNKNOWN', 'CRITICAL', 'MODERATE', 'MINOR', 'GRANDMASTERS'],
      fleet.clusters.map((c) => [
        c.context,
        c.health,
        String(c.nodes),
        String(c.unknown),
        String(c.bySeverity.critical ?? 0),
        String(c.bySeverity.moderate ?? 0),
        String(c.bySeverity.minor ?? 0),
        c.grandmasters
          .map((g) => `${g.node ?? g.identity}${g.clockClass !== null ? ` class ${g.clockClass}` : ''}`)
          .join(', ') || '-',
      ]),
    ),
  );
  for (const cluster of fleet.clusters.filter((c) => c.worstNodes.length > 0)) {
    out.push('', `${cluster.context}: worst nodes`);
    for (const node of cluster.worstNodes)
      out.push(`  ${node.node} ${node.health}${node.worst[0] ? ` — ${node.worst[0]}` : ''}`);
  }
  if (fleet.warnings.length > 0) out.push('');
  for (const warning of fleet.warnings)
    out.push(`warning: cluster ${warning.context} could not be read: ${warning.message}`);
  return `${out.join('\n')}\n`;
}
