import type { ConfigEntry, ConfigSection, LinuxptpConfig } from '../model/linuxptp-config.js';

/** linuxptp's own sections; every other section is a port (interface), as `[nmea]` is for ts2phc's NMEA source. */
const NON_PORT_SECTIONS = new Set(['global', 'nmea', 'unicast_master_table']);

/**
 * Deprecated option names that linuxptp still accepts and renames on reading (config.c
 * check_deprecated_options); OpenShift configurations still write slaveOnly and masterOnly.
 */
const RENAMED_OPTIONS = new Map([
  ['slaveOnly', 'clientOnly'],
  ['masterOnly', 'serverOnly'],
  ['pi_offset_const', 'step_threshold'],
  ['pi_f_offset_const', 'first_step_threshold'],
  ['pi_max_frequency', 'max_frequency'],
]);

/** The name linuxptp uses for an option: `slaveOnly` is read as `clientOnly`. */
export function currentOptionName(key: string): string {
  return RENAMED_OPTIONS.get(key) ?? key;
}

/**
 * The entry linuxptp will use for `key` in `section` (default global): the last one written, since a later
 * value overwrites an earlier one, under either the current or the deprecated name. A port section without
 * the option falls back to [global], as linuxptp's config_get_*() do; the unicast table does not.
 */
export function findOption(config: LinuxptpConfig, key: string, section = 'global'): ConfigEntry | undefined {
  const name = currentOptionName(key);
  const own = lastEntry(config, section, name);
  if (own !== undefined || section === 'global' || section === 'unicast_master_table') return own;
  return lastEntry(config, 'global', name);
}

/** Port sections in file order; a port written twice appears twice (linuxptp merges them). */
export function portSections(config: LinuxptpConfig): ConfigSection[] {
  return config.sections.filter((section) => !NON_PORT_SECTIONS.has(section.name));
}

/** Each section name once, in order of first appearance. */
export function sectionNames(config: LinuxptpConfig): string[] {
  return [...new Set(config.sections.map((section) => section.name))];
}

function lastEntry(config: LinuxptpConfig, section: string, name: string): ConfigEntry | undefined {
  let found: ConfigEntry | undefined;
  for (const candidate of config.sections) {
    if (candidate.name !== section) continue;
    found = candidate.entries.findLast((entry) => currentOptionName(entry.key) === name) ?? found;
  }
  return found;
}
