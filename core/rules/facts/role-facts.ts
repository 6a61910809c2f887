import type { profileClock } from '../../analysis/clock-type.js';
import { phcMismatch } from '../../analysis/phc-topology.js';
import type { FindingLocation } from '../../model/finding.js';
import type { LinuxptpConfig } from '../../model/linuxptp-config.js';
import { findOption, portOption, portSections } from '../../parsers/linuxptp-config-lookup.js';
import type { ProfileFact } from './config-fact-schema.js';
import type { PositionedConfig } from './profile-facts.js';

/**
 * The role facts of a ptp4l profile (issue 9 item 4): its role, slave-only, the ports meant to transmit
 * or receive, and the PHC topology when the hardware is known. Read by rules/linuxptp-config.yaml and
 * rules/itu-t-g8275.1.yaml.
 */

/**
 * The number of PHCs the ports use, when the PHC of every port is known (ethtool -T; linuxptp port.c
 * port_open compares it with the clock's). Names do not tell it: an E810 card has one PHC for its ports
 * (ens4f0..f3 all "PTP Hardware Clock: 9" in the corpus ethtool sample) while the on-board eno1..4 of
 * that sample have one each, and udev may rename any interface.
 */
export function phcCount(ports: string[], phcs: Record<string, number | null> | undefined): number | null {
  if (!phcs || ports.length === 0) return null;
  const indexes = ports.map((port) => phcs[port]);
  if (indexes.some((index) => index === undefined || index === null)) return null;
  return new Set(indexes).size;
}

/** Ports ptp4l refuses for a PHC device mismatch, from the PHC index of each interface. */
export function refusedPorts(
  config: LinuxptpConfig,
  phcs: Record<string, number | null> | undefined,
): string[] {
  if (!phcs) return [];
  const ports = Object.entries(phcs).map(([iface, phcIndex]) => ({
    iface,
    phcIndex,
    driver: null,
    bus: null,
  }));
  return phcMismatch(config, ports, () => undefined)?.ports.map((port) => port.iface) ?? [];
}

/**
 * The role facts of a profile: role, slave-only, the ports meant to transmit, and where each is written.
 * Positions: `$.ports.<name>` is the port's section header; `$.slaveOnly` the clientOnly key (or -s).
 */
export function roleFacts(
  clock: ReturnType<typeof profileClock>,
  ptp4l: PositionedConfig,
  clientOnlyOnCommandLine: boolean,
  where: { file: string; positions: Map<string, FindingLocation>; at: (field: string) => FindingLocation },
) {
  const { file, positions, at } = where;
  for (const section of portSections(ptp4l.config)) {
    if (positions.has(`$.ports.${section.name}`)) continue;
    positions.set(
      `$.ports.${section.name}`,
      ptp4l.positioned ? { file, line: section.line, key: section.name } : at('ptp4lConf'),
    );
  }
  // A key that is not written is pointed at its [global] header (where it would go).
  const globalSection = ptp4l.config.sections.find((section) => section.name === 'global');
  const globalAt =
    ptp4l.positioned && globalSection ? { file, line: globalSection.line, key: 'global' } : at('ptp4lConf');
  positions.set('$.unicast', globalAt);
  const clientOnly = findOption(ptp4l.config, 'clientOnly');
  positions.set(
    '$.slaveOnly',
    clientOnlyOnCommandLine
      ? at('ptp4lOpts')
      : clientOnly && ptp4l.positioned
        ? { file, line: clientOnly.line, column: clientOnly.column, key: clientOnly.key }
        : globalAt,
  );
  // A T-BC's time-receiver port is the one whose section says serverOnly|masterOnly 0; its other ports
  // transmit, and the references give each of them masterOnly 1 (linuxptp-daemon doc/t-bc.md).
  const own = (port: string) => portOption(ptp4l.config, 'serverOnly', port)?.value.trim();
  const receivers = clock.ports.filter((port) => own(port) === '0');
  // Ports without their own setting inherit [global]'s (config_get_int falls back to it).
  const unassigned =
    clock.type === 'BC' && !clock.slaveOnly && receivers.length > 0
      ? clock.ports.filter(
          (port) =>
            own(port) === undefined && findOption(ptp4l.config, 'serverOnly', port)?.value.trim() !== '1',
        )
      : [];
  if (unassigned[0])
    positions.set(
      '$.transmitPortsWithoutServerOnly',
      positions.get(`$.ports.${unassigned[0]}`) ?? at('ptp4lConf'),
    );
  const role: ProfileFact['role'] =
    clock.type === 'GM' ? 'T-GM' : clock.type === 'BC' ? 'T-BC' : clock.hasSlave ? 'T-TSC' : 'OC';
  return {
    /** T-GM, T-BC, T-TSC (an OC that follows a master), from the clock type. */
    role,
    /** clientOnly|slaveOnly 1 or -s: ptp4l sets clockClass 255 (clock.c clock_create) and never transmits. */
    slaveOnly: clock.slaveOnly,
    /** A slave-only ptp4l with ports meant to transmit (clock-type.ts). */
    slaveOnlyBoundary: clock.slaveOnlyBoundary,
    transmitPorts: clock.transmitPorts,
    /** Ports whose section says serverOnly|masterOnly 0: the time-receiver ports. */
    receiverPorts: receivers,
    /** A T-BC's ports other than its time-receiver ports that do not say serverOnly|masterOnly 1. */
    transmitPortsWithoutServerOnly: unassigned,
  };
}
