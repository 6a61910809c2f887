import type { LinuxptpConfig } from '../model/linuxptp-config.js';
import { findOption, portSections } from '../parsers/linuxptp-config-lookup.js';

/** What is known of the PHC behind one interface. */
export interface PortPhc {
  iface: string;
  /** `ethtool -T`: "PTP Hardware Clock: N"; null when not read or `none`. */
  phcIndex: number | null;
  /** `ethtool -i` driver, for the NIC-family fallback. */
  driver: string | null;
  /** PCI address without the function (`0000:51:00`): one card. */
  bus: string | null;
}

/** How a driver's NICs expose PHCs: one per card (ice/E810) or one per port; undefined when not known. */
export type PhcPer = (driver: string | null) => 'nic' | 'port' | undefined;

/**
 * The PHC a port uses, as a key two ports share when they share a PHC: the index ethtool -T reports; when it
 * is unknown, the NIC family: a card with one PHC for its ports (E810: all four ports of a card report the
 * same PHC in the corpus ethtool sample) is keyed by its PCI bus, a one-PHC-per-port family by the port.
 * Otherwise null: unknown, and no judgment is made.
 */
export function phcKey(port: PortPhc, phcPer: PhcPer): string | null {
  if (port.phcIndex !== null) return `ptp${port.phcIndex}`;
  const per = phcPer(port.driver);
  if (per === 'nic' && port.bus) return `card ${port.bus}`;
  if (per === 'port') return `port ${port.iface}`;
  return null;
}

export interface PhcMismatch {
  /** The clock's PHC: the first port's (linuxptp v4.4 clock.c clock_create takes the first interface's). */
  clockPhc: string;
  /** Ports on another PHC whose boundary_clock_jbod is not 1: ptp4l refuses each ("PHC device mismatch"). */
  ports: { iface: string; phc: string }[];
}

/**
 * The ports ptp4l would refuse for a PHC device mismatch (linuxptp v4.4 port.c port_open): a port whose PHC
 * differs from the clock's fails unless its own boundary_clock_jbod (a port option, [global] as default)
 * is 1. Without a PHC (time_stamping software or legacy, or free_running 1: clock.c clock_create sets
 * phc_index -1) port_open makes no such check. A port that sets phc_index itself is left out. Null when
 * nothing is refused or the PHC of a port is unknown.
 */
export function phcMismatch(
  config: LinuxptpConfig,
  ports: readonly PortPhc[],
  phcPer: PhcPer,
): PhcMismatch | null {
  const timestamping = findOption(config, 'time_stamping')?.value.trim().toLowerCase() ?? 'hardware';
  if (timestamping === 'software' || timestamping === 'legacy') return null;
  if (findOption(config, 'free_running')?.value.trim() === '1') return null;
  const order = [...new Set(portSections(config).map((section) => section.name))];
  const known = order
    .map((iface) => ports.find((port) => port.iface === iface))
    .filter((port): port is PortPhc => port !== undefined);
  if (known.length < 2 || known.length < order.length) return null;
  const keys = known.map((port) => phcKey(port, phcPer));
  if (keys.some((key) => key === null)) return null;
  const clockPhc = keys[0]!;
  const refused = known
    .map((port, index) => ({ iface: port.iface, phc: keys[index]! }))
    .slice(1)
    .filter(
      ({ iface, phc }) =>
        phc !== clockPhc &&
        findOption(config, 'phc_index', iface) === undefined &&
        findOption(config, 'boundary_clock_jbod', iface)?.value.trim() !== '1',
    );
  return refused.length > 0 ? { clockPhc, ports: refused } : null;
}
