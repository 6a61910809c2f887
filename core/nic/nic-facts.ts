import { configuredInterfaces } from '../analysis/ptp-interfaces.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import type { NicProfiles } from './nic-profiles.js';

/** linuxptp's tx_timestamp_timeout when a config does not set it (config.c, 10 ms since 4.0; OpenShift runs 4.x). */
const LINUXPTP_TX_TIMESTAMP_TIMEOUT_MS = 10;

/** What a node's NIC profiles say of its ptp4l configs: facts for fault-severity's nic/* rules. */
export interface NodeNicFacts {
  /** The NIC profiles of its PTP interfaces, by id, joined. */
  profiles: string;
  /** The ptp4l config furthest below what its NICs need (else the first with a profiled NIC); null without one. */
  config: string | null;
  /** That config's tx_timestamp_timeout (ms), linuxptp's default when it sets none. */
  txTimestampTimeoutMs: number | null;
  /** The largest tx_timestamp_timeout the profiles of that config's NICs name (ms). */
  txTimestampTimeoutNeedMs: number | null;
  /** The drivers of that config's ports whose profile names that need. */
  drivers: string;
}

/** The NIC facts of one node: its rendered ptp4l configs against the profiles of the NICs their ports sit on. */
export function nicFacts(node: Pick<NodeSnapshot, 'configs' | 'nics'>, profiles: NicProfiles): NodeNicFacts {
  const interfaces = configuredInterfaces(node);
  const profileOf = (iface: string) =>
    profiles.of(node.nics.find((n) => n.iface === iface)?.driverInfo?.driver);
  const ids = new Set<string>();
  let worst: Omit<NodeNicFacts, 'profiles'> & { shortfall: number } = {
    config: null,
    txTimestampTimeoutMs: null,
    txTimestampTimeoutNeedMs: null,
    drivers: '',
    shortfall: Number.NEGATIVE_INFINITY,
  };
  for (const config of node.configs.filter((c) => c.program === 'ptp4l')) {
    const ports = [...interfaces].filter(([, files]) => files.includes(config.file)).map(([iface]) => iface);
    const known = ports.map(profileOf).filter((profile) => profile !== undefined);
    for (const profile of known) ids.add(profile.id);
    if (known.length === 0) continue;
    const need = Math.max(...known.map((profile) => profile.txTimestampTimeoutMs));
    const set = config.config.sections
      .find((section) => section.name === 'global')
      ?.entries.findLast((entry) => entry.key === 'tx_timestamp_timeout')?.value;
    const timeout = set === undefined ? LINUXPTP_TX_TIMESTAMP_TIMEOUT_MS : Number(set);
    if (need - timeout > worst.shortfall)
      worst = {
        config: config.file,
        txTimestampTimeoutMs: Number.isFinite(timeout) ? timeout : null,
        txTimestampTimeoutNeedMs: need,
        drivers: [...new Set(known.filter((p) => p.txTimestampTimeoutMs === need).map((p) => p.driver))].join(
          ', ',
        ),
        shortfall: need - timeout,
      };
  }
  const { shortfall: _, ...facts } = worst;
  return { profiles: [...ids].sort().join(', '), ...facts };
}
