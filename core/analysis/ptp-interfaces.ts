import type { NodeSnapshot } from '../model/snapshot.js';

/** What ethtool -T says of PTP: hardware (a PHC with hardware time stamps), software only, or none. */
export type TimestampingSupport = 'hardware' | 'software' | 'none' | 'unknown';

/**
 * From `ethtool -T`; without it, hardware where the daemon's NodePtpDevice lists the interface (it lists
 * only interfaces its own `ethtool -T` found hardware time stamping on: NodeSnapshot nics.listedPtpDevice).
 */
export function timestampingSupport(
  nic: Pick<NodeSnapshot['nics'][number], 'timestamping' | 'listedPtpDevice'> | undefined,
): TimestampingSupport {
  const timestamping = nic?.timestamping;
  if (!timestamping) return nic?.listedPtpDevice ? 'hardware' : 'unknown';
  if (timestamping.hardwareTimestamping) return 'hardware';
  return timestamping.softwareOnly ? 'software' : 'none';
}

/**
 * The interfaces a node's rendered linuxptp configs use (their sections other than global, nmea and the
 * unicast tables), each with the config files that name it.
 */
export function configuredInterfaces(node: Pick<NodeSnapshot, 'configs'>): Map<string, string[]> {
  const byIface = new Map<string, string[]>();
  for (const config of node.configs) {
    for (const section of config.config.sections) {
      const name = section.name;
      if (name === 'global' || name === 'nmea' || name.startsWith('unicast_master_table')) continue;
      byIface.set(name, [...(byIface.get(name) ?? []), config.file]);
    }
  }
  return byIface;
}
