import {
  LINUXPTP_OPTION_TABLES,
  LINUXPTP_TABLE_RELEASES,
  type LinuxptpTableRelease,
} from './linuxptp-option-table.js';

/**
 * linuxptp configuration options (ptp4l, phc2sys, ts2phc share config.c): the name, whether linuxptp
 * accepts it in [global] only or in port sections too, and the first release that knows it ("3.1.1"
 * means 3.1.1 or earlier; "unreleased" means after 4.4). Derived from the generated config_tab tables
 * (linuxptp-option-table.ts), plus the downstream options below.
 */
export interface LinuxptpOption {
  scope: 'global' | 'port';
  since: LinuxptpTableRelease;
  /** Set for options of a downstream build only, not of upstream linuxptp. */
  vendor?: string;
}

/** The releases with an option table, oldest first ("unreleased" is not one). */
export const LINUXPTP_RELEASES = LINUXPTP_TABLE_RELEASES.filter(
  (release): release is Exclude<LinuxptpTableRelease, 'unreleased'> => release !== 'unreleased',
);

/** Options of downstream builds, not in upstream config.c. */
const VENDOR_OPTIONS: Readonly<Record<string, LinuxptpOption>> = {
  // Red Hat's linuxptp 4.4 (RHEL 9, the OpenShift PTP operator's image) carries this patch; the daemon
  // passes it on ts2phc's command line for T-BC designs and ts2phc logs it as a known config item.
  'ts2phc.rh_external_pps': { scope: 'global', since: '4.4', vendor: 'Red Hat' },
};

function deriveOptions(): Record<string, LinuxptpOption> {
  const options: Record<string, LinuxptpOption> = {};
  for (const release of LINUXPTP_TABLE_RELEASES) {
    for (const [name, item] of Object.entries(LINUXPTP_OPTION_TABLES[release])) {
      options[name] = { scope: item.scope, since: options[name]?.since ?? release };
    }
  }
  return { ...options, ...VENDOR_OPTIONS };
}

export const LINUXPTP_OPTIONS: Readonly<Record<string, LinuxptpOption>> = deriveOptions();

/** Deprecated spellings linuxptp still reads (config.c check_deprecated_options). */
export const LINUXPTP_DEPRECATED: Readonly<Record<string, string>> = {
  slaveOnly: 'clientOnly',
  masterOnly: 'serverOnly',
};
