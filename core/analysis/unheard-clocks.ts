import type { PtpInstance } from '../model/clock-hierarchy.js';
import type { NodeStatus } from '../model/node-status.js';
import type { NodeSnapshot, Snapshot } from '../model/snapshot.js';
import { findOption, portSections } from '../parsers/linuxptp-config-lookup.js';
import { clockOfPort, ptpInstance } from './ptp-instances.js';

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

/** Every node's ptp4l instances with pmc answers (`statuses` in the order of `snapshot.nodes`). */
export function snapshotListeningClocks(
  snapshot: Snapshot,
  statuses: readonly NodeStatus[],
): ListeningClock[] {
  return snapshot.nodes.flatMap((node, i) => {
    const status = statuses[i];
    const follows = status?.role === 'T-BC' || status?.role === 'T-TSC';
    return listeningClocks(node, follows, status?.plainHost === true);
  });
}

/**
 * The ptp4l instances of a node with pmc answers, as far as a mismatch on the link is concerned: ptp4l drops
 * every message of another domainNumber (port.c port_ignore) and an L2 port (raw.c, ethertype 0x88F7)
 * never reads UDPv4 (udp.c, ports 319/320), nor the other way round. `follows` says whether the node is
 * meant to follow a master (a T-BC or T-TSC). The transport is the port section's network_transport, else
 * [global]'s; without either, linuxptp's default UDPv4 on a plain host, unknown where a command line
 * (ptp4lOpts -2/-4/-6) may set it.
 */
function listeningClocks(node: NodeSnapshot, follows: boolean, plainHost: boolean): ListeningClock[] {
  return node.pmc.map((entry) => {
    const instance = ptpInstance(entry.configFile, entry.output);
    const config = node.configs.find((c) => c.file === entry.configFile)?.config;
    const ifaces = config ? [...new Set(portSections(config).map((section) => section.name))] : [];
    const transports = ifaces.map(
      (iface) =>
        findOption(config!, 'network_transport', iface)?.value.trim() ?? (plainHost ? 'UDPv4' : null),
    );
    const domainOption = config && findOption(config, 'domainNumber')?.value.trim();
    return {
      node: node.name,
      configFile: entry.configFile,
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

/**
 * For a node, its clocks that hear no master against what the clocks of the other nodes serve: a node alone
 * (one host) can only say that it hears nothing; the snapshot can name a domain or a transport nobody serves.
 */
export function unheardFacts(node: string, clocks: readonly ListeningClock[]): UnheardFacts {
  const own = clocks.filter((clock) => clock.node === node && clock.unheard);
  const servers = clocks.filter((clock) => clock.node !== node && clock.servingPorts.length > 0);
  const servedDomains = unique(servers.map((clock) => clock.domain));
  const servedTransports = unique(
    servers.flatMap((clock) => clock.servingPorts.map((port) => clock.transports[port - 1] ?? null)),
  );
  const ownDomains = unique(own.map((clock) => clock.domain));
  const ownTransports = unique(own.flatMap((clock) => clock.transports));
  const known = <T>(values: (T | null)[]) => values.length > 0 && values.every((value) => value !== null);
  return {
    configs: own.map((clock) => clock.configFile).join(', '),
    domains: ownDomains.join(', '),
    transports: ownTransports.join(', '),
    servedBy: unique(servers.map((clock) => clock.node)).join(', '),
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
