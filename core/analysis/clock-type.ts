import type { PtpProfile } from '../model/ptp-config.js';
import { parseLinuxptpConfig } from '../parsers/linuxptp-config.js';
import { findOption, portOption, portSections } from '../parsers/linuxptp-config-lookup.js';
import { parseProcessOptions } from '../parsers/process-options.js';

/** OC: ordinary clock (a T-TSC when slave-only); BC: boundary clock; GM: grandmaster. */
export type ProfileClockType = 'GM' | 'BC' | 'OC';
/** The role of a node in the ITU-T G.8275.1 vocabulary, from all the profiles it runs. */
export type NodeRole = 'T-GM' | 'T-BC' | 'T-TSC' | 'unknown';

export interface ProfileClock {
  profile: string;
  type: ProfileClockType;
  /** Some port may become a time receiver (slave). */
  hasSlave: boolean;
  ports: string[];
  /** ts2phc is configured: the profile disciplines its PHC from an external source (GNSS 1PPS, DPLL). */
  usesTs2phc: boolean;
  /** `clientOnly|slaveOnly 1` ([global] or `--clientOnly 1`) or `-s`: every port runs ptp4l's ptp_slave_fsm. */
  slaveOnly: boolean;
  /** Ports whose own section sets `serverOnly|masterOnly 1`: configured to transmit time. */
  transmitPorts: string[];
  /**
   * A slave-only ptp4l with several ports of which some are meant to transmit (serverOnly 1, or the profile
   * says T-BC): a boundary clock whose transmit ports never leave LISTENING (port.c port_open picks
   * ptp_slave_fsm for every port of a clientOnly clock; fsm.c ptp_slave_fsm turns RS_MASTER into LISTENING).
   */
  slaveOnlyBoundary: boolean;
}

const SETTING_TYPES: Record<string, ProfileClockType> = { 'T-GM': 'GM', 'T-BC': 'BC' };

/**
 * The clock type linuxptp-daemon infers for a profile (release-4.18 pkg/daemon/config.go
 * PopulatePtp4lConf) when `ptpSettings.clockType` does not say it: a slave is present with `-s`,
 * `slaveOnly|clientOnly 1` (options or [global]), or `serverOnly|masterOnly 0` in a port section; no slave
 * → GM; a slave and more than one port → BC; else OC.
 * One refinement: a slave-only clock whose ports are all time receivers (the dual-port follower reference,
 * cnf-features-deploy PtpConfigDualFollower: two ports, active/standby) is an OC, a T-TSC: linuxptp keeps
 * the second port LISTENING. A slave-only clock with a port configured to transmit (serverOnly 1), or
 * declared a T-BC, stays a BC: a misconfigured one, `slaveOnlyBoundary`, whose transmit ports stay silent.
 */
export function profileClock(profile: PtpProfile): ProfileClock {
  const config = parseLinuxptpConfig(profile.ptp4lConf ?? '');
  const options = parseProcessOptions('ptp4l', profile.ptp4lOpts ?? '');
  const sections = portSections(config);
  const ports = [...new Set(sections.map((section) => section.name))];
  if (profile.interface && !ports.includes(profile.interface)) ports.push(profile.interface);
  const globalClientOnly = findOption(config, 'clientOnly')?.value.trim() === '1';
  const ownServerOnly = (port: string) => portOption(config, 'serverOnly', port)?.value.trim();
  const portMayBeSlave = ports.some((port) => ownServerOnly(port) === '0');
  const transmitPorts = ports.filter((port) => ownServerOnly(port) === '1');
  const slaveOnly =
    options.settings.clientOnly || options.configOverrides.clientOnly === '1' || globalClientOnly;
  const hasSlave = slaveOnly || portMayBeSlave;
  const declared = SETTING_TYPES[profile.ptpSettings?.clockType ?? ''];
  const slaveOnlyBoundary = slaveOnly && ports.length > 1 && (transmitPorts.length > 0 || declared === 'BC');
  const inferred: ProfileClockType = !hasSlave
    ? 'GM'
    : ports.length > 1 && (!slaveOnly || slaveOnlyBoundary)
      ? 'BC'
      : 'OC';
  const usesTs2phc = (profile.ts2phcConf ?? '').trim() !== '' || (profile.ts2phcOpts ?? '').trim() !== '';
  return {
    profile: profile.name,
    type: declared ?? inferred,
    hasSlave,
    ports,
    usesTs2phc,
    slaveOnly,
    transmitPorts,
    slaveOnlyBoundary,
  };
}

/**
 * A node's role from all its profiles: a boundary clock is often split in two profiles (a time-receiver
 * profile with the slave port, a time-transmitter profile whose ports are all masterOnly), so a node with
 * both slave and master-only profiles is a T-BC, not a T-GM.
 */
export function nodeRole(clocks: readonly ProfileClock[]): NodeRole {
  const ptp = clocks.filter((clock) => clock.ports.length > 0);
  if (ptp.length === 0) return 'unknown';
  if (ptp.some((clock) => clock.type === 'BC')) return 'T-BC';
  const slaves = ptp.filter((clock) => clock.hasSlave);
  if (slaves.length === 0) return 'T-GM';
  return slaves.length < ptp.length ? 'T-BC' : 'T-TSC';
}
