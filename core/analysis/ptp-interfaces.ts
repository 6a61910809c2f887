import type { EthtoolTimestamping } from '../model/ethtool.js';
import type { NodeSnapshot } from '../model/snapshot.js';

/** What ethtool -T says of PTP: hardware (a PHC with hardware time stamps), software only, or none. */
export type TimestampingSupport = 'hardware' | 'software' | 'none' | 'unknown';

export function timestampingSupport(
  timestamping: EthtoolTimestamping | null | undefined,
): TimestampingSupport {
  if (!timestamping) return 'unknown';
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
