import type { ClockHierarchy, HierarchyLink, PtpInstance } from '../model/clock-hierarchy.js';
import type { NodeStatus } from '../model/node-status.js';
import { clockOfPort } from './ptp-instances.js';

/**
 * Which node takes its time from which, across the cluster. From pmc: a node's follower instance is
 * the ptp4l whose parent port belongs to another clock; that clock's owner is the parent node, and
 * PARENT_DATA_SET names the grandmaster. A node whose instances all are their own parents is its own
 * grandmaster (a T-GM, or a clock that lost its upstream). Without pmc answers the logs stand in: the
 * last foreign master of the SLAVE port and the last selected best master.
 */
export function clockHierarchy(nodes: readonly NodeStatus[]): ClockHierarchy {
  const owners = new Map<string, string>();
  for (const node of nodes) {
    for (const instance of node.ptpInstances)
      if (instance.clockIdentity) owners.set(instance.clockIdentity, node.node);
    if (node.grandmaster?.local) owners.set(node.grandmaster.identity, node.node);
  }
  const links = nodes.map((node) => linkOf(node, owners));
  const externalParents = links
    .filter((link) => link.parentPortIdentity !== null && link.parentNode === null && !link.ownGrandmaster)
    .map((link) => ({ node: link.node, parentPortIdentity: link.parentPortIdentity! }));
  const known = new Set(nodes.map((n) => n.node));
  // Grandmasters of their own time first, then nodes that lost their upstream, then the rest, by name.
  const rank = (link: HierarchyLink) =>
    link.ownGrandmaster ? (link.grandmasterNode === link.node ? 0 : 1) : 2;
  const roots = links
    .filter((link) => link.parentNode === null || !known.has(link.parentNode))
    .sort((a, b) => rank(a) - rank(b) || a.node.localeCompare(b.node))
    .map((link) => link.node);
  return { links, roots, externalParents };
}

function linkOf(node: NodeStatus, owners: Map<string, string>): HierarchyLink {
  const base = { node: node.node, role: node.role };
  const instances = node.ptpInstances.filter((instance) => instance.clockIdentity !== null);
  if (instances.length > 0) {
    const follower = instances.find(hasUpstream);
    const reference = follower ?? instances[0]!;
    const parentPortIdentity = follower?.parentPortIdentity ?? null;
    const grandmasterIdentity = reference.grandmasterIdentity;
    return {
      ...base,
      parentNode: parentPortIdentity ? (owners.get(clockOfPort(parentPortIdentity)) ?? null) : null,
      parentPortIdentity,
      grandmasterIdentity,
      grandmasterNode: grandmasterIdentity ? (owners.get(grandmasterIdentity) ?? null) : null,
      ownGrandmaster: follower === undefined,
      stepsRemoved: follower ? follower.stepsRemoved : 0,
      gmClockClass: reference.gmClockClass,
      source: 'pmc',
    };
  }
  const upstream = node.upstreamFromLogs;
  const grandmaster = node.grandmaster;
  if (!upstream && !grandmaster) {
    return {
      ...base,
      parentNode: null,
      parentPortIdentity: null,
      grandmasterIdentity: null,
      grandmasterNode: null,
      ownGrandmaster: false,
      stepsRemoved: null,
      gmClockClass: null,
      source: 'none',
    };
  }
  const ownGrandmaster = grandmaster?.local === true && !upstream;
  return {
    ...base,
    parentNode: upstream ? (owners.get(clockOfPort(upstream.portIdentity)) ?? null) : null,
    parentPortIdentity: upstream?.portIdentity ?? null,
    grandmasterIdentity: grandmaster?.identity ?? null,
    grandmasterNode: grandmaster ? (owners.get(grandmaster.identity) ?? null) : null,
    ownGrandmaster,
    stepsRemoved: ownGrandmaster ? 0 : null,
    gmClockClass: null,
    source: 'logs',
  };
}

function hasUpstream(instance: PtpInstance): boolean {
  return (
    instance.parentPortIdentity !== null &&
    clockOfPort(instance.parentPortIdentity) !== instance.clockIdentity
  );
}

/** The nodes below `root`, depth first, for rendering the tree. */
export function childrenOf(hierarchy: ClockHierarchy, node: string): HierarchyLink[] {
  return hierarchy.links.filter((link) => link.parentNode === node && link.node !== node);
}
