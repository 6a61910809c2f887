import type { PtpInstance } from '../model/clock-hierarchy.js';
import type { NodeStatus } from '../model/node-status.js';
import type { NodeSnapshot, Snapshot } from '../model/snapshot.js';
import { findOption, portSections } from '../parsers/linuxptp-config-lookup.js';
import { clockOfPort } from './ptp-instances.js';

/** Port states in which a port follows a master (port.c: a time receiver, or becoming one). */
const FOLLOWING = new Set(['SLAVE', 'UNCALIBRATED']);
/** Port states in which a port sends Announce and Sync. */
const SERVING = new Set(['MASTER', 'GRAND_MASTER', 'PRE_MASTER']);

/** What one ptp4l listens on and serves, from its pmc answers and its config. */
export interface ListeningClock {
  node: string;
  configFile: string;
  domain: number | null;
  /** It should follow a master (slave-only, or on a T-BC/T-TSC) but follows none: no port SLAVE/UNCALIBRATED, its own parent. */
  unheard: boolean;
  /** The transport of each port by number (1 = the first interface section), null when unknown. */
  transports: (string | null)[];
  servingPorts: number[];
}

/** Why a node's clocks hear no master, as far as the whole snapshot tells (empty strings: nothing to say). */
export interface UnheardFacts {
  configs: string;
  domains: string;
  transports: string;
  servedBy: string;
  servedDomains: string;
  servedTransports: string;
  /** Clocks of other nodes serve, and none on the domainNumber this node's unheard clock listens on. */
  domainUnserved: boolean;
  /** Clocks of other nodes serve, all with a known transport, and none on this node's unheard clock's. */
  transportUnserved: boolean;
}

/** Every node's ptp4l instances as pmc or its logs describe them (`statuses` in the order of `snapshot.nodes`). */
export function snapshotListeningClocks(
  snapshot: Snapshot,
  statuses: readonly NodeStatus[],
): ListeningClock[] {
  return snapshot.nodes.flatMap((node, i) => {
    const status = statuses[i];
    const follows = status?.role === 'T-BC' || status?.role === 'T-TSC';
    return listeningClocks(node, status?.ptpInstances ?? [], follows, status?.plainHost === true);
  });
}

/**
 * The ptp4l instances of a node (logged-instances.ts), as far as a mismatch on the link is concerned: ptp4l drops
 * every message of another domainNumber (port.c port_ignore) and an L2 port (raw.c, ethertype 0x88F7)
 * never reads UDPv4 (udp.c, ports 319/320), nor the other way round. `follows` says whether the node is
 * meant to follow a master (a T-BC or T-TSC). The transport is the port section's network_transport, else
 * [global]'s; without either, linuxptp's default UDPv4 on a plain host, unknown where a command line
 * (ptp4lOpts -2/-4/-6) may set it.
 */
function listeningClocks(
  node: NodeSnapshot,
  instances: readonly PtpInstance[],
  follows: boolean,
  plainHost: boolean,
): ListeningClock[] {
  return instances.map((instance) => {
    const config = node.configs.find((c) => c.file === instance.configFile)?.config;
    const ifaces = config ? [...new Set(portSections(config).map((section) => section.name))] : [];
    const transports = ifaces.map(
      (iface) =>
        findOption(config!, 'network_transport', iface)?.value.trim() ?? (plainHost ? 'UDPv4' : null),
    );
    const domainOption = config && findOption(config, 'domainNumber')?.value.trim();
    return {
      node: node.name,
      configFile: instance.configFile,
      domain: instance.domainNumber ?? (domainOption ? Number(domainOption) : plainHost ? 0 : null),
      unheard: (instance.slaveOnly === true || follows) && followsNothing(instance),
      transports,
      servingPorts: instance.ports
        .filter((port) => SERVING.has(port.state))
        .map((port) => Number(port.portIdentity.split('-').at(-1))),
    };
  });
}

function followsNothing(instance: PtpInstance): boolean {
  if (instance.ports.length === 0 || instance.ports.some((port) => FOLLOWING.has(port.state))) return false;
  const parent = instance.parentPortIdentity && clockOfPort(instance.parentPortIdentity);
  return parent !== null && parent === instance.clockIdentity;
}

/** Nodes named in a message; a fleet's serving nodes are summed up after these. */
const MAX_NAMED = 10;

/**
 * What the clocks of a snapshot serve, counted once: searching every clock for every node is quadratic in a
 * fleet (2,000 nodes: 1.4 s).
 */
export interface ServingIndex {
  byNode: Map<string, ListeningClock[]>;
  /** Serving clocks per domain and per transport, in the order first seen. */
  domains: Map<number | null, number>;
  transports: Map<string | null, number>;
  /** The nodes with a serving clock, in the order first seen. */
  servers: string[];
}

export function servingIndex(clocks: readonly ListeningClock[]): ServingIndex {
  const index: ServingIndex = { byNode: new Map(), domains: new Map(), transports: new Map(), servers: [] };
  for (const clock of clocks) {
    const list = index.byNode.get(clock.node);
    if (list) list.push(clock);
    else index.byNode.set(clock.node, [clock]);
    tally(index, clock, 1);
  }
  for (const [node, list] of index.byNode) if (list.some(serves)) index.servers.push(node);
  return index;
}

function serves(clock: ListeningClock): boolean {
  return clock.servingPorts.length > 0;
}

/** Adds (or, with -1, takes away) one clock's domain and the transports of its serving ports. */
function tally(counts: Pick<ServingIndex, 'domains' | 'transports'>, clock: ListeningClock, sign: 1 | -1) {
  if (!serves(clock)) return;
  counts.domains.set(clock.domain, (counts.domains.get(clock.domain) ?? 0) + sign);
  const transports = unique(clock.servingPorts.map((port) => clock.transports[port - 1] ?? null));
  for (const t of transports) counts.transports.set(t, (counts.transports.get(t) ?? 0) + sign);
}

/**
 * For a node, its clocks that hear no master against what the clocks of the other nodes serve: a node alone
 * (one host) can only say that it hears nothing; the snapshot can name a domain or a transport nobody serves.
 */
export function unheardFacts(node: string, index: ServingIndex): UnheardFacts {
  const clocks = index.byNode.get(node) ?? [];
  const own = clocks.filter((clock) => clock.unheard);
  // What the others serve: the whole snapshot's counts less this node's own (domains and transports are few).
  const others = { domains: new Map(index.domains), transports: new Map(index.transports) };
  for (const clock of clocks) tally(others, clock, -1);
  const present = <T>(counts: Map<T, number>) => [...counts].filter(([, n]) => n > 0).map(([value]) => value);
  const servedDomains = present(others.domains);
  const servedTransports = present(others.transports);
  // The serving nodes but this one: the first few named, the rest counted (a fleet has thousands).
  const named = index.servers.filter((server, i) => i <= MAX_NAMED && server !== node).slice(0, MAX_NAMED);
  const servers = index.servers.length - (clocks.some(serves) ? 1 : 0);
  const ownDomains = unique(own.map((clock) => clock.domain));
  const ownTransports = unique(own.flatMap((clock) => clock.transports));
  const known = <T>(values: (T | null)[]) => values.length > 0 && values.every((value) => value !== null);
  return {
    configs: own.map((clock) => clock.configFile).join(', '),
    domains: ownDomains.join(', '),
    transports: ownTransports.join(', '),
    servedBy: named.join(', ') + (servers > MAX_NAMED ? ` and ${servers - MAX_NAMED} more` : ''),
    servedDomains: servedDomains.join(', '),
    servedTransports: servedTransports.join(', '),
    domainUnserved:
      known(ownDomains) && known(servedDomains) && ownDomains.every((d) => !servedDomains.includes(d)),
    transportUnserved:
      known(ownTransports) &&
      known(servedTransports) &&
      ownTransports.every((t) => !servedTransports.includes(t)),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
