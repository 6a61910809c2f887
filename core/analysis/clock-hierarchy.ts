import type { ClockHierarchy, HierarchyLink, PtpInstance } from '../model/clock-hierarchy.js';
import type { NodeStatus } from '../model/node-status.js';
import { naturalCompare } from '../natural-compare.js';
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
  const links = actingGrandmasters(
    nodes,
    nodes.map((node) => linkOf(node, owners)),
  );
  const externalParents = links
    .filter((link) => link.parentPortIdentity !== null && link.parentNode === null && !link.ownGrandmaster)
    .map((link) => ({ node: link.node, parentPortIdentity: link.parentPortIdentity! }));
  const known = new Set(nodes.map((n) => n.node));
  // Grandmasters of their own time first, then nodes that lost their upstream, then the rest, by name.
  const rank = (link: HierarchyLink) =>
    link.ownGrandmaster ? (link.grandmasterNode === link.node && !link.actingGrandmaster ? 0 : 1) : 2;
  const roots = links
    .filter((link) => link.parentNode === null || !known.has(link.parentNode))
    .sort((a, b) => rank(a) - rank(b) || naturalCompare(a.node, b.node))
    .map((link) => link.node);
  return { links, roots, externalParents };
}

/**
 * A T-BC whose daemon state machine left LOCKED (T-BC-STATUS HOLDOVER or FREERUN) sends its controlled
 * ptp4l EXTERNAL_GRANDMASTER_PROPERTIES_NP with its own clock identity and stepsRemoved 0, and its own class
 * (linuxptp-daemon pkg/event/event_tbc.go updateDownstreamData → announceLocalData; seen in the corpus T-BC
 * log: `EGP {GrandmasterIdentity:507c6f.fffe.1fb1b8 StepsRemoved:0}` right after `BC FSM: LOCKED to
 * HOLDOVER`). Its followers then see it as their grandmaster, one step away, at that class.
 */
function actingGrandmasters(nodes: readonly NodeStatus[], links: HierarchyLink[]): HierarchyLink[] {
  const acting = new Map<string, HierarchyLink>();
  const byName = new Map(nodes.map((n) => [n.node, n]));
  const result = links.map((link) => {
    const node = byName.get(link.node);
    const machine = node?.processes.find((p) => p.name === 'T-BC');
    if (node?.role !== 'T-BC' || (machine?.state !== 'HOLDOVER' && machine?.state !== 'FREERUN')) return link;
    const own =
      node.ptpInstances.find((i) => i.clockIdentity !== null && !hasUpstream(i))?.clockIdentity ??
      node.ptpInstances.find((i) => i.clockIdentity !== null)?.clockIdentity ??
      (node.grandmaster?.local ? node.grandmaster.identity : null);
    const updated: HierarchyLink = {
      // ownGrandmaster stays what pmc or the logs say of its upstream (a port may still be SLAVE).
      ...link,
      actingGrandmaster: true,
      // Its own identity, when pmc or the logs name it; never the upstream grandmaster it no longer follows.
      grandmasterIdentity: own,
      grandmasterNode: node.node,
      stepsRemoved: 0,
      gmClockClass: node.clockClass.current ?? link.gmClockClass,
    };
    acting.set(node.node, updated);
    return updated;
  });
  return result.map((link) => {
    const parent = link.parentNode === null ? undefined : acting.get(link.parentNode);
    if (!parent || link.actingGrandmaster) return link;
    return {
      ...link,
      grandmasterIdentity: parent.grandmasterIdentity,
      grandmasterNode: parent.node,
      stepsRemoved: 1,
      gmClockClass: parent.gmClockClass,
    };
  });
}

/**
 * Each node with the grandmaster its clock announces: a T-BC acting as grandmaster (see actingGrandmasters)
 * announces the identity of its EXTERNAL_GRANDMASTER_PROPERTIES_NP, which its followers see, not the one
 * its time-receiver ptp4l picked for itself once its upstream was gone (`selected local clock`).
 */
export function withAnnouncedGrandmasters(
  nodes: readonly NodeStatus[],
  hierarchy: ClockHierarchy,
): NodeStatus[] {
  const linkByNode = new Map(hierarchy.links.map((l) => [l.node, l]));
  return nodes.map((node) => {
    const link = linkByNode.get(node.node);
    const identity = link?.actingGrandmaster ? link.grandmasterIdentity : null;
    if (!identity || !node.grandmaster || node.grandmaster.identity === identity) return node;
    const instance = node.ptpInstances.find((i) => i.clockIdentity === identity);
    return {
      ...node,
      grandmaster: {
        ...node.grandmaster,
        identity,
        local: true,
        configTag: instance ? instance.configFile.replace(/^.*\//, '') : node.grandmaster.configTag,
      },
    };
  });
}

function linkOf(node: NodeStatus, owners: Map<string, string>): HierarchyLink {
  const base = { node: node.node, role: node.role, actingGrandmaster: false };
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
      source: reference.source,
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
